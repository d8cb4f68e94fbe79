/** SqliteReviewStore (opened with the other stores by openStorage) on temporary files against the conformance suite, a second connection standing for a second process. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStorage } from '../../src/storage/openStorage';
import { describeReviewStoreConformance } from './reviewStoreConformance';

const folder = mkdtempSync(join(tmpdir(), 'mpn-sqlite-review-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let file = '';
let files = 0;

describeReviewStoreConformance({
  name: 'SQLite',
  open: () => openStorage(`sqlite:${(file = join(folder, `review-${++files}.db`))}`),
  openAnother: () => openStorage(`sqlite:${file}`),
});
