/**
 * `npm run bench:ratelimit`: our RateLimiter (src/rateLimit) and rate-limiter-flexible, side by side in one run,
 * each with a memory store and a PostgreSQL store (one schema of its own in BENCH_POSTGRES_URL, default
 * TEST_POSTGRES_URL, dropped after): takes per second and per-take p50/p99, one client at a time and 16 at
 * once, 20 takes per key (every take allowed: burst 60). Rounds alternate ours/theirs. Writes
 * bench/reports/rate-limit.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { systemClock } from '../../src/clock';
import { PROJECT_ROOT } from '../../src/contentPath';
import { MemoryRateLimitStore } from '../../src/rateLimit/memoryRateLimitStore';
import { RateLimiter } from '../../src/rateLimit/rateLimiter';
import { openStorage } from '../../src/storage/openStorage';

const SETTING = { perSecond: 20, burst: 60 };
/** Takes per key in a round: within the burst, so every take is allowed. */
const TAKES_PER_KEY = 20;
const TAKES = 20_000;
const ROUNDS = 3;

type Take = (key: string) => Promise<boolean>;

interface Figures {
  perSecond: number;
  p50_us: number;
  p99_us: number;
}

async function measure(take: Take, concurrency: number, takes: number): Promise<Figures> {
  const times: number[] = [];
  let next = 0;
  const prefix = Math.random().toString(36).slice(2);
  const worker = async () => {
    while (next < takes) {
      const i = next++;
      const started = performance.now();
      if (!(await take(`${prefix}-${i % Math.ceil(takes / TAKES_PER_KEY)}`)))
        throw new Error('a take was refused: the workload is meant to stay within the burst');
      times.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 1000);
  return { perSecond: Math.round((takes / elapsed) * 1000), p50_us: at(0.5), p99_us: at(0.99) };
}

const flexible =
  (limiter: RateLimiterMemory | RateLimiterPostgres): Take =>
  (key) =>
    limiter.consume(key).then(
      () => true,
      (error: unknown) => {
        if (error instanceof RateLimiterRes) return false;
        throw error;
      },
    );
const ours =
  (limiter: RateLimiter): Take =>
  async (key) =>
    (await limiter.take(key)).allowed;

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

async function main(): Promise<void> {
  const base =
    process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_ratelimit_${Date.now()}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = withSearchPath(base, schema);
  const storage = await openStorage(url);
  const pool = new Pool({ connectionString: url, max: 10 });
  try {
    const theirsPostgres = await new Promise<RateLimiterPostgres>((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        {
          storeClient: pool,
          storeType: 'pool',
          tableName: 'rlflx',
          points: SETTING.burst,
          duration: SETTING.burst / SETTING.perSecond,
          clearExpiredByTimeout: false,
        },
        (error?: Error) => (error ? reject(error) : resolve(limiter)),
      );
    });
    const contenders: { name: string; store: string; take: () => Take }[] = [
      {
        name: 'ours (token bucket)',
        store: 'memory',
        take: () =>
          ours(
            new RateLimiter({ name: 'bench', setting: SETTING, store: new MemoryRateLimitStore(), clock: systemClock }),
          ),
      },
      {
        name: 'rate-limiter-flexible',
        store: 'memory',
        take: () =>
          flexible(new RateLimiterMemory({ points: SETTING.burst, duration: SETTING.burst / SETTING.perSecond })),
      },
      {
        name: 'ours (token bucket)',
        store: 'PostgreSQL',
        take: () =>
          ours(new RateLimiter({ name: 'bench', setting: SETTING, store: storage.rateLimits, clock: systemClock })),
      },
      { name: 'rate-limiter-flexible', store: 'PostgreSQL', take: () => flexible(theirsPostgres) },
    ];
    const rows: string[] = [];
    for (const concurrency of [1, 16]) {
      for (const contender of contenders) {
        const takes = contender.store === 'memory' ? TAKES * 10 : TAKES;
        await measure(contender.take(), concurrency, Math.min(takes, 2000)); // warm-up
        const rounds: Figures[] = [];
        for (let round = 0; round < ROUNDS; round++) rounds.push(await measure(contender.take(), concurrency, takes));
        rounds.sort((a, b) => a.perSecond - b.perSecond);
        const median = rounds[Math.floor(ROUNDS / 2)] as Figures;
        rows.push(
          `| ${contender.store} | ${concurrency} | ${contender.name} | ${median.perSecond.toLocaleString('en')} | ${median.p50_us} | ${median.p99_us} |`,
        );
        console.info(rows.at(-1));
      }
    }
    const report = [
      '# Rate limiter: ours and rate-limiter-flexible, side by side',
      '',
      `One run of \`npm run bench:ratelimit\` (${new Date().toISOString().slice(0, 10)}), ${TAKES_PER_KEY} takes per key, every take allowed (burst ${SETTING.burst}, ${SETTING.perSecond}/s);`,
      `median of ${ROUNDS} rounds after a warm-up. Memory: ${(TAKES * 10).toLocaleString('en')} takes a round; PostgreSQL: ${TAKES.toLocaleString('en')} takes a round, pools of 10 connections, the database on loopback.`,
      '',
      '| store | clients at once | limiter | takes/s | p50 µs | p99 µs |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    mkdirSync(join(PROJECT_ROOT, 'bench', 'reports'), { recursive: true });
    writeFileSync(join(PROJECT_ROOT, 'bench', 'reports', 'rate-limit.md'), report);
  } finally {
    await pool.end();
    await storage.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
