/**
 * The Direct Line store for a STORAGE_URL: `sqlite:<file>` (the bot's own file, its own connection),
 * `postgres://…` (the tables next to the bot's state, on the database the state opened) or `memory:`.
 */
import type { PostgresDatabase } from '../../storage/postgresDatabase';
import { openSqlite } from '../../storage/sqliteDatabase';
import { isPostgresUrl, sqliteFileOf, unknownStorage } from '../../storage/storageUrl';
import type { DirectLineStore } from './directLineStore';
import { MemoryDirectLineStore } from './memoryDirectLineStore';
import { PostgresDirectLineStore } from './postgresDirectLineStore';
import { SqliteDirectLineStore } from './sqliteDirectLineStore';

export interface DirectLineStoreOptions {
  /** The open PostgreSQL database of a `postgres://` URL (PostgresStorage's `db`): required for one. */
  database?: PostgresDatabase;
}

/**
 * @example createDirectLineStore('sqlite:./data/bot.db') — a relative path is relative to the project folder.
 * @example createDirectLineStore(config.storageUrl, { database: storage.db }) — PostgreSQL, on the state's pool
 * @throws ConfigError for a URL this build has no Direct Line store for
 */
export function createDirectLineStore(storageUrl: string, options: DirectLineStoreOptions = {}): DirectLineStore {
  if (storageUrl === 'memory:') return new MemoryDirectLineStore();
  const file = sqliteFileOf(storageUrl);
  if (file) return new SqliteDirectLineStore(openSqlite(file));
  if (isPostgresUrl(storageUrl)) {
    // Opening a database is asynchronous (and runs the migrations): the app opens it once, for the state.
    if (!options.database) throw new Error('Direct Line in PostgreSQL uses the database the bot state opened: pass it as options.database');
    return new PostgresDirectLineStore(options.database);
  }
  throw unknownStorage(storageUrl);
}
