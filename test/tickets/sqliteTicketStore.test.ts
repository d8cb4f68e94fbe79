/**
 * SqliteTicketStore (STORAGE_URL=sqlite:<file>) on temporary files against the ticket store conformance suite,
 * with a second connection to the same file standing for a second process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStorage } from '../../src/storage/openStorage';
import { describeTicketStoreConformance } from './ticketStoreConformance';

const folder = mkdtempSync(join(tmpdir(), 'mpn-sqlite-tickets-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let file = '';
let files = 0;

describeTicketStoreConformance({
  name: 'SQLite',
  open: () => openStorage(`sqlite:${(file = join(folder, `tickets-${++files}.db`))}`),
  openAnother: () => openStorage(`sqlite:${file}`),
});
