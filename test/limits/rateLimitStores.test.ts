/**
 * Every RateLimitStore (memory; PostgreSQL, shared by instances) keeps the token bucket of the one
 * RateLimiter: `burst` at once, refilled at `perSecond` by the limiter's clock, Retry-After the seconds until
 * the next token, one bucket per key and per limiter. With PostgreSQL, two instances (two storages on one
 * database) take from the same buckets, and concurrent takes never spend a token twice. A store that fails lets
 * the request through and says so.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock';
import { systemClock } from '../../src/clock';
import { MemoryRateLimitStore } from '../../src/rateLimit/memoryRateLimitStore';
import { RateLimiter } from '../../src/rateLimit/rateLimiter';
import type { RateLimitStore } from '../../src/rateLimit/rateLimitStore';
import { openStorage, type OpenedStorage } from '../../src/storage/openStorage';
import { useTestSchema } from '../support/postgres';

const schema = useTestSchema('ratelimits');
const opened: OpenedStorage[] = [];
afterAll(async () => {
  for (const storage of opened) await storage.close();
});
async function postgresStore(): Promise<RateLimitStore> {
  const storage = await openStorage(schema().url);
  opened.push(storage);
  return storage.rateLimits;
}

/** A clock that stands still until the test moves it. */
function standingClock(): Clock & { advance(ms: number): void } {
  let time = Date.parse('2026-03-01T09:00:00Z');
  return { now: () => time, sleep: (ms) => systemClock.sleep(ms), advance: (ms) => (time += ms) };
}

let keys = 0;
const freshKey = () => `client-${++keys}-${Math.random().toString(36).slice(2)}`;

describe.each([
  ['memory', async () => new MemoryRateLimitStore()],
  ['PostgreSQL', postgresStore],
] as const)('%s rate limit store', (_name, open) => {
  it('allows the burst at once, refuses the next with the seconds until a token, and refills at the rate', async () => {
    const clock = standingClock();
    const limiter = new RateLimiter({
      name: 'test',
      setting: { perSecond: 0.5, burst: 3 },
      store: await open(),
      clock,
    });
    const key = freshKey();
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.take(key));
    expect(decisions).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 2 },
    ]);
    clock.advance(1000);
    expect(await limiter.take(key)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1000);
    expect(await limiter.take(key)).toEqual({ allowed: true });
    expect(await limiter.take(key)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    // Refilled to the burst, never beyond it.
    clock.advance(60_000);
    for (let i = 0; i < 3; i++) expect(await limiter.take(key)).toEqual({ allowed: true });
    expect((await limiter.take(key)).allowed).toBe(false);
  });

  it('keeps a bucket per key and per limiter', async () => {
    const clock = standingClock();
    const store = await open();
    const setting = { perSecond: 1, burst: 1 };
    const addresses = new RateLimiter({ name: 'address', setting, store, clock });
    const users = new RateLimiter({ name: 'user', setting, store, clock });
    const [first, second] = [freshKey(), freshKey()];
    expect(await addresses.take(first)).toEqual({ allowed: true });
    expect((await addresses.take(first)).allowed).toBe(false);
    expect(await addresses.take(second)).toEqual({ allowed: true });
    expect(await users.take(first)).toEqual({ allowed: true });
  });

  it('never spends a token twice when takes come at once', async () => {
    const clock = standingClock();
    const limiter = new RateLimiter({
      name: 'test',
      setting: { perSecond: 0.001, burst: 10 },
      store: await open(),
      clock,
    });
    const key = freshKey();
    const decisions = await Promise.all(Array.from({ length: 40 }, () => limiter.take(key)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
  });
});

describe('PostgreSQL rate limits shared by two instances', () => {
  it('allow the burst once between them, not once each', async () => {
    const clock = standingClock();
    const setting = { perSecond: 0.001, burst: 6 };
    const [a, b] = [await postgresStore(), await postgresStore()];
    const instances = [
      new RateLimiter({ name: 'address', setting, store: a, clock }),
      new RateLimiter({ name: 'address', setting, store: b, clock }),
    ];
    const key = freshKey();
    const allowed = [];
    for (let i = 0; i < 12; i++) allowed.push((await (instances[i % 2] as RateLimiter).take(key)).allowed);
    expect(allowed.filter(Boolean)).toHaveLength(6);
    expect(allowed.slice(6)).toEqual([false, false, false, false, false, false]);
  });

  it('let a request through when the store fails, and report the failure', async () => {
    const failures: unknown[] = [];
    const broken: RateLimitStore = { take: () => Promise.reject(new Error('connection terminated')) };
    const limiter = new RateLimiter({
      name: 'address',
      setting: { perSecond: 1, burst: 1 },
      store: broken,
      clock: systemClock,
      onStoreError: (error) => failures.push(error),
    });
    expect(await limiter.take('client')).toEqual({ allowed: true });
    expect(failures).toHaveLength(1);
  });
});
