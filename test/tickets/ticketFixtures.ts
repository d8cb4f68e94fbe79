/** Five tickets over five days, in four languages and three statuses, created through a real TicketStore. */
import { vi } from 'vitest';
import type { NewTicket, Ticket } from '../../src/tickets/ticket';
import type { TicketStore } from '../../src/tickets/store/ticketStore';

export const REQUESTER_KEY = 'user/29:1requester-aad-object';
export const REQUESTER_CONVERSATION_ID = 'a:1PersonalChatWithTheRequester';
export const REQUESTER_SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const AGENT = { id: '29:1agent', name: 'Ana Agent' };

function newTicket(id: string, fields: Pick<NewTicket, 'lang' | 'summary' | 'intents' | 'facts'>): NewTicket {
  return {
    ...fields,
    excerpt: [{ from: 'user', text: fields.summary, at: '2025-03-01T00:00:00.000Z' }],
    requester: {
      userKey: REQUESTER_KEY,
      conversation: {
        channelId: 'msteams',
        serviceUrl: REQUESTER_SERVICE_URL,
        conversation: { id: REQUESTER_CONVERSATION_ID, isGroup: false, conversationType: 'personal', name: '' },
        user: { id: '29:1requester', name: 'Rita Requester' },
      },
    },
    sourceActivityId: id,
  };
}

/** When each ticket is created, what it is, and what happens to it afterwards (at the same instant). */
export const SEED: { at: string; ticket: NewTicket; then?: { assign?: true; resolve?: string } }[] = [
  {
    at: '2025-03-01T09:00:00.000Z',
    ticket: newTicket('act-1', {
      lang: 'en',
      summary: 'Cannot activate, says "not authorized", twice',
      intents: [
        { intent: 'activate_benefits', confidence: 0.91 },
        { intent: 'not_authorized_error', confidence: 0.05 },
      ],
      facts: { membership: 'gold', productKind: 'cloud' },
    }),
  },
  {
    at: '2025-03-02T10:00:00.000Z',
    ticket: newTicket('act-2', {
      lang: 'ru',
      summary: 'Сколько инцидентов осталось?\nВторая строка',
      intents: [{ intent: 'remaining_incidents', confidence: 0.8 }],
      facts: { membership: 'silver' },
    }),
    then: { assign: true },
  },
  {
    at: '2025-03-03T11:00:00.000Z',
    ticket: newTicket('act-3', {
      lang: 'pt',
      summary: '=HYPERLINK("http://evil.example","Access ID já associado")',
      intents: [{ intent: 'access_id_already_associated', confidence: 0.77 }],
      facts: { contractHistory: 'linked_before' },
    }),
    then: { assign: true, resolve: 'Unlinked the Access ID; ask again, please' },
  },
  {
    at: '2025-03-03T23:30:00.000Z',
    ticket: newTicket('act-4', {
      lang: 'fr',
      summary: 'Où activer les avantages ?',
      intents: [{ intent: 'activate_benefits', confidence: 0.66 }],
      facts: {},
    }),
  },
  {
    at: '2025-03-05T08:00:00.000Z',
    ticket: newTicket('act-5', {
      lang: 'en',
      summary: 'I want to talk to a person',
      intents: [{ intent: 'human_handoff', confidence: 0.99 }],
      facts: { csp: 'csp' },
    }),
  },
];

/** Creates the SEED tickets at their times (the store reads the clock itself); returns them by creation order. */
export async function seedTickets(store: TicketStore): Promise<Ticket[]> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    const tickets: Ticket[] = [];
    for (const { at, ticket, then } of SEED) {
      vi.setSystemTime(new Date(at));
      let created = (await store.create(ticket)).ticket;
      if (then?.assign) created = await store.assign(created.number, AGENT);
      if (then?.resolve) created = await store.resolve(created.number, AGENT, then.resolve);
      tickets.push(created);
    }
    return tickets;
  } finally {
    vi.useRealTimers();
  }
}

/** The numbers of the SEED tickets by their position (1-based), e.g. numbers(5, 4, 1). */
export function numbers(tickets: readonly Ticket[], ...positions: number[]): string[] {
  return positions.map((position) => tickets[position - 1]?.number ?? `no ticket ${position}`);
}
