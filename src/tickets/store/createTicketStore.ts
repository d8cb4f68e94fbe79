/**
 * The ticket store a STORAGE_URL names: `sqlite:<file>` (default), `memory:`, `postgres://…`. With PostgreSQL
 * the tickets live next to the bot's state: pass the database the state already opened, and they share its pool.
 */
import { openPostgres, type PostgresDatabase } from '../../storage/postgresDatabase';
import { openSqlite, type SqliteDatabase } from '../../storage/sqliteDatabase';
import { isPostgresUrl, sqliteFileOf, unknownStorage } from '../../storage/storageUrl';
import { MemoryTicketStore } from './memoryTicketStore';
import { PostgresTicketStore } from './postgresTicketStore';
import { SqliteTicketStore } from './sqliteTicketStore';
import type { TicketStore } from './ticketStore';

export interface TicketStoreOptions {
  /** An open PostgreSQL database to reuse (PostgresStorage's `db`); without it a `postgres://` URL opens its own. */
  database?: PostgresDatabase;
}

/**
 * @example await createTicketStore('sqlite:./data/bot.db') // tickets in the bot's SQLite file (its own connection, closed by close())
 * @example await createTicketStore(config.storageUrl, { database: storage.db }) // PostgreSQL, on the state's pool
 * @throws ConfigError for a URL this build keeps no tickets in; StorageUnavailableError for a database it cannot open
 */
export async function createTicketStore(url: string, options: TicketStoreOptions = {}): Promise<TicketStore> {
  if (url === 'memory:') return new MemoryTicketStore();
  const file = sqliteFileOf(url);
  if (file) return new OwnSqliteTicketStore(openSqlite(file));
  if (isPostgresUrl(url)) return options.database ? new PostgresTicketStore(options.database) : new OwnPostgresTicketStore(await openPostgres(url));
  throw unknownStorage(url);
}

/** A SQLite ticket store that opened its database itself, and so closes it. */
class OwnSqliteTicketStore extends SqliteTicketStore {
  constructor(private readonly database: SqliteDatabase) {
    super(database);
  }

  override async close(): Promise<void> {
    this.database.close();
  }
}

/** A PostgreSQL ticket store that opened its database itself (the tickets CLI), and so closes it. */
class OwnPostgresTicketStore extends PostgresTicketStore {
  constructor(private readonly database: PostgresDatabase) {
    super(database);
  }

  override async close(): Promise<void> {
    await this.database.close();
  }
}
