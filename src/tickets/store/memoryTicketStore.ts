/** Tickets in process memory (`STORAGE_URL=memory:`). */
import type { NewTicket, Person, Ticket, TicketFilter } from '../ticket';
import { TicketNotFoundError, type TicketStore } from './ticketStore';
import { assigned, forgotten, listed, resolved, ticketNumber } from '../ticketTransitions';

export class MemoryTicketStore implements TicketStore {
  private readonly tickets = new Map<string, Ticket>();
  private sequence = 0;

  async create(input: NewTicket): Promise<{ ticket: Ticket; created: boolean }> {
    const existing = [...this.tickets.values()].find((t) => t.sourceActivityId === input.sourceActivityId);
    if (existing) return { ticket: existing, created: false };
    const now = new Date().toISOString();
    const ticket: Ticket = {
      ...input,
      number: ticketNumber(++this.sequence),
      createdAt: now,
      updatedAt: now,
      status: 'new',
      version: 1,
    };
    this.tickets.set(ticket.number, ticket);
    return { ticket, created: true };
  }

  async get(number: string): Promise<Ticket | undefined> {
    return this.tickets.get(number);
  }

  async findBySource(sourceActivityId: string): Promise<Ticket | undefined> {
    return [...this.tickets.values()].find((t) => t.sourceActivityId === sourceActivityId);
  }

  async list(filter: TicketFilter = {}): Promise<Ticket[]> {
    return listed(this.tickets.values(), filter);
  }

  async assign(number: string, to: Person): Promise<Ticket> {
    return this.change(number, (t) => assigned(t, to));
  }

  async resolve(number: string, by: Person, note: string): Promise<Ticket> {
    return this.change(number, (t) => resolved(t, by, note));
  }

  async redactRequester(userKey: string): Promise<number> {
    const mine = [...this.tickets.values()].filter((t) => t.requester?.userKey === userKey);
    for (const ticket of mine) this.tickets.set(ticket.number, forgotten(ticket));
    return mine.length;
  }

  async deleteCreatedBefore(date: Date): Promise<number> {
    const old = [...this.tickets.values()].filter((t) => t.createdAt < date.toISOString());
    for (const ticket of old) this.tickets.delete(ticket.number);
    return old.length;
  }

  private change(number: string, apply: (ticket: Ticket) => Ticket): Ticket {
    const ticket = this.tickets.get(number);
    if (!ticket) throw new TicketNotFoundError(number);
    const next = apply(ticket);
    this.tickets.set(number, next);
    return next;
  }
}
