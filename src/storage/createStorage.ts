/**
 * The storage backend a STORAGE_URL names: `sqlite:<file>` (default), `memory:`, `postgres://…` or
 * `postgresql://…`. Opening it runs its migrations; a database that cannot be reached fails here, at start,
 * with a StorageUnavailableError for the operator.
 */
import type { BotStorage } from './botStorage';
import { InMemoryStorage } from './memoryStorage';
import { openPostgres } from './postgresDatabase';
import { PostgresStorage } from './postgresStorage';
import { openSqlite } from './sqliteDatabase';
import { SqliteStorage } from './sqliteStorage';
import { isPostgresUrl, sqliteFileOf, unknownStorage } from './storageUrl';

/** @example await createStorage('sqlite:./data/bot.db') — a relative path is relative to the project folder. */
export async function createStorage(url: string): Promise<BotStorage> {
  if (url === 'memory:') return new InMemoryStorage();
  const file = sqliteFileOf(url);
  if (file) return new SqliteStorage(openSqlite(file));
  if (isPostgresUrl(url)) return new PostgresStorage(await openPostgres(url));
  throw unknownStorage(url);
}
