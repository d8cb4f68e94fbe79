/**
 * HTTP requests with the request target sent byte for byte: fetch and http.request normalize or refuse
 * "../", backslashes and control characters, which are exactly what a traversal test must send.
 */
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Everything after the header block (possibly chunked: only searched, never parsed). */
  body: string;
}

/** @example await rawGet('http://127.0.0.1:3978', '/web/..%2f..%2fpackage.json') */
export function rawGet(origin: string, target: string): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`, 'latin1'));
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}
