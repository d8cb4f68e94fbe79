/** Tickets in the embedded SQLite database (table `tickets`, migration 10). */
import type { SqliteDatabase } from '../../storage/sqliteDatabase';
import type { NewTicket, Person, Ticket, TicketFilter } from '../ticket';
import { TicketConflictError, TicketNotFoundError, type TicketStore } from './ticketStore';
import { assigned, forgotten, listed, resolved, ticketNumber } from '../ticketTransitions';

interface Row {
  data: string;
}

export class SqliteTicketStore implements TicketStore {
  constructor(private readonly db: SqliteDatabase) {}

  async create(input: NewTicket): Promise<{ ticket: Ticket; created: boolean }> {
    return this.db.transaction(() => {
      const existing = this.db
        .prepare<[string], Row>('SELECT data FROM tickets WHERE source_activity_id = ?')
        .get(input.sourceActivityId);
      if (existing) return { ticket: JSON.parse(existing.data) as Ticket, created: false };
      const now = new Date().toISOString();
      const { lastInsertRowid } = this.db
        .prepare(
          'INSERT INTO tickets (number, created_at, source_activity_id, requester_key, data, version) VALUES (?, ?, ?, ?, ?, 1)',
        )
        .run(`pending-${input.sourceActivityId}`, now, input.sourceActivityId, input.requester?.userKey ?? null, '{}');
      const ticket: Ticket = {
        ...input,
        number: ticketNumber(Number(lastInsertRowid)),
        createdAt: now,
        updatedAt: now,
        status: 'new',
        version: 1,
      };
      this.db
        .prepare('UPDATE tickets SET number = ?, data = ? WHERE id = ?')
        .run(ticket.number, JSON.stringify(ticket), lastInsertRowid);
      return { ticket, created: true };
    })();
  }

  async get(number: string): Promise<Ticket | undefined> {
    const row = this.db.prepare<[string], Row>('SELECT data FROM tickets WHERE number = ?').get(number);
    return row ? (JSON.parse(row.data) as Ticket) : undefined;
  }

  async findBySource(sourceActivityId: string): Promise<Ticket | undefined> {
    const row = this.db
      .prepare<[string], Row>('SELECT data FROM tickets WHERE source_activity_id = ?')
      .get(sourceActivityId);
    return row ? (JSON.parse(row.data) as Ticket) : undefined;
  }

  async list(filter: TicketFilter = {}): Promise<Ticket[]> {
    const rows = this.db.prepare<[], Row>('SELECT data FROM tickets').all();
    return listed(
      rows.map((row) => JSON.parse(row.data) as Ticket),
      filter,
    );
  }

  async assign(number: string, to: Person): Promise<Ticket> {
    return this.change(number, (t) => assigned(t, to));
  }

  async resolve(number: string, by: Person, note: string): Promise<Ticket> {
    return this.change(number, (t) => resolved(t, by, note));
  }

  async redactRequester(userKey: string): Promise<number> {
    const rows = this.db.prepare<[string], Row>('SELECT data FROM tickets WHERE requester_key = ?').all(userKey);
    const update = this.db.prepare('UPDATE tickets SET data = ?, requester_key = NULL, version = ? WHERE number = ?');
    this.db.transaction(() => {
      for (const row of rows) {
        const ticket = forgotten(JSON.parse(row.data) as Ticket);
        update.run(JSON.stringify(ticket), ticket.version, ticket.number);
      }
    })();
    return rows.length;
  }

  async deleteCreatedBefore(date: Date): Promise<number> {
    return this.db.prepare('DELETE FROM tickets WHERE created_at < ?').run(date.toISOString()).changes;
  }

  private change(number: string, apply: (ticket: Ticket) => Ticket): Ticket {
    return this.db.transaction(() => {
      const row = this.db.prepare<[string], Row>('SELECT data FROM tickets WHERE number = ?').get(number);
      if (!row) throw new TicketNotFoundError(number);
      const before = JSON.parse(row.data) as Ticket;
      const after = apply(before);
      const { changes } = this.db
        .prepare('UPDATE tickets SET data = ?, version = ? WHERE number = ? AND version = ?')
        .run(JSON.stringify(after), after.version, number, before.version);
      if (changes !== 1) throw new TicketConflictError(number);
      return after;
    })();
  }
}
