/** A second site for the browser tests: fixed HTML pages on another loopback address (127.0.0.2), another origin. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtherOrigin {
  /** e.g. http://127.0.0.2:41234 */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `pages` (path → HTML) and answers 404 to anything else.
 * @example const site = await serveOtherOrigin({ '/': '<!DOCTYPE html>…' }, { 'content-security-policy': "default-src 'self'" })
 */
export async function serveOtherOrigin(
  pages: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<OtherOrigin> {
  const server: Server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://localhost').pathname];
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    // restify, loaded in the same process, patches writeHead to return nothing: no chaining.
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.2:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
