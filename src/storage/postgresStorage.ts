/**
 * Bot state in PostgreSQL (STORAGE_URL=postgres://…), for several instances sharing one database. Same
 * contract as SqliteStorage: a stale eTag fails with "eTag conflict", '*' or no eTag overwrites, a missing key
 * written with an eTag is created, every write gets a fresh eTag. The eTag check and the write are one
 * statement (an upsert whose update is conditional on the stored eTag), and a write of several keys is one
 * transaction: all of it or none.
 */
import { randomUUID } from 'node:crypto';
import type { StoreItems } from 'botbuilder';
import type { Pool, PoolClient } from 'pg';
import { eTagConflict, type BotStorage, type SharedLock } from './botStorage';
import { PostgresAdvisoryLock } from './postgresAdvisoryLock';
import { withConnection } from './postgresConnection';
import type { PostgresDatabase } from './postgresDatabase';
import { postgresJson } from './postgresJson';

/** Inserts, or updates when $4 (the eTag the writer read) is null or still the stored one; no row back = conflict. */
const UPSERT = `INSERT INTO state (key, value, etag, updated_at) VALUES ($1, $2::jsonb, $3, now())
  ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at
  WHERE $4::text IS NULL OR state.etag = $4::text`;

export class PostgresStorage implements BotStorage {
  /** Turns of one conversation wait for each other across every instance using this database. */
  readonly sharedLock: SharedLock;

  /** @param db the bot's database, opened (and closed) by openStorage() for every store */
  constructor(private readonly db: PostgresDatabase) {
    this.sharedLock = new PostgresAdvisoryLock(db.lockPool, `turns/${db.schema}`);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    if (!keys.length) return items;
    const { rows } = await this.db.pool.query<{ key: string; value: object; etag: string }>(
      'SELECT key, value, etag FROM state WHERE key = ANY($1::text[])',
      [keys],
    );
    for (const row of rows) items[row.key] = { ...row.value, eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // One order for every writer, so two transactions over the same keys never wait for each other in a cycle.
    const keys = Object.keys(changes).sort();
    if (!keys.length) return;
    if (keys.length === 1) return upsert(this.db.pool, keys[0] as string, changes[keys[0] as string]);
    await inTransaction(this.db.pool, async (client) => {
      for (const key of keys) await upsert(client, key, changes[key]);
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length) await this.db.pool.query('DELETE FROM state WHERE key = ANY($1::text[])', [keys]);
  }

  async isReady(): Promise<boolean> {
    try {
      await this.db.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}

async function upsert(db: Pool | PoolClient, key: string, item: unknown): Promise<void> {
  const { eTag, ...value } = (item ?? {}) as { eTag?: string };
  const expected = eTag && eTag !== '*' ? eTag : null;
  const result = await db.query(UPSERT, [key, postgresJson(value), randomUUID(), expected]);
  if (result.rowCount === 0) throw eTagConflict(key);
}

function inTransaction(pool: Pool, work: (client: PoolClient) => Promise<void>): Promise<void> {
  return withConnection(pool, async (client, discard) => {
    await client.query('BEGIN');
    try {
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(discard);
      throw error;
    }
  });
}
