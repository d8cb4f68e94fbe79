/** The ticket store a STORAGE_URL names: `sqlite:<file>` (default), `memory:`; PostgreSQL is not there yet. */
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../../config/configError';
import { PROJECT_ROOT } from '../../contentPath';
import { openSqlite, type SqliteDatabase } from '../../storage/sqliteDatabase';
import { MemoryTicketStore } from './memoryTicketStore';
import { SqliteTicketStore } from './sqliteTicketStore';
import type { TicketStore } from './ticketStore';

/**
 * The database file of a `sqlite:` URL, resolved as createStorage resolves it (a relative path is relative
 * to the project folder); undefined for any other URL.
 * @example sqliteFileOf('sqlite:./data/bot.db') // '/…/mpn-support-benefits-assistant/data/bot.db'
 */
export function sqliteFileOf(url: string): string | undefined {
  if (!url.startsWith('sqlite:')) return undefined;
  const file = url.slice('sqlite:'.length);
  return file === ':memory:' || isAbsolute(file) ? file : resolve(PROJECT_ROOT, file);
}

/**
 * @example createTicketStore('sqlite:./data/bot.db') // tickets in the bot's SQLite file (its own connection, closed by close())
 * @throws ConfigError for a URL this build keeps no tickets in
 */
export function createTicketStore(url: string): TicketStore {
  if (url === 'memory:') return new MemoryTicketStore();
  const file = sqliteFileOf(url);
  if (file) return new OwnSqliteTicketStore(openSqlite(file));
  // Replaced when the PostgreSQL ticket store arrives.
  if (/^postgres(ql)?:\/\//.test(url)) throw new ConfigError(['tickets in PostgreSQL are not available yet: use STORAGE_URL=sqlite:<file> for now']);
  throw new ConfigError([`STORAGE_URL "${url.replace(/\/\/[^@]*@/, '//…@')}" names a storage this build does not have`]);
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
