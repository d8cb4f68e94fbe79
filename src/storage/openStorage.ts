/**
 * The one opener of a STORAGE_URL: `sqlite:<file>` (default), `memory:`, `postgres://…` or `postgresql://…`.
 * It opens the connection once (a SQLite file, or a PostgreSQL database with its pools), runs the migrations,
 * hands every store of storeCatalog.ts that connection, and is the only owner of close(). A database that
 * cannot be reached fails here, at start, with a StorageUnavailableError for the operator.
 */
import { openPostgres, type PostgresOptions } from './postgresDatabase';
import { openSqlite } from './sqliteDatabase';
import { buildStores, type Stores } from './storeCatalog';
import { isPostgresUrl, sqliteFileOf, unknownStorage } from './storageUrl';

export type StorageBackendKind = 'memory' | 'sqlite' | 'postgres';

export interface OpenedStorage extends Stores {
  readonly backend: StorageBackendKind;
  /** Closes the connection every store uses (once; later calls wait for the same close). */
  close(): Promise<void>;
}

export interface OpenStorageOptions {
  /** Pool sizes and timeouts of a PostgreSQL database. */
  postgres?: PostgresOptions;
}

/**
 * @example const storage = await openStorage('sqlite:./data/bot.db'); … storage.state, storage.tickets …; await storage.close()
 * @throws ConfigError for a URL this build has no storage for; StorageUnavailableError for a database it cannot open
 */
export async function openStorage(url: string, options: OpenStorageOptions = {}): Promise<OpenedStorage> {
  if (url === 'memory:')
    return opened(
      'memory',
      buildStores((builders) => builders.memory()),
      async () => undefined,
    );
  const file = sqliteFileOf(url);
  if (file) {
    const db = openSqlite(file);
    return opened(
      'sqlite',
      buildStores((builders) => builders.sqlite(db)),
      async () => {
        if (db.open) db.close();
      },
    );
  }
  if (isPostgresUrl(url)) {
    const db = await openPostgres(url, options.postgres);
    return opened(
      'postgres',
      buildStores((builders) => builders.postgres(db)),
      () => db.close(),
    );
  }
  throw unknownStorage(url);
}

function opened(backend: StorageBackendKind, stores: Stores, closeConnection: () => Promise<void>): OpenedStorage {
  let closing: Promise<void> | undefined;
  return { ...stores, backend, close: () => (closing ??= closeConnection()) };
}
