/**
 * PostgreSQL advisory locks, held on a connection of their own for as long as the work runs: every process
 * using the same database waits for the holder. A lock is named by a scope and a key, both hashed
 * (pg_advisory_lock(int4, int4)); a hash collision only makes two unrelated names wait for each other. If the
 * connection dies, PostgreSQL drops the lock with it.
 */
import type { Pool, PoolClient } from 'pg';
import type { SharedLock } from './botStorage';
import { withConnection } from './postgresConnection';

const LOCK = 'SELECT pg_advisory_lock(hashtext($1), hashtext($2))';
const UNLOCK = 'SELECT pg_advisory_unlock(hashtext($1), hashtext($2))';

/**
 * @example await withAdvisoryLock(pool, 'migrations/public', '', (client) => migrate(client))
 * @param work gets the connection that holds the lock (migrations run on it; a turn needs none).
 */
export function withAdvisoryLock<T>(
  pool: Pool,
  scope: string,
  key: string,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  return withConnection(pool, async (client, discard) => {
    await client.query(LOCK, [scope, key]);
    // A connection that could not unlock is destroyed, which unlocks; the work's outcome stands either way.
    const unlock = () => client.query(UNLOCK, [scope, key]).then(() => undefined, discard);
    try {
      return await work(client);
    } finally {
      await unlock();
    }
  });
}

/** Advisory locks under one scope, as the storage seam's SharedLock. */
export class PostgresAdvisoryLock implements SharedLock {
  /** @param pool connections that only ever hold locks, so a waiting turn never takes one its holder needs */
  constructor(
    private readonly pool: Pool,
    private readonly scope: string,
  ) {}

  withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
    return withAdvisoryLock(this.pool, this.scope, name, () => work());
  }
}
