/**
 * Every store the bot keeps behind its STORAGE_URL, and how each backend builds it from the one open
 * connection. Adding a store is one entry here (plus its tables in sqliteMigrations.ts and
 * postgresMigrations.ts): openStorage() then opens it with the others, and closes the connection for all.
 */
import { MemoryDirectLineStore } from '../directline/store/memoryDirectLineStore';
import { PostgresDirectLineStore } from '../directline/store/postgresDirectLineStore';
import { SqliteDirectLineStore } from '../directline/store/sqliteDirectLineStore';
import type { DirectLineStore } from '../directline/store/directLineStore';
import { MemoryInsightsStore } from '../insights/store/memoryInsightsStore';
import { PostgresInsightsStore } from '../insights/store/postgresInsightsStore';
import { SqliteInsightsStore } from '../insights/store/sqliteInsightsStore';
import type { InsightsStore } from '../insights/store/insightsStore';
import { MemoryRateLimitStore } from '../rateLimit/memoryRateLimitStore';
import { PostgresRateLimitStore } from '../rateLimit/postgresRateLimitStore';
import type { RateLimitStore } from '../rateLimit/rateLimitStore';
import { MemoryTicketStore } from '../tickets/store/memoryTicketStore';
import { PostgresTicketStore } from '../tickets/store/postgresTicketStore';
import { SqliteTicketStore } from '../tickets/store/sqliteTicketStore';
import type { TicketStore } from '../tickets/store/ticketStore';
import { MemoryReviewStore } from '../review/memoryReviewStore';
import { PostgresReviewStore } from '../review/postgresReviewStore';
import type { ReviewStore } from '../review/reviewStore';
import { SqliteReviewStore } from '../review/sqliteReviewStore';
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
  state: store<BotStorage>({
    memory: () => new InMemoryStorage(),
    sqlite: (db) => new SqliteStorage(db),
    postgres: (db) => new PostgresStorage(db),
  }),
  /** Tickets of the support hand-off. */
  tickets: store<TicketStore>({
    memory: () => new MemoryTicketStore(),
    sqlite: (db) => new SqliteTicketStore(db),
    postgres: (db) => new PostgresTicketStore(db),
  }),
  /** The questions the bot missed, kept for review (src/review). */
  reviews: store<ReviewStore>({
    memory: () => new MemoryReviewStore(),
    sqlite: (db) => new SqliteReviewStore(db),
    postgres: (db) => new PostgresReviewStore(db),
  }),
  /** Direct Line conversations and their activities. */
  directLine: store<DirectLineStore>({
    memory: () => new MemoryDirectLineStore(),
    sqlite: (db) => new SqliteDirectLineStore(db),
    postgres: (db) => new PostgresDirectLineStore(db),
  }),
  /** The insights' events (one per counted turn) and the salt of their conversation keys. */
  insights: store<InsightsStore>({
    memory: () => new MemoryInsightsStore(),
    sqlite: (db) => new SqliteInsightsStore(db),
    postgres: (db) => new PostgresInsightsStore(db),
  }),
  /** Token buckets of the rate limits: in memory where one process owns the storage, shared with PostgreSQL. */
  rateLimits: store<RateLimitStore>({
    memory: () => new MemoryRateLimitStore(),
    sqlite: () => new MemoryRateLimitStore(),
    postgres: (db) => new PostgresRateLimitStore(db),
  }),
};

/** One of each store, as openStorage() hands them out. */
export type Stores = {
  readonly [K in keyof typeof STORES]: (typeof STORES)[K] extends StoreBuilders<infer T> ? T : never;
};

/** Builds every store of the catalog with one backend's builder. */
export function buildStores(build: <T>(builders: StoreBuilders<T>) => T): Stores {
  return Object.fromEntries(
    Object.entries(STORES).map(([name, builders]) => [name, build(builders as StoreBuilders<unknown>)]),
  ) as unknown as Stores;
}
