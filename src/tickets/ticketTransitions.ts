/** The ticket lifecycle, shared by every store: new → assigned → resolved, and what "forget me" leaves. */
import type { Person, Ticket, TicketFilter } from './ticket';
import { TicketStateError } from './store/ticketStore';

export const REDACTED_AT_REQUEST = "[removed at the requester's request]";

export function assigned(ticket: Ticket, to: Person, now = new Date()): Ticket {
  if (ticket.status === 'resolved') throw new TicketStateError(ticket.number, 'is resolved');
  return { ...ticket, status: 'assigned', assignee: to, updatedAt: now.toISOString(), version: ticket.version + 1 };
}

export function resolved(ticket: Ticket, by: Person, note: string, now = new Date()): Ticket {
  if (ticket.status === 'resolved') throw new TicketStateError(ticket.number, 'is resolved already');
  return {
    ...ticket,
    status: 'resolved',
    assignee: ticket.assignee ?? by,
    resolution: { note, by, at: now.toISOString() },
    updatedAt: now.toISOString(),
    version: ticket.version + 1,
  };
}

export function forgotten(ticket: Ticket, now = new Date()): Ticket {
  const { requester: _requester, ...rest } = ticket;
  return {
    ...rest,
    summary: REDACTED_AT_REQUEST,
    excerpt: [],
    facts: {},
    updatedAt: now.toISOString(),
    version: ticket.version + 1,
  };
}

export function ticketNumber(sequence: number): string {
  return `MPN-${String(sequence).padStart(6, '0')}`;
}

/** The tickets a list filter keeps, newest first (the order the stores give), at most `limit`. */
export function listed(tickets: Iterable<Ticket>, filter: TicketFilter): Ticket[] {
  return [...tickets]
    .filter((ticket) => matches(ticket, filter))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number.localeCompare(a.number))
    .slice(0, filter.limit ?? Infinity);
}

/** Whether a ticket passes a list filter. */
export function matches(
  ticket: Ticket,
  filter: { status?: string; lang?: string; intent?: string; from?: string; to?: string },
): boolean {
  if (filter.status && ticket.status !== filter.status) return false;
  if (filter.lang && ticket.lang !== filter.lang) return false;
  if (filter.intent && ticket.intents[0]?.intent !== filter.intent) return false;
  if (filter.from && ticket.createdAt < filter.from) return false;
  if (filter.to && ticket.createdAt > endOfDay(filter.to)) return false;
  return true;
}

/** A date without a time covers the whole day. */
function endOfDay(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59.999Z` : date;
}
