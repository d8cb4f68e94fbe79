/**
 * Tickets in PostgreSQL (table `tickets`, migration 10), shared by every instance using the database. Numbers
 * come from a sequence; creating from one activity twice, even from two instances at once, leaves one ticket
 * (the unique source_activity_id, INSERT … ON CONFLICT DO NOTHING); updates name the version they read and fail
 * with TicketConflictError when another writer got there first.
 */
import type { Pool, PoolClient } from 'pg';
import { withConnection } from '../../storage/postgresConnection';
import type { PostgresDatabase } from '../../storage/postgresDatabase';
import { postgresJson } from '../../storage/postgresJson';
import type { NewTicket, Person, Ticket, TicketFilter } from '../ticket';
import { TicketConflictError, TicketNotFoundError, type TicketStore } from './ticketStore';
import { assigned, forgotten, resolved, ticketNumber } from '../ticketTransitions';

interface Row {
  data: string;
}

const INSERT = `INSERT INTO tickets (seq, number, created_at, source_activity_id, requester_key, status, lang, intent, data, version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (source_activity_id) DO NOTHING`;

export class PostgresTicketStore implements TicketStore {
  /** @param db the bot's database (its pool is shared with the other stores; openStorage() closes it) */
  constructor(private readonly db: Pick<PostgresDatabase, 'pool'>) {}

  async create(input: NewTicket): Promise<{ ticket: Ticket; created: boolean }> {
    // Most repeats (a redelivered activity) stop here, without using up a number.
    const existing = await this.findBySource(input.sourceActivityId);
    if (existing) return { ticket: existing, created: false };
    const { rows } = await this.db.pool.query<{ seq: string }>("SELECT nextval('ticket_numbers') AS seq");
    const seq = Number(rows[0]?.seq);
    const now = new Date().toISOString();
    const ticket: Ticket = {
      ...input,
      number: ticketNumber(seq),
      createdAt: now,
      updatedAt: now,
      status: 'new',
      version: 1,
    };
    const inserted = await this.db.pool.query(INSERT, [
      seq,
      ticket.number,
      now,
      input.sourceActivityId,
      input.requester?.userKey ?? null,
      ticket.status,
      ticket.lang,
      ticket.intents[0]?.intent ?? null,
      postgresJson(ticket),
      ticket.version,
    ]);
    if (inserted.rowCount === 1) return { ticket, created: true };
    // Another writer created it from the same activity meanwhile (its number stays unused, as sequences do).
    const winner = await this.findBySource(input.sourceActivityId);
    if (!winner)
      throw new Error(
        `the ticket of activity ${input.sourceActivityId} was created and deleted while this one was being created`,
      );
    return { ticket: winner, created: false };
  }

  async get(number: string): Promise<Ticket | undefined> {
    return parsed(await this.db.pool.query<Row>('SELECT data FROM tickets WHERE number = $1', [number]));
  }

  async findBySource(sourceActivityId: string): Promise<Ticket | undefined> {
    return parsed(
      await this.db.pool.query<Row>('SELECT data FROM tickets WHERE source_activity_id = $1', [sourceActivityId]),
    );
  }

  async list(filter: TicketFilter = {}): Promise<Ticket[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.status) where.push(`status = ${param(filter.status)}`);
    if (filter.lang) where.push(`lang = ${param(filter.lang)}`);
    if (filter.intent) where.push(`intent = ${param(filter.intent)}`);
    if (filter.from) where.push(`created_at >= ${param(startOf(filter.from))}::timestamptz`);
    if (filter.to) where.push(`created_at <= ${param(endOf(filter.to))}::timestamptz`);
    const sql = `SELECT data FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, seq DESC${
      filter.limit === undefined ? '' : ` LIMIT ${param(filter.limit)}`
    }`;
    const { rows } = await this.db.pool.query<Row>(sql, params);
    return rows.map((row) => JSON.parse(row.data) as Ticket);
  }

  async assign(number: string, to: Person): Promise<Ticket> {
    return this.change(number, (t) => assigned(t, to));
  }

  async resolve(number: string, by: Person, note: string): Promise<Ticket> {
    return this.change(number, (t) => resolved(t, by, note));
  }

  async redactRequester(userKey: string): Promise<number> {
    // The rows are locked while they are rewritten: an assignment racing with it fails its version check.
    return inTransaction(this.db.pool, async (client) => {
      const { rows } = await client.query<Row>(
        'SELECT data FROM tickets WHERE requester_key = $1 ORDER BY seq FOR UPDATE',
        [userKey],
      );
      for (const row of rows) {
        const ticket = forgotten(JSON.parse(row.data) as Ticket);
        await client.query('UPDATE tickets SET data = $1, requester_key = NULL, version = $2 WHERE number = $3', [
          postgresJson(ticket),
          ticket.version,
          ticket.number,
        ]);
      }
      return rows.length;
    });
  }

  async deleteCreatedBefore(date: Date): Promise<number> {
    return (await this.db.pool.query('DELETE FROM tickets WHERE created_at < $1', [date.toISOString()])).rowCount ?? 0;
  }

  private async change(number: string, apply: (ticket: Ticket) => Ticket): Promise<Ticket> {
    const before = await this.get(number);
    if (!before) throw new TicketNotFoundError(number);
    const after = apply(before);
    const { rowCount } = await this.db.pool.query(
      'UPDATE tickets SET data = $1, status = $2, version = $3 WHERE number = $4 AND version = $5',
      [postgresJson(after), after.status, after.version, number, before.version],
    );
    if (rowCount !== 1) throw new TicketConflictError(number);
    return after;
  }
}

function parsed(result: { rows: Row[] }): Ticket | undefined {
  const row = result.rows[0];
  return row ? (JSON.parse(row.data) as Ticket) : undefined;
}

/** The filters' dates as the other stores compare them: a bare day covers the whole UTC day. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const startOf = (date: string) => (DAY.test(date) ? `${date}T00:00:00.000Z` : date);
const endOf = (date: string) => (DAY.test(date) ? `${date}T23:59:59.999Z` : date);

function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withConnection(pool, async (client, discard) => {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(discard);
      throw error;
    }
  });
}
