/**
 * The app for the Direct Line benchmark, in its own process (so the measuring client never shares its event
 * loop): `tsx bench/directline/benchServer.ts <storage URL>` prints `{"url": …}` once listening, and stops when
 * its stdin closes. The rate limit is lifted: it is not what is measured.
 */
import pino from 'pino';
import { createApp } from '../../src/app';
import { readConfig } from '../../src/config/config';

export const BENCH_SECRET = 'bench-directline-secret-0123456789abcdefghijkl';

async function serve(storageUrl: string): Promise<void> {
  const config = readConfig({
    STORAGE_URL: storageUrl,
    DIRECTLINE_SECRET: BENCH_SECRET,
    DIRECTLINE_RATE_PER_SECOND: '100000',
    DIRECTLINE_RATE_BURST: '100000',
  });
  const app = await createApp(config, pino({ level: 'silent' }));
  await new Promise<void>((resolve) => {
    app.server.listen(0, '127.0.0.1', resolve);
  });
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${app.server.address().port}` })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void app.close().then(() => process.exit(0)));
}

if (require.main === module) void serve(process.argv[2] ?? 'memory:');
