/** The raw request helper sends the request target exactly as given, NUL bytes and "../" included. */
import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest } from './rawHttp';

let server: ReturnType<typeof createServer> | undefined;

afterEach(async () => {
  if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
  server = undefined;
});

/** A server that answers 404 and keeps the request line it read. */
async function recordingServer(lines: string[]): Promise<string> {
  server = createServer((socket: Socket) => {
    socket.once('data', (chunk: Buffer) => {
      lines.push(chunk.toString('latin1').split('\r\n')[0] ?? '');
      socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\nconnection: close\r\n\r\nno');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('rawRequest', () => {
  it.each(['/web/..\0/package.json', '/vendor/..%2f..%2fpackage.json', '/web\\..\\.env', '/a b'])(
    'sends %j byte for byte',
    async (target) => {
      const lines: string[] = [];
      const origin = await recordingServer(lines);
      const { status, text } = await rawRequest(origin, { method: 'GET', path: target });
      expect(lines).toEqual([`GET ${target} HTTP/1.1`]);
      expect([status, text]).toEqual([404, 'no']);
    },
  );
});
