/**
 * GET /api/tickets on a real restify server on loopback, over a MemoryTicketStore with five tickets: every
 * filter, refused filter values (400, each named), the API key (Bearer or x-api-key; wrong or missing: 401 with
 * no detail; not configured: the route does not exist), and never the requester's conversation reference.
 */
import pino from 'pino';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/createServer';
import { MAX_LIMIT, ticketsApiRoutes } from '../../src/tickets/ticketsApi';
import { MemoryTicketStore } from '../../src/tickets/store/memoryTicketStore';
import { publicTicket } from '../../src/tickets/publicTicket';
import type { Ticket } from '../../src/tickets/ticket';
import type { TicketStore } from '../../src/tickets/store/ticketStore';
import {
  numbers,
  REQUESTER_CONVERSATION_ID,
  REQUESTER_KEY,
  REQUESTER_SERVICE_URL,
  seedTickets,
} from './ticketFixtures';

const KEY = 'test-key-0123456789abcdef';
const silent = pino({ level: 'silent' });

async function listen(store: TicketStore, apiKey: string | undefined): Promise<{ server: Server; url: string }> {
  const server = createServer(ticketsApiRoutes({ store, apiKey, log: silent }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

let store: MemoryTicketStore;
let tickets: Ticket[];
let api: { server: Server; url: string };
let off: { server: Server; url: string };

beforeAll(async () => {
  store = new MemoryTicketStore();
  tickets = await seedTickets(store);
  [api, off] = await Promise.all([listen(store, KEY), listen(store, undefined)]);
});
afterAll(() => {
  api.server.close();
  off.server.close();
});

const get = (query = '', headers: Record<string, string> = { authorization: `Bearer ${KEY}` }, base = api.url) =>
  fetch(`${base}/api/tickets${query}`, { headers });

async function listed(query: string): Promise<string[]> {
  const response = await get(query);
  expect(response.status, await response.clone().text()).toBe(200);
  const body = (await response.json()) as { tickets: Ticket[] };
  return body.tickets.map((t) => t.number);
}

async function refusal(query: string): Promise<string> {
  const response = await get(query);
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('BadRequest');
  return body.error.message;
}

describe('GET /api/tickets: filters', () => {
  it('lists every ticket, newest first, without a filter', async () => {
    expect(await listed('')).toEqual(numbers(tickets, 5, 4, 3, 2, 1));
  });

  it.each([
    ['?status=new', [5, 4, 1]],
    ['?status=assigned', [2]],
    ['?status=resolved', [3]],
    ['?lang=en', [5, 1]],
    ['?lang=ru', [2]],
    ['?lang=pt', [3]],
    ['?intent=activate_benefits', [4, 1]],
    ['?intent=not_authorized_error', []],
    ['?from=2025-03-03', [5, 4, 3]],
    ['?to=2025-03-03', [4, 3, 2, 1]],
    ['?from=2025-03-03&to=2025-03-03', [4, 3]],
    ['?from=2025-03-03T12:00:00%2B01:00', [5, 4, 3]],
    ['?from=2025-03-03T11:00:00.001Z', [5, 4]],
    ['?to=2025-03-03T10:59:59Z', [2, 1]],
    ['?limit=2', [5, 4]],
    ['?status=new&lang=en', [5, 1]],
    ['?status=new&intent=activate_benefits&from=2025-03-02&limit=1', [4]],
  ])('%s', async (query, positions) => {
    expect(await listed(query)).toEqual(numbers(tickets, ...positions));
  });
});

describe('GET /api/tickets: refused filter values are 400 with what is wrong', () => {
  it.each([
    ['?status=open', 'status must be one of new, assigned, resolved, not "open"'],
    ['?lang=de', 'lang must be one of en, ru, pt, fr, not "de"'],
    ['?lang=pt-BR', 'lang must be one of en, ru, pt, fr, not "pt-BR"'],
    ['?intent=weather', 'intent must be one of activate_benefits'],
    ['?status=', 'status must be one of new, assigned, resolved, not ""'],
    ['?from=2025-02-30', 'from must be a date (yyyy-mm-dd) or a full ISO time with a zone'],
    ['?from=03/01/2025', 'not "03/01/2025"'],
    ['?to=2025-03-01T09:00', 'to must be a date (yyyy-mm-dd) or a full ISO time with a zone'],
    ['?to=2025-13-01T09:00:00Z', 'to must be a date'],
    ['?from=2025-03-04&to=2025-03-03', 'from (2025-03-04) is after to (2025-03-03)'],
    ['?limit=0', `limit must be a whole number from 1 to ${MAX_LIMIT}, not "0"`],
    ['?limit=ten', 'not "ten"'],
    ['?limit=2.5', 'not "2.5"'],
    [`?limit=${MAX_LIMIT + 1}`, `not "${MAX_LIMIT + 1}"`],
    ['?stauts=new', 'unknown parameter "stauts" (known: status, lang, intent, from, to, limit)'],
    ['?status=new&status=resolved', 'status is given more than once'],
  ])('%s', async (query, message) => {
    expect(await refusal(query)).toContain(message);
  });

  it('names every mistake of a request at once', async () => {
    const message = await refusal('?status=open&lang=de&limit=-1');
    expect(message).toContain('status must be');
    expect(message).toContain('lang must be');
    expect(message).toContain('limit must be');
  });
});

describe('GET /api/tickets: the API key', () => {
  it('accepts the key as a Bearer token (any case of the scheme) and as x-api-key', async () => {
    const accepted: Record<string, string>[] = [
      { authorization: `Bearer ${KEY}` },
      { authorization: `bearer ${KEY}` },
      { 'x-api-key': KEY },
    ];
    for (const headers of accepted) {
      expect((await get('', headers)).status).toBe(200);
    }
  });

  it.each([
    ['no key', {}],
    ['a wrong key', { authorization: 'Bearer not-the-key-0123456789' }],
    ['the key with one character more', { authorization: `Bearer ${KEY}x` }],
    ['a prefix of the key', { 'x-api-key': KEY.slice(0, -1) }],
    ['the key in another scheme', { authorization: `Basic ${KEY}` }],
    ['an empty Bearer', { authorization: 'Bearer ' }],
    [
      'a wrong key with the right one in the other header',
      { authorization: 'Bearer wrong-wrong-wrong-wrong', 'x-api-key': KEY },
    ],
  ])('refuses %s with 401 and no detail', async (_name, headers: Record<string, string>) => {
    const response = await get('', headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="tickets"');
    expect(await response.json()).toEqual({
      error: { code: 'Unauthorized', message: 'The request is not authorized.' },
    });
  });

  it('checks the key before the filter: a caller without the key learns nothing about the parameters', async () => {
    expect((await get('?status=open', {})).status).toBe(401);
  });

  it('does not exist when TICKETS_API_KEY is not set: 404 whatever key is presented, as for any unknown path', async () => {
    const withKey = await get('', { authorization: `Bearer ${KEY}` }, off.url);
    const unknown = await fetch(`${off.url}/api/no-such-thing`);
    expect(withKey.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(((await withKey.json()) as { code: string }).code).toBe(((await unknown.json()) as { code: string }).code);
  });
});

describe('GET /api/tickets: what a ticket shows', () => {
  it('is the stored ticket without the requester (no user key, no conversation reference)', async () => {
    const response = await get('');
    const text = await response.text();
    const body = JSON.parse(text) as { tickets: Record<string, unknown>[] };
    expect(body.tickets).toEqual((await store.list()).map(publicTicket));
    expect(body.tickets.every((ticket) => !('requester' in ticket))).toBe(true);
    for (const secret of [REQUESTER_KEY, REQUESTER_CONVERSATION_ID, REQUESTER_SERVICE_URL])
      expect(text).not.toContain(secret);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 500 with a reference and no exception text when the store fails', async () => {
    const failing = {
      ...store,
      list: async () => Promise.reject(new Error('SQLITE_BUSY: database is locked at /srv/secret/bot.db')),
    } as unknown as TicketStore;
    const broken = await listen(failing, KEY);
    try {
      const response = await get('', { 'x-api-key': KEY }, broken.url);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).toMatch(/reference [0-9A-F]{8}/);
      expect(text).not.toContain('SQLITE_BUSY');
    } finally {
      broken.server.close();
    }
  });
});
