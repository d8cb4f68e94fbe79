/**
 * PostgresTicketStore (STORAGE_URL=postgres://…) against the ticket store conformance suite, with a second
 * database handle (pools of its own) standing for a second instance; and what only PostgreSQL has: the pool
 * shared with the bot state, a change that loses its race failing with TicketConflictError, and the export CLI
 * reading tickets from PostgreSQL. Runs in a schema of its own in the database TEST_POSTGRES_URL names; without
 * it these tests fail, saying how to set it.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/contentPath';
import { openPostgres } from '../../src/storage/postgresDatabase';
import { openStorage } from '../../src/storage/openStorage';
import { PostgresStorage } from '../../src/storage/postgresStorage';
import { PostgresTicketStore } from '../../src/tickets/store/postgresTicketStore';
import { TicketConflictError } from '../../src/tickets/store/ticketStore';
import { runSql, useTestSchema } from '../support/postgres';
import { SEED, seedTickets } from './ticketFixtures';
import { describeTicketStoreConformance } from './ticketStoreConformance';

const schema = useTestSchema('tickets');
const url = (): string => schema().url;

describeTicketStoreConformance({
  name: 'PostgreSQL',
  open: async () => {
    const storage = await openStorage(url());
    await runSql(url(), 'TRUNCATE tickets');
    return storage;
  },
  /** Its own pools on the same schema: another instance. */
  openAnother: () => openStorage(url()),
});

describe('PostgreSQL tickets next to the bot state', () => {
  it('are opened with the state on one database, and closed with it', async () => {
    const storage = await openStorage(url());
    expect(storage.tickets).toBeInstanceOf(PostgresTicketStore);
    expect(storage.state).toBeInstanceOf(PostgresStorage);
    const { ticket } = await storage.tickets.create({
      ...(SEED[0]?.ticket as NonNullable<(typeof SEED)[0]>['ticket']),
      sourceActivityId: 'act-shared-pool',
    });
    await storage.state.write({ after: { n: 1 } });
    expect((await storage.tickets.get(ticket.number))?.number).toBe(ticket.number);
    await storage.close();
    await expect(storage.tickets.list()).rejects.toThrow();
    await expect(storage.state.read(['after'])).rejects.toThrow();
  });
});

describe('PostgreSQL ticket changes that lose a race', () => {
  it('an assignment whose version changed while it waited fails with TicketConflictError, and changes nothing', async () => {
    const db = await openPostgres(url());
    const store = new PostgresTicketStore(db);
    const rival = new Client({ connectionString: url() });
    await rival.connect();
    try {
      const { ticket } = await store.create({
        ...(SEED[1]?.ticket as NonNullable<(typeof SEED)[1]>['ticket']),
        sourceActivityId: 'act-lost-race',
      });
      // Another instance holds the row while it changes it; the assignment reads version 1 and waits to write.
      await rival.query('BEGIN');
      await rival.query('SELECT 1 FROM tickets WHERE number = $1 FOR UPDATE', [ticket.number]);
      const assignment = store.assign(ticket.number, { id: '29:late', name: 'Late Agent' });
      const settled = assignment.then(
        () => undefined,
        () => undefined,
      );
      await waitUntilBlocked(rival);
      await rival.query('UPDATE tickets SET version = version + 1 WHERE number = $1', [ticket.number]);
      await rival.query('COMMIT');
      await settled;
      await expect(assignment).rejects.toBeInstanceOf(TicketConflictError);
      expect((await store.get(ticket.number))?.status).toBe('new');
    } finally {
      await rival.end();
      await db.close();
    }
  });
});

describe('npm run tickets -- export from PostgreSQL', () => {
  it('exports the tickets STORAGE_URL=postgres://… names, oldest first', async () => {
    const db = await openPostgres(url());
    try {
      await db.pool.query('TRUNCATE tickets');
      const tickets = await seedTickets(new PostgresTicketStore(db));
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--require', 'tsx/cjs', 'tools/ticketsCli.ts', 'export', '--format', 'jsonl'],
        {
          cwd: PROJECT_ROOT,
          env: { ...process.env, STORAGE_URL: url() },
          timeout: 30_000,
        },
      );
      const exported = stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { number: string }).number);
      expect(exported).toEqual(tickets.map((t) => t.number));
    } finally {
      await db.close();
    }
  });
});

/** Waits until a query of this database waits for a lock another session (the rival) holds. */
async function waitUntilBlocked(rival: Client, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await rival.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND $1 = ANY(pg_blocking_pids(pid))",
      [(await rival.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid],
    );
    if ((rows[0]?.waiting ?? 0) > 0) return;
    if (Date.now() > deadline) throw new Error("the assignment never waited for the rival's lock");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
