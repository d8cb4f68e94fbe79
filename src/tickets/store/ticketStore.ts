/** Where tickets live: one interface, with memory, SQLite and PostgreSQL behind it. */
import type { NewTicket, Person, Ticket, TicketFilter } from '../ticket';

export class TicketConflictError extends Error {
  constructor(readonly number: string) {
    super(`ticket ${number} changed since it was read`);
    this.name = 'TicketConflictError';
  }
}

export class TicketNotFoundError extends Error {
  constructor(readonly number: string) {
    super(`no ticket ${number}`);
    this.name = 'TicketNotFoundError';
  }
}

export class TicketStateError extends Error {
  constructor(
    readonly number: string,
    reason: string,
  ) {
    super(`ticket ${number}: ${reason}`);
    this.name = 'TicketStateError';
  }
}

export interface TicketStore {
  /** Creates the ticket, or returns the one already created from the same activity. */
  create(ticket: NewTicket): Promise<{ ticket: Ticket; created: boolean }>;
  get(number: string): Promise<Ticket | undefined>;
  /** The ticket an activity created, if it created one (a redelivered activity is not a new request). */
  findBySource(sourceActivityId: string): Promise<Ticket | undefined>;
  list(filter?: TicketFilter): Promise<Ticket[]>;
  /** new → assigned (or re-assigned); a resolved ticket cannot be assigned. */
  assign(number: string, to: Person): Promise<Ticket>;
  /** Any open ticket → resolved, with the note. */
  resolve(number: string, by: Person, note: string): Promise<Ticket>;
  /** "Forget me": the requester's tickets keep their numbers and statuses but lose the person's words and link. */
  redactRequester(userKey: string): Promise<number>;
  /** Retention: deletes tickets created before the date; returns how many. */
  deleteCreatedBefore(date: Date): Promise<number>;
}
