/**
 * The storage backend a STORAGE_URL names: `sqlite:<file>` (default), `memory:`, `postgres://…` or
 * `postgresql://…`. Opening it runs its migrations; a database that cannot be reached fails here, at start,
 * with a StorageUnavailableError for the operator.
 */
import { isAbsolute, resolve } from 'node:path';
import { PROJECT_ROOT } from '../contentPath';
import { ConfigError } from '../config/configError';
import type { BotStorage } from './botStorage';
import { InMemoryStorage } from './memoryStorage';
import { openPostgres } from './postgresDatabase';
import { PostgresStorage } from './postgresStorage';
import { openSqlite } from './sqliteDatabase';
import { SqliteStorage } from './sqliteStorage';

/** @example await createStorage('sqlite:./data/bot.db') — a relative path is relative to the project folder. */
export async function createStorage(url: string): Promise<BotStorage> {
  if (url === 'memory:') return new InMemoryStorage();
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    return new SqliteStorage(openSqlite(file === ':memory:' || isAbsolute(file) ? file : resolve(PROJECT_ROOT, file)));
  }
  if (/^postgres(ql)?:\/\//.test(url)) return new PostgresStorage(await openPostgres(url));
  throw new ConfigError([`STORAGE_URL "${url.replace(/\/\/[^@]*@/, '//…@')}" names a storage this build does not have`]);
}
