/** A port nothing listens on right now: the kernel's choice for port 0 on loopback, released at once. */
import { createServer } from 'node:net';

/** @example const port = await freePort(); spawn('node', ['dist/src/index.js'], { env: { PORT: String(port) } }) */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
