/**
 * What every TicketStore must do, run against each one (memory, SQLite, PostgreSQL): numbers in order and never
 * reused, one ticket per source activity even when creates race, list order and filters exactly as the tickets
 * API documents them, the lifecycle with its refusals, no lost update when changes race, "forget me", and
 * retention. Where the backend can open a second handle on the same data (another process), the races run
 * across the two.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenedStorage } from '../../src/storage/openStorage';
import type { NewTicket, Person, Ticket } from '../../src/tickets/ticket';
import {
  TicketConflictError,
  TicketNotFoundError,
  TicketStateError,
  type TicketStore,
} from '../../src/tickets/store/ticketStore';
import { REDACTED_AT_REQUEST } from '../../src/tickets/ticketTransitions';
import { numbers, REQUESTER_KEY, SEED, seedTickets } from './ticketFixtures';

/** A ticket store and the close() of the connection it was opened on (an OpenedStorage is one). */
export type OpenedTickets = Pick<OpenedStorage, 'tickets' | 'close'>;

export interface TicketStoreBackend {
  name: string;
  /** A store holding no tickets; called before each test. */
  open(): Promise<OpenedTickets>;
  /** Another handle on the data `open()` last returned (what a second instance would open), where there is one. */
  openAnother?(): Promise<OpenedTickets>;
}

const ANA: Person = { id: '29:1agent', name: 'Ana Agent' };
const BRUNO: Person = { id: '29:1bruno', name: 'Bruno Backup' };

/** A new ticket from activity `id`, otherwise the first SEED ticket. */
const fromActivity = (id: string, fields: Partial<NewTicket> = {}): NewTicket => ({
  ...(SEED[0]?.ticket as NewTicket),
  sourceActivityId: id,
  ...fields,
});
const sequenceOf = (number: string) => Number(number.replace(/^MPN-/, ''));

export function describeTicketStoreConformance(backend: TicketStoreBackend): void {
  describe(`${backend.name} ticket store conformance`, () => {
    let store: TicketStore;
    const opened: OpenedTickets[] = [];

    beforeEach(async () => {
      const handle = await backend.open();
      opened.push(handle);
      store = handle.tickets;
    });
    afterEach(async () => {
      vi.useRealTimers();
      for (const handle of opened.splice(0)) await handle.close();
    });

    /** The second handle, or the same store where the backend has none. */
    const another = async (): Promise<TicketStore> => {
      if (!backend.openAnother) return store;
      const handle = await backend.openAnother();
      opened.push(handle);
      return handle.tickets;
    };

    it('creates a ticket: a number, status new, version 1, its times, and everything it was given', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2025-03-01T09:00:00.000Z'));
      const input = fromActivity('act-create');
      const { ticket, created } = await store.create(input);
      expect(created).toBe(true);
      expect(ticket).toEqual({
        ...input,
        number: expect.stringMatching(/^MPN-\d{6}$/),
        createdAt: '2025-03-01T09:00:00.000Z',
        updatedAt: '2025-03-01T09:00:00.000Z',
        status: 'new',
        version: 1,
      });
      expect(await store.get(ticket.number)).toEqual(ticket);
      expect(await store.findBySource('act-create')).toEqual(ticket);
    });

    it('knows no ticket by an unknown number or activity', async () => {
      await store.create(fromActivity('act-known'));
      expect(await store.get('MPN-999999')).toBeUndefined();
      expect(await store.findBySource('act-unknown')).toBeUndefined();
    });

    it('numbers tickets in order and never reuses a number, even after deleting them all', async () => {
      const first = (await store.create(fromActivity('act-n1'))).ticket;
      const second = (await store.create(fromActivity('act-n2'))).ticket;
      expect(sequenceOf(second.number)).toBeGreaterThan(sequenceOf(first.number));
      expect(await store.deleteCreatedBefore(new Date(Date.now() + 60_000))).toBe(2);
      const third = (await store.create(fromActivity('act-n3'))).ticket;
      expect(sequenceOf(third.number)).toBeGreaterThan(sequenceOf(second.number));
    });

    it('returns the first ticket when the same activity creates again', async () => {
      const first = await store.create(fromActivity('act-twice', { summary: 'the first summary' }));
      const again = await store.create(fromActivity('act-twice', { summary: 'a redelivery that says something else' }));
      expect(again).toEqual({ ticket: first.ticket, created: false });
      expect(await store.list()).toHaveLength(1);
    });

    it('creates one ticket when creates from one activity race (from two handles where there are two)', async () => {
      const other = await another();
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) => (i % 2 ? other : store).create(fromActivity('act-race'))),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.ticket.number)).size).toBe(1);
      expect((await store.list()).map((t) => t.sourceActivityId)).toEqual(['act-race']);
      expect(await other.findBySource('act-race')).toEqual(results[0]?.ticket);
    });

    it('lists newest first and filters by status, language, intent, dates (a day is the whole UTC day) and limit', async () => {
      const tickets = await seedTickets(store);
      const listed = async (filter: Parameters<TicketStore['list']>[0]) =>
        (await store.list(filter)).map((t) => t.number);
      expect(await listed({})).toEqual(numbers(tickets, 5, 4, 3, 2, 1));
      expect(await store.list()).toEqual([...tickets].reverse());
      expect(await listed({ status: 'new' })).toEqual(numbers(tickets, 5, 4, 1));
      expect(await listed({ status: 'resolved' })).toEqual(numbers(tickets, 3));
      expect(await listed({ lang: 'en' })).toEqual(numbers(tickets, 5, 1));
      expect(await listed({ intent: 'activate_benefits' })).toEqual(numbers(tickets, 4, 1));
      expect(await listed({ intent: 'not_authorized_error' })).toEqual([]);
      expect(await listed({ from: '2025-03-03' })).toEqual(numbers(tickets, 5, 4, 3));
      expect(await listed({ to: '2025-03-03' })).toEqual(numbers(tickets, 4, 3, 2, 1));
      expect(await listed({ from: '2025-03-03T11:00:00.000Z', to: '2025-03-05T08:00:00.000Z' })).toEqual(
        numbers(tickets, 5, 4, 3),
      );
      expect(await listed({ from: '2025-03-03T11:00:00.001Z', to: '2025-03-03T23:29:59.999Z' })).toEqual([]);
      expect(await listed({ status: 'new', lang: 'en', from: '2025-03-02' })).toEqual(numbers(tickets, 5));
      expect(await listed({ limit: 2 })).toEqual(numbers(tickets, 5, 4));
      expect(await listed({ status: 'new', limit: 1 })).toEqual(numbers(tickets, 5));
    });

    it('lists tickets created at the same instant by number, newest first', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2025-04-01T12:00:00.000Z'));
      const first = (await store.create(fromActivity('act-same-1'))).ticket;
      const second = (await store.create(fromActivity('act-same-2'))).ticket;
      expect((await store.list()).map((t) => t.number)).toEqual([second.number, first.number]);
    });

    it('keeps what it was given exactly: other scripts, quotes, new lines, control characters', async () => {
      const summary = 'Сколько инцидентов? "Não" — l\'équipe\n\ttab \u0007 bell \u2028 😀';
      const { ticket } = await store.create(
        fromActivity('act-text', {
          summary,
          excerpt: [{ from: 'user', text: summary, at: '2025-03-01T00:00:00.000Z' }],
        }),
      );
      const other = await another();
      expect((await other.get(ticket.number))?.summary).toBe(summary);
      expect((await other.get(ticket.number))?.excerpt[0]?.text).toBe(summary);
    });

    it('keeps a NUL or half a surrogate pair, or drops it alone (PostgreSQL), and never fails', async () => {
      const summary = 'nul \u0000 half \uD83D end';
      const { ticket } = await store.create(
        fromActivity('act-ill-formed', {
          summary,
          excerpt: [{ from: 'user', text: summary, at: '2025-03-01T00:00:00.000Z' }],
        }),
      );
      const stored = await (await another()).get(ticket.number);
      expect([summary, 'nul  half  end']).toContain(stored?.summary);
      expect([summary, 'nul  half  end']).toContain(stored?.excerpt[0]?.text);
    });

    it('assigns, re-assigns and resolves: status, assignee, resolution, version and time of each change', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2025-03-01T09:00:00.000Z'));
      const { ticket } = await store.create(fromActivity('act-life'));
      vi.setSystemTime(new Date('2025-03-01T10:00:00.000Z'));
      const assigned = await store.assign(ticket.number, ANA);
      expect(assigned).toEqual({
        ...ticket,
        status: 'assigned',
        assignee: ANA,
        updatedAt: '2025-03-01T10:00:00.000Z',
        version: 2,
      });
      const reassigned = await store.assign(ticket.number, BRUNO);
      expect(reassigned).toMatchObject({ status: 'assigned', assignee: BRUNO, version: 3 });
      vi.setSystemTime(new Date('2025-03-01T11:00:00.000Z'));
      const resolved = await store.resolve(ticket.number, ANA, 'Unlinked the Access ID');
      expect(resolved).toMatchObject({
        status: 'resolved',
        assignee: BRUNO,
        resolution: { note: 'Unlinked the Access ID', by: ANA, at: '2025-03-01T11:00:00.000Z' },
        updatedAt: '2025-03-01T11:00:00.000Z',
        createdAt: '2025-03-01T09:00:00.000Z',
        version: 4,
      });
      expect(await (await another()).get(ticket.number)).toEqual(resolved);
      expect((await store.list({ status: 'resolved' })).map((t) => t.number)).toEqual([ticket.number]);
    });

    it('resolves a new ticket directly, the resolver becoming its assignee', async () => {
      const { ticket } = await store.create(fromActivity('act-direct'));
      expect(await store.resolve(ticket.number, ANA, 'done')).toMatchObject({
        status: 'resolved',
        assignee: ANA,
        version: 2,
      });
    });

    it('refuses to change a resolved ticket (TicketStateError) or one that does not exist (TicketNotFoundError)', async () => {
      const { ticket } = await store.create(fromActivity('act-refuse'));
      const resolved = await store.resolve(ticket.number, ANA, 'done');
      await expect(store.assign(ticket.number, BRUNO)).rejects.toBeInstanceOf(TicketStateError);
      await expect(store.resolve(ticket.number, BRUNO, 'again')).rejects.toBeInstanceOf(TicketStateError);
      expect(await store.get(ticket.number)).toEqual(resolved);
      await expect(store.assign('MPN-999999', ANA)).rejects.toBeInstanceOf(TicketNotFoundError);
      await expect(store.resolve('MPN-999999', ANA, 'note')).rejects.toBeInstanceOf(TicketNotFoundError);
    });

    it('loses no change when changes race: each one applies, or fails with TicketConflictError', async () => {
      const { ticket } = await store.create(fromActivity('act-contended'));
      const other = await another();
      const people = Array.from({ length: 12 }, (_, i): Person => ({ id: `29:agent-${i}`, name: `Agent ${i}` }));
      const outcomes = await Promise.allSettled(
        people.map((person, i) => (i % 2 ? other : store).assign(ticket.number, person)),
      );
      const applied = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
      for (const reason of refused) expect(reason).toBeInstanceOf(TicketConflictError);
      expect(applied.length).toBeGreaterThanOrEqual(1);
      // Every applied change got a version of its own, and the stored ticket is the last of them.
      expect(new Set(applied.map((t) => t.version)).size).toBe(applied.length);
      const final = (await store.get(ticket.number)) as Ticket;
      expect(final.version).toBe(1 + applied.length);
      expect(final).toEqual(applied.find((t) => t.version === final.version));
    });

    it('"forget me" redacts the requester\'s tickets: numbers, statuses and the team\'s work stay; their words and link go', async () => {
      const tickets = await seedTickets(store);
      const someoneElse = (
        await store.create(
          fromActivity('act-other', { requester: { userKey: 'user/29:1someone-else', conversation: {} } }),
        )
      ).ticket;
      expect(await store.redactRequester(REQUESTER_KEY)).toBe(tickets.length);
      for (const before of tickets) {
        const after = (await store.get(before.number)) as Ticket;
        const { requester: _requester, ...kept } = before;
        expect(after).toEqual({
          ...kept,
          summary: REDACTED_AT_REQUEST,
          excerpt: [],
          facts: {},
          updatedAt: expect.any(String),
          version: before.version + 1,
        });
        expect(await store.findBySource(before.sourceActivityId)).toEqual(after);
      }
      expect(await store.get(someoneElse.number)).toEqual(someoneElse);
      expect(await store.redactRequester(REQUESTER_KEY)).toBe(0);
      // A redacted ticket still moves through its lifecycle.
      expect(await store.assign(tickets[0]?.number as string, ANA)).toMatchObject({
        status: 'assigned',
        summary: REDACTED_AT_REQUEST,
      });
    });

    it('deletes the tickets created before a date (retention), and only those', async () => {
      const tickets = await seedTickets(store);
      expect(await store.deleteCreatedBefore(new Date('2025-03-03T11:00:00.000Z'))).toBe(2);
      expect((await store.list()).map((t) => t.number)).toEqual(numbers(tickets, 5, 4, 3));
      expect(await store.get(tickets[0]?.number as string)).toBeUndefined();
      expect(await store.findBySource('act-1')).toBeUndefined();
      expect(await store.deleteCreatedBefore(new Date('2025-03-03T11:00:00.000Z'))).toBe(0);
    });
  });
}
