/**
 * Every store the bot keeps behind its STORAGE_URL, and how each backend builds it from the one open
 * connection. Adding a store is one entry here (plus its tables in sqliteMigrations.ts and
 * postgresMigrations.ts): openStorage() then opens it with the others, and closes the connection for all.
 */
import { MemoryDirectLineStore } from '../directline/store/memoryDirectLineStore';
import { PostgresDirectLineStore } from '../directline/store/postgresDirectLineStore';
import { SqliteDirectLineStore } from '../directline/store/sqliteDirectLineStore';
import type { DirectLineStore } from '../directline/store/directLineStore';
import { MemoryTicketStore } from '../tickets/store/memoryTicketStore';
import { PostgresTicketStore } from '../tickets/store/postgresTicketStore';
import { SqliteTicketStore } from '../tickets/store/sqliteTicketStore';
import type { TicketStore } from '../tickets/store/ticketStore';
import type { BotStorage } from './botStorage';
import { InMemoryStorage } from './memoryStorage';
import type { PostgresDatabase } from './postgresDatabase';
import { PostgresStorage } from './postgresStorage';
import type { SqliteDatabase } from './sqliteDatabase';
import { SqliteStorage } from './sqliteStorage';

/** How one store is built on each backend. A store never closes the connection it is given. */
export interface StoreBuilders<T> {
  memory(): T;
  sqlite(db: SqliteDatabase): T;
  postgres(db: PostgresDatabase): T;
}

const store = <T>(builders: StoreBuilders<T>): StoreBuilders<T> => builders;

export const STORES = {
  /** Bot state (conversation and user state, feedback, triage channels): botbuilder's Storage. */
  state: store<BotStorage>({ memory: () => new InMemoryStorage(), sqlite: (db) => new SqliteStorage(db), postgres: (db) => new PostgresStorage(db) }),
  /** Tickets of the support hand-off. */
  tickets: store<TicketStore>({ memory: () => new MemoryTicketStore(), sqlite: (db) => new SqliteTicketStore(db), postgres: (db) => new PostgresTicketStore(db) }),
  /** Direct Line conversations and their activities. */
  directLine: store<DirectLineStore>({
    memory: () => new MemoryDirectLineStore(),
    sqlite: (db) => new SqliteDirectLineStore(db),
    postgres: (db) => new PostgresDirectLineStore(db),
  }),
};

/** One of each store, as openStorage() hands them out. */
export type Stores = { readonly [K in keyof typeof STORES]: (typeof STORES)[K] extends StoreBuilders<infer T> ? T : never };

/** Builds every store of the catalog with one backend's builder. */
export function buildStores(build: <T>(builders: StoreBuilders<T>) => T): Stores {
  return Object.fromEntries(Object.entries(STORES).map(([name, builders]) => [name, build(builders as StoreBuilders<unknown>)])) as unknown as Stores;
}
