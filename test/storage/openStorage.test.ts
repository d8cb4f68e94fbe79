/**
 * openStorage(), the one opener of a STORAGE_URL: every store of the catalog comes from it, on one connection
 * it alone closes. With SQLite that is one connection to the file for the state, the tickets and the Direct
 * Line conversations: once closed, none of them can use it. (PostgreSQL: postgresTicketStore.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/configError';
import { openStorage } from '../../src/storage/openStorage';
import { STORES } from '../../src/storage/storeCatalog';
import { SEED } from '../tickets/ticketFixtures';

const folder = mkdtempSync(join(tmpdir(), 'mpn-open-storage-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const newTicket = (sourceActivityId: string) => ({
  ...(SEED[0]?.ticket as NonNullable<(typeof SEED)[0]>['ticket']),
  sourceActivityId,
});

describe('openStorage', () => {
  it.each([
    ['memory:', 'memory'],
    [`sqlite:${join(folder, 'every-store.db')}`, 'sqlite'],
  ])('hands out every store of the catalog for %s', async (url, backend) => {
    const storage = await openStorage(url);
    try {
      expect(storage.backend).toBe(backend);
      for (const name of Object.keys(STORES)) expect(storage[name as keyof typeof STORES], name).toBeDefined();
      await storage.state.write({ key: { n: 1 } });
      expect((await storage.state.read(['key'])).key.n).toBe(1);
      expect((await storage.tickets.create(newTicket('act-1'))).created).toBe(true);
      expect(await storage.directLine.createConversation({ id: 'c', createdAt: '2026-03-01T09:00:00.000Z' })).toBe(
        true,
      );
    } finally {
      await storage.close();
    }
  });

  it('opens a SQLite file once for every store: closing the storage closes it for all of them', async () => {
    const storage = await openStorage(`sqlite:${join(folder, 'one-connection.db')}`);
    await storage.state.write({ before: { n: 1 } });
    await storage.close();
    await expect(storage.state.read(['before'])).rejects.toThrow(/not open/);
    await expect(storage.tickets.list()).rejects.toThrow(/not open/);
    await expect(storage.directLine.getConversation('c')).rejects.toThrow(/not open/);
    // Closing again is harmless; the data stays in the file for the next opening.
    await storage.close();
    const again = await openStorage(`sqlite:${join(folder, 'one-connection.db')}`);
    expect((await again.state.read(['before'])).before.n).toBe(1);
    await again.close();
  });

  it('refuses a URL this build has no storage for, without repeating its password', async () => {
    const error = await openStorage('mongodb://bot:s3cret@db/bot').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).not.toContain('s3cret');
  });
});
