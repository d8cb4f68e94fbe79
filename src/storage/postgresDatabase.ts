/**
 * A PostgreSQL database (STORAGE_URL=postgres://…), opened once by openStorage() and shared by every store of
 * storeCatalog.ts (state, tickets, Direct Line conversations, …). Opening connects, finds the schema (the first existing one of the
 * search_path; `?options=-c%20search_path%3Dname` in the URL picks another) and applies the numbered migrations
 * of postgresMigrations.ts, once each, in order, under an advisory lock so that instances starting together
 * do not race. A database that cannot be used fails with a StorageUnavailableError naming the server and what
 * to do, never the password.
 */
import { Pool, type PoolClient } from 'pg';
import { withAdvisoryLock } from './postgresAdvisoryLock';
import { POSTGRES_MIGRATIONS } from './postgresMigrations';
import type { Migration } from './sqliteMigrations';
import { StorageUnavailableError } from './storageUnavailableError';

export interface PostgresDatabase {
  /** Connections for queries. */
  readonly pool: Pool;
  /** Connections that only hold advisory locks for the length of a turn (see PostgresAdvisoryLock). */
  readonly lockPool: Pool;
  /** The schema the tables live in. */
  readonly schema: string;
  /** host:port/database, for messages: never the user or password. */
  readonly where: string;
  close(): Promise<void>;
}

export interface PostgresOptions {
  migrations?: readonly Migration[];
  /** Query connections (default 10). */
  poolSize?: number;
  /** Lock connections, i.e. conversations with a turn running at once in this process (default 20). */
  lockPoolSize?: number;
  /** How long to wait for a connection before giving up (default 5 s). */
  connectTimeoutMs?: number;
}

/** @example const db = await openPostgres('postgres://bot@db.internal:5432/bot') */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
  const where = describeServer(url);
  const pool = createPool(url, options.poolSize ?? 10, options);
  const lockPool = createPool(url, options.lockPoolSize ?? 20, options);
  const end = () => Promise.all([pool.end(), lockPool.end()]).then(() => undefined);
  try {
    const schema = await findSchema(pool, where);
    await withAdvisoryLock(pool, `migrations/${schema}`, '', (client) =>
      migrate(client, options.migrations ?? POSTGRES_MIGRATIONS),
    );
    let closing: Promise<void> | undefined;
    return { pool, lockPool, schema, where, close: () => (closing ??= end()) };
  } catch (error) {
    await end().catch(() => undefined);
    throw error;
  }
}

function createPool(url: string, max: number, options: PostgresOptions): Pool {
  const pool = new Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    application_name: 'mpn-support-bot',
  });
  // A connection that breaks while idle (the server restarted) is dropped by the pool and replaced on the next
  // query; without a listener the 'error' event would end the process. isReady() reports the outage meanwhile.
  pool.on('error', () => undefined);
  return pool;
}

async function findSchema(pool: Pool, where: string): Promise<string> {
  let schema: string | null;
  try {
    schema = (await pool.query<{ schema: string | null }>('SELECT current_schema() AS schema')).rows[0]?.schema ?? null;
  } catch (error) {
    throw new StorageUnavailableError(
      `Cannot use PostgreSQL at ${where}: ${reasonOf(error)}. Start the database server, or correct STORAGE_URL.`,
      { cause: error },
    );
  }
  if (!schema)
    throw new StorageUnavailableError(
      `PostgreSQL at ${where}: no schema of the search_path exists. Create it, or correct the search_path in STORAGE_URL.`,
    );
  return schema;
}

async function migrate(client: PoolClient, migrations: readonly Migration[]): Promise<void> {
  await client.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied = new Set(
    (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version),
  );
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    try {
      await client.query('BEGIN');
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new Error(`PostgreSQL migration ${migration.version} failed: ${reasonOf(error)}`, { cause: error });
    }
  }
}

/** "db.internal:5432/bot" from "postgres://bot:secret@db.internal:5432/bot?…". */
export function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${decodeURIComponent(parsed.hostname) || 'localhost'}:${parsed.port || '5432'}${decodeURIComponent(parsed.pathname) || '/'}`;
  } catch {
    return 'the server named by STORAGE_URL';
  }
}

/** Node reports a refused connection to every address of a name as an AggregateError with an empty message. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message || (error as { code?: string }).code || error.name;
}
