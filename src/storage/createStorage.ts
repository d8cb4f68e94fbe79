/** The storage backend a STORAGE_URL names: `sqlite:<file>` (default), `memory:`. */
import { isAbsolute, resolve } from 'node:path';
import { PROJECT_ROOT } from '../contentPath';
import { ConfigError } from '../config/configError';
import type { BotStorage } from './botStorage';
import { InMemoryStorage } from './memoryStorage';
import { openSqlite } from './sqliteDatabase';
import { SqliteStorage } from './sqliteStorage';

/** @example createStorage('sqlite:./data/bot.db') — a relative path is relative to the project folder. */
export function createStorage(url: string): BotStorage {
  if (url === 'memory:') return new InMemoryStorage();
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    return new SqliteStorage(openSqlite(file === ':memory:' || isAbsolute(file) ? file : resolve(PROJECT_ROOT, file)));
  }
  throw new ConfigError([`STORAGE_URL "${url.replace(/\/\/[^@]*@/, '//…@')}" names a storage this build does not have`]);
}
