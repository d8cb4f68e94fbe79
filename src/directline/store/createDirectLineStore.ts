/**
 * The Direct Line store for a STORAGE_URL: `sqlite:<file>` (the bot's own file, its own connection) or
 * `memory:`. PostgreSQL has no Direct Line store yet: conversations then stay in this process's memory, and the
 * log says so.
 */
import { isAbsolute, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../contentPath';
import type { Logger } from '../../log/logger';
import { openSqlite } from '../../storage/sqliteDatabase';
import type { DirectLineStore } from './directLineStore';
import { MemoryDirectLineStore } from './memoryDirectLineStore';
import { SqliteDirectLineStore } from './sqliteDirectLineStore';

/** @example createDirectLineStore('sqlite:./data/bot.db', log) — a relative path is relative to the project folder. */
export function createDirectLineStore(storageUrl: string, log: Logger): DirectLineStore {
  if (storageUrl.startsWith('sqlite:')) {
    const file = storageUrl.slice('sqlite:'.length);
    return new SqliteDirectLineStore(openSqlite(file === ':memory:' || isAbsolute(file) ? file : resolve(PROJECT_ROOT, file)));
  }
  if (storageUrl !== 'memory:') {
    log.warn('Direct Line keeps its conversations in process memory: this storage has no Direct Line store yet (one instance only)');
  }
  return new MemoryDirectLineStore();
}
