/**
 * Bot state in an embedded SQLite file (the default): survives restarts, needs no server. Writes follow the
 * Storage contract: a stale eTag fails with "eTag conflict", '*' or no eTag overwrites, every write gets a
 * fresh eTag. WAL journaling keeps committed turns across a crash of the process.
 */
import { randomUUID } from 'node:crypto';
import type { StoreItems } from 'botbuilder';
import { eTagConflict, type BotStorage } from './botStorage';
import type { SqliteDatabase } from './sqliteDatabase';

export class SqliteStorage implements BotStorage {
  constructor(private readonly db: SqliteDatabase) {}

  async read(keys: string[]): Promise<StoreItems> {
    const select = this.db.prepare<[string], { value: string; etag: string }>(
      'SELECT value, etag FROM state WHERE key = ?',
    );
    const items: StoreItems = {};
    for (const key of keys) {
      const row = select.get(key);
      if (row) items[key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const current = this.db.prepare<[string], { etag: string }>('SELECT etag FROM state WHERE key = ?');
    const upsert = this.db.prepare(
      'INSERT INTO state (key, value, etag, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at',
    );
    this.db.transaction(() => {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...value } = (item ?? {}) as { eTag?: string };
        const existing = current.get(key);
        if (eTag && eTag !== '*' && existing && existing.etag !== eTag) throw eTagConflict(key);
        upsert.run(key, JSON.stringify(value), randomUUID(), new Date().toISOString());
      }
    })();
  }

  async delete(keys: string[]): Promise<void> {
    const remove = this.db.prepare('DELETE FROM state WHERE key = ?');
    this.db.transaction(() => keys.forEach((key) => remove.run(key)))();
  }

  async isReady(): Promise<boolean> {
    try {
      this.db.prepare('SELECT 1').get();
      return true;
    } catch {
      return false;
    }
  }
}
