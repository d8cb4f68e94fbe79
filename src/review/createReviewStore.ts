/**
 * The review store a STORAGE_URL names, as for tickets: `sqlite:<file>` (default), `memory:`, `postgres://…`.
 * Pass the database the bot state already opened and the items share its connection or pool.
 */
import { openPostgres, type PostgresDatabase } from '../storage/postgresDatabase';
import { openSqlite, type SqliteDatabase } from '../storage/sqliteDatabase';
import { isPostgresUrl, sqliteFileOf, unknownStorage } from '../storage/storageUrl';
import { MemoryReviewStore } from './memoryReviewStore';
import { PostgresReviewStore } from './postgresReviewStore';
import { SqliteReviewStore } from './sqliteReviewStore';
import type { ReviewStore } from './reviewStore';

export interface ReviewStoreOptions {
  /** An open PostgreSQL database to reuse; without it a `postgres://` URL opens its own (closed by close()). */
  database?: PostgresDatabase;
}

/**
 * @example await createReviewStore('sqlite:./data/bot.db') // its own connection to the bot's file, closed by close()
 * @throws ConfigError for a URL this build keeps nothing in; StorageUnavailableError for a database it cannot open
 */
export async function createReviewStore(url: string, options: ReviewStoreOptions = {}): Promise<ReviewStore> {
  if (url === 'memory:') return new MemoryReviewStore();
  const file = sqliteFileOf(url);
  if (file) return new OwnSqliteReviewStore(openSqlite(file));
  if (isPostgresUrl(url)) return options.database ? new PostgresReviewStore(options.database) : new OwnPostgresReviewStore(await openPostgres(url));
  throw unknownStorage(url);
}

class OwnSqliteReviewStore extends SqliteReviewStore {
  constructor(private readonly database: SqliteDatabase) {
    super(database);
  }

  override async close(): Promise<void> {
    this.database.close();
  }
}

class OwnPostgresReviewStore extends PostgresReviewStore {
  constructor(private readonly database: PostgresDatabase) {
    super(database);
  }

  override async close(): Promise<void> {
    await this.database.close();
  }
}
