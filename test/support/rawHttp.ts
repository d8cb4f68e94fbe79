/**
 * The one raw HTTP request of the tests: the request target is sent byte for byte (no normalization of "..",
 * "%ZZ", backslashes; even a NUL byte), any method, any headers, any body bytes, from any local address. fetch
 * would clean up exactly what a traversal or robustness test means to send.
 */
import { request as httpRequest } from 'node:http';

export interface RawExchange {
  status: number;
  headers: Headers;
  text: string;
}

/** @throws when no answer has come within `timeoutMs`: a server that hangs fails the test that waits for it. */
export function rawRequest(
  origin: string,
  options: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: Buffer | string;
    timeoutMs?: number;
    localAddress?: string;
  },
): Promise<RawExchange> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    // Node's client refuses a path with a control character or a space when the request is made, not when it is
    // written: it is made with a placeholder and given the raw target before anything is sent (the request
    // line then carries it byte for byte; test/support/rawHttp.test.ts checks the bytes on the wire).
    const target = {
      host: hostname.replace(/^\[|\]$/g, ''),
      port: Number(port),
      method: options.method,
      path: '/',
      headers: options.headers ?? {},
    };
    // localAddress: the address the request comes from, e.g. 127.0.0.2, another client on this machine.
    const req = httpRequest(
      { ...target, ...(options.localAddress ? { localAddress: options.localAddress } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    // An upgrade the server accepts (101) ends the exchange here: the socket is closed at once.
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 101, headers: new Headers(), text: '' });
    });
    req.path = options.path;
    req.setTimeout(options.timeoutMs ?? 10_000, () =>
      req.destroy(
        new Error(
          `no answer to ${options.method} ${options.path.slice(0, 200)} within ${options.timeoutMs ?? 10_000} ms`,
        ),
      ),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
