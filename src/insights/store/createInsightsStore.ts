/**
 * The insights store a STORAGE_URL names: `sqlite:<file>` (default), `memory:`, `postgres://…`. With PostgreSQL
 * the events live next to the bot's state: pass the database the state already opened, and they share its pool.
 */
import { openPostgres, type PostgresDatabase } from '../../storage/postgresDatabase';
import { openSqlite, type SqliteDatabase } from '../../storage/sqliteDatabase';
import { isPostgresUrl, sqliteFileOf, unknownStorage } from '../../storage/storageUrl';
import type { InsightsStore } from './insightsStore';
import { MemoryInsightsStore } from './memoryInsightsStore';
import { PostgresInsightsStore } from './postgresInsightsStore';
import { SqliteInsightsStore } from './sqliteInsightsStore';

export interface InsightsStoreOptions {
  /** An open PostgreSQL database to reuse (PostgresStorage's `db`); without it a `postgres://` URL opens its own. */
  database?: PostgresDatabase;
}

/**
 * @example await createInsightsStore(config.storageUrl, { database: storage.db })
 * @throws ConfigError for a URL this build keeps nothing in; StorageUnavailableError for a database it cannot open
 */
export async function createInsightsStore(url: string, options: InsightsStoreOptions = {}): Promise<InsightsStore> {
  if (url === 'memory:') return new MemoryInsightsStore();
  const file = sqliteFileOf(url);
  if (file) return new OwnSqliteInsightsStore(openSqlite(file));
  if (isPostgresUrl(url)) return options.database ? new PostgresInsightsStore(options.database) : new OwnPostgresInsightsStore(await openPostgres(url));
  throw unknownStorage(url);
}

/** A SQLite insights store that opened its database itself, and so closes it. */
class OwnSqliteInsightsStore extends SqliteInsightsStore {
  constructor(private readonly database: SqliteDatabase) {
    super(database);
  }

  override async close(): Promise<void> {
    this.database.close();
  }
}

/** A PostgreSQL insights store that opened its database itself, and so closes it. */
class OwnPostgresInsightsStore extends PostgresInsightsStore {
  constructor(private readonly database: PostgresDatabase) {
    super(database);
  }

  override async close(): Promise<void> {
    await this.database.close();
  }
}
