/**
 * The advisory lock that serializes a conversation's turns across processes: a second holder waits for the
 * first even on another pool (another process), other names do not wait, a failing turn releases it, and locks
 * live on connections of their own, so turns that hold them still get query connections when those are scarce.
 */
import { describe, expect, it } from 'vitest';
import { openPostgres, type PostgresDatabase } from '../../src/storage/postgresDatabase';
import { PostgresStorage } from '../../src/storage/postgresStorage';
import { useTestSchema } from '../support/postgres';

const schema = useTestSchema('locks');

/** A promise and the function that settles it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

async function withTwoProcesses(
  work: (first: PostgresStorage, second: PostgresStorage) => Promise<void>,
): Promise<void> {
  const dbs: PostgresDatabase[] = [await openPostgres(schema().url), await openPostgres(schema().url)];
  try {
    await work(new PostgresStorage(dbs[0] as PostgresDatabase), new PostgresStorage(dbs[1] as PostgresDatabase));
  } finally {
    for (const db of dbs) await db.close();
  }
}

describe('the PostgreSQL advisory lock of a conversation', () => {
  it('makes a holder in another process wait until the first one is done', async () => {
    await withTwoProcesses(async (first, second) => {
      const events: string[] = [];
      const release = deferred();
      const held = deferred();
      const one = first.sharedLock.withLock('msteams/a:chat', async () => {
        events.push('first holds');
        held.resolve();
        await release.promise;
        events.push('first done');
      });
      await held.promise;
      const two = second.sharedLock.withLock('msteams/a:chat', async () => void events.push('second holds'));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(events).toEqual(['first holds']);
      release.resolve();
      await Promise.all([one, two]);
      expect(events).toEqual(['first holds', 'first done', 'second holds']);
    });
  });

  it('does not make other conversations wait', async () => {
    await withTwoProcesses(async (first, second) => {
      const release = deferred();
      const held = deferred();
      const one = first.sharedLock.withLock('msteams/a:chat', async () => {
        held.resolve();
        await release.promise;
      });
      await held.promise;
      await expect(second.sharedLock.withLock('msteams/a:other-chat', async () => 'ran')).resolves.toBe('ran');
      release.resolve();
      await one;
    });
  });

  it('is released when the turn fails, and the failure reaches the caller', async () => {
    await withTwoProcesses(async (first, second) => {
      await expect(
        first.sharedLock.withLock('msteams/a:chat', async () => Promise.reject(new Error('the turn failed'))),
      ).rejects.toThrow('the turn failed');
      await expect(second.sharedLock.withLock('msteams/a:chat', async () => 'next turn')).resolves.toBe('next turn');
    });
  });

  it('holds locks on connections of their own: turns holding them still get the one query connection', async () => {
    const db = await openPostgres(schema().url, { poolSize: 1, lockPoolSize: 8 });
    const storage = new PostgresStorage(db);
    try {
      await storage.write({ shared: { count: 0 } });
      const turns = Array.from({ length: 8 }, (_, i) =>
        storage.sharedLock.withLock(`msteams/a:chat-${i}`, async () => {
          const { shared } = await storage.read(['shared']);
          await storage.write({ [`chat-${i}`]: { seen: shared.count } });
          return i;
        }),
      );
      await expect(Promise.all(turns)).resolves.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    } finally {
      await db.close();
    }
  });
});
