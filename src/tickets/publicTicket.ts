/** A ticket as it leaves the process (the tickets API, the export): everything but the way back to the requester. */
import type { Ticket } from './ticket';

/** The requester's user key and conversation reference stay inside: they address a person, not a ticket. */
export type PublicTicket = Omit<Ticket, 'requester'>;

/** @example publicTicket(ticket).requester // undefined */
export function publicTicket(ticket: Ticket): PublicTicket {
  const { requester: _requester, ...rest } = ticket;
  return rest;
}
