/** SqliteStorage (STORAGE_URL=sqlite:<file>) on a temporary file, against the conformance suite and the parallel-turns test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqlite } from '../../src/storage/sqliteDatabase';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { describeParallelTurns } from './parallelTurns';
import { describeStorageConformance } from './storageConformance';

const folder = mkdtempSync(join(tmpdir(), 'mpn-sqlite-storage-'));
let file = '';
let files = 0;

const backend = {
  name: 'SQLite',
  open: async () => new SqliteStorage(openSqlite((file = join(folder, `state-${++files}.db`)))),
  /** The same file opened again, as a second process would. */
  openAnother: async () => new SqliteStorage(openSqlite(file)),
};
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeStorageConformance(backend);
describeParallelTurns(backend);
