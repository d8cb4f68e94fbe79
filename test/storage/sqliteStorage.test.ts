/** SqliteStorage (STORAGE_URL=sqlite:<file>) on a temporary file, against the conformance suite and the parallel-turns test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStorage } from '../../src/storage/openStorage';
import { describeParallelTurns } from './parallelTurns';
import { describeStorageConformance } from './storageConformance';

const folder = mkdtempSync(join(tmpdir(), 'mpn-sqlite-storage-'));
let file = '';
let files = 0;

const backend = {
  name: 'SQLite',
  open: () => openStorage(`sqlite:${(file = join(folder, `state-${++files}.db`))}`),
  /** The same file opened again, as a second process would. */
  openAnother: () => openStorage(`sqlite:${file}`),
};
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeStorageConformance(backend);
describeParallelTurns(backend);
