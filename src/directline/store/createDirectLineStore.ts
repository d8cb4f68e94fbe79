/**
 * The Direct Line store for a STORAGE_URL: `sqlite:<file>` (the bot's own file, its own connection),
 * `postgres://…` (the tables next to the bot's state, on the database the state opened) or `memory:`.
 */
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../../config/configError';
import { PROJECT_ROOT } from '../../contentPath';
import type { PostgresDatabase } from '../../storage/postgresDatabase';
import { openSqlite } from '../../storage/sqliteDatabase';
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
  if (storageUrl.startsWith('sqlite:')) {
    const file = storageUrl.slice('sqlite:'.length);
    return new SqliteDirectLineStore(openSqlite(file === ':memory:' || isAbsolute(file) ? file : resolve(PROJECT_ROOT, file)));
  }
  if (/^postgres(ql)?:\/\//.test(storageUrl)) {
    // Opening a database is asynchronous (and runs the migrations): the app opens it once, for the state.
    if (!options.database) throw new Error('Direct Line in PostgreSQL uses the database the bot state opened: pass it as options.database');
    return new PostgresDirectLineStore(options.database);
  }
  throw new ConfigError([`STORAGE_URL "${storageUrl.replace(/\/\/[^@]*@/, '//…@')}" names a storage this build does not have`]);
}
