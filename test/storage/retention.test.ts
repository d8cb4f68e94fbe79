/**
 * Retention (TICKET_RETENTION_DAYS, CONVERSATION_RETENTION_DAYS) with an injected clock: every Direct Line
 * store deletes the conversations inactive since a date, with their activities; the job deletes old tickets,
 * inactive Direct Line conversations and their bot conversation state, and nothing else (a Teams conversation's
 * state, the triage channel); it runs at start and every hour on a timer that never keeps the process alive,
 * survives a failing pass, and stop() waits for a pass in progress. The PostgreSQL store runs in a schema of
 * its own in the database TEST_POSTGRES_URL names; without it those tests fail, saying how to set it.
 */
import { ConversationState, type TurnContext } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../src/config/config';
import { ConfigError } from '../../src/config/configError';
import type { DirectLineStore } from '../../src/directline/store/directLineStore';
import { MemoryDirectLineStore } from '../../src/directline/store/memoryDirectLineStore';
import type { Logger } from '../../src/log/logger';
import { InMemoryStorage } from '../../src/storage/memoryStorage';
import { openStorage, type OpenedStorage } from '../../src/storage/openStorage';
import {
  directLineStateKey,
  Retention,
  RETENTION_INTERVAL_MS,
  startRetention,
  type RetentionOptions,
} from '../../src/storage/retention';
import { MemoryInsightsStore } from '../../src/insights/store/memoryInsightsStore';
import { MemoryTicketStore } from '../../src/tickets/store/memoryTicketStore';
import { TriageChannels } from '../../src/tickets/triageChannel';
import { runSql, useTestSchema } from '../support/postgres';
import { seedTickets } from '../tickets/ticketFixtures';

const folder = mkdtempSync(join(tmpdir(), 'mpn-retention-'));
const schema = useTestSchema('retention');
const databases: OpenedStorage[] = [];
afterAll(async () => {
  for (const storage of databases) await storage.close();
  rmSync(folder, { recursive: true, force: true });
});
/** The Direct Line store of a STORAGE_URL, its storage closed after the file's tests. */
async function directLineStoreOf(url: string): Promise<DirectLineStore> {
  const storage = await openStorage(url);
  databases.push(storage);
  return storage.directLine;
}

const DAY = 24 * 60 * 60 * 1000;
const stamped = (text: string, at?: string) => ({ type: 'message', text, ...(at ? { timestamp: new Date(at) } : {}) });

const stores: [string, () => Promise<DirectLineStore>][] = [
  ['memory', async () => new MemoryDirectLineStore()],
  ['SQLite', () => directLineStoreOf(`sqlite:${join(folder, `directline-${Math.random().toString(36).slice(2)}.db`)}`)],
  [
    'PostgreSQL',
    async () => {
      const store = await directLineStoreOf(schema().url);
      await runSql(schema().url, 'TRUNCATE directline_conversations CASCADE');
      return store;
    },
  ],
];

describe.each(stores)('%s Direct Line store: conversations inactive since a date', (_name, open) => {
  it('deletes those whose last activity (or creation, without one) is before the date, with their activities', async () => {
    const store = await open();
    await store.createConversation({ id: 'old-empty', createdAt: '2026-01-01T00:00:00.000Z' });
    await store.createConversation({ id: 'old-quiet', createdAt: '2026-01-01T00:00:00.000Z' });
    await store.appendActivity('old-quiet', stamped('hello', '2026-01-02T00:00:00.000Z'));
    await store.createConversation({ id: 'old-but-active', createdAt: '2026-01-01T00:00:00.000Z' });
    await store.appendActivity('old-but-active', stamped('first', '2026-01-02T00:00:00.000Z'));
    await store.appendActivity('old-but-active', stamped('lately', '2026-03-10T00:00:00.000Z'));
    // An activity without a time (never one the service stored) does not count as activity.
    await store.appendActivity('old-but-active', stamped('no time'));
    await store.createConversation({ id: 'at-the-cutoff', createdAt: '2026-03-01T00:00:00.000Z' });
    await store.createConversation({ id: 'new', createdAt: '2026-03-05T00:00:00.000Z' });

    const deleted = await store.deleteInactiveBefore(new Date('2026-03-01T00:00:00.000Z'));
    expect([...deleted].sort()).toEqual(['old-empty', 'old-quiet']);
    expect(await store.getConversation('old-quiet')).toBeUndefined();
    expect(await store.activitiesSince('old-quiet', 0, 10)).toEqual([]);
    expect(await store.watermarks(['old-empty', 'old-quiet', 'old-but-active', 'at-the-cutoff', 'new'])).toEqual(
      new Map([
        ['old-but-active', 3],
        ['at-the-cutoff', 0],
        ['new', 0],
      ]),
    );
    // The id can be used again, from nothing: no activity of the deleted conversation is left behind.
    await store.createConversation({ id: 'old-quiet', createdAt: '2026-03-20T00:00:00.000Z' });
    expect(await store.appendActivity('old-quiet', stamped('again', '2026-03-20T00:00:01.000Z'))).toBe(0);
    expect(await store.deleteInactiveBefore(new Date('2026-03-01T00:00:00.000Z'))).toEqual([]);
  });
});

/** Lets the promises of a pass settle (setImmediate is never faked here). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

function fakeLog(): Logger & { info: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn> } {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() } as unknown as Logger & {
    info: ReturnType<typeof vi.fn>;
    warn: ReturnType<typeof vi.fn>;
  };
}

describe('the retention job', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("keys a Direct Line conversation's state as ConversationState does", () => {
    const context = {
      activity: { channelId: 'directline', conversation: { id: 'AbC-123_x' } },
    } as unknown as TurnContext;
    expect(directLineStateKey('AbC-123_x')).toBe(new ConversationState(new InMemoryStorage()).getStorageKey(context));
  });

  it('deletes old tickets and insights events, inactive Direct Line conversations and their state, and nothing else', async () => {
    const tickets = new MemoryTicketStore();
    const insights = new MemoryInsightsStore();
    for (const at of ['2025-03-02T00:00:00.000Z', '2025-03-03T10:59:59.999Z', '2025-03-03T11:00:00.000Z']) {
      await insights.record({ at, lang: 'en', channel: 'msteams', conversation: 'c1', outcome: 'answered' });
    }
    const seeded = await seedTickets(tickets); // created 2025-03-01 … 2025-03-05
    const conversations = new MemoryDirectLineStore();
    await conversations.createConversation({ id: 'quiet', createdAt: '2025-12-01T00:00:00.000Z' });
    await conversations.appendActivity('quiet', stamped('hi', '2025-12-01T00:00:01.000Z'));
    await conversations.createConversation({ id: 'lively', createdAt: '2025-12-01T00:00:00.000Z' });
    await conversations.appendActivity('lively', stamped('hi', '2026-02-15T00:00:00.000Z'));
    const state = new InMemoryStorage();
    await state.write({
      [directLineStateKey('quiet')]: {
        dialogState: { dialogStack: [] },
        transcript: [{ from: 'user', text: 'hi', at: '2025-12-01T00:00:01.000Z' }],
      },
      [directLineStateKey('lively')]: { dialogState: { dialogStack: [] } },
      'msteams/conversations/a:1personal/': { dialogState: { dialogStack: [] } },
    });
    await new TriageChannels(state).set({
      reference: { conversation: { id: '19:triage@thread.tacv2' } as never },
      lang: 'en',
    });

    // 2026-03-03T11:00Z: tickets before 2025-03-03T11:00Z go (365 days), conversations quiet since 2025-12-03T11:00Z go (90 days).
    const now = Date.parse('2026-03-03T11:00:00.000Z');
    const retention = new Retention({
      tickets,
      insights,
      conversations,
      state,
      settings: { ticketDays: 365, conversationDays: 90 },
      log: fakeLog(),
      now: () => now,
    });
    expect(await retention.runOnce()).toEqual({
      ticketsBefore: '2025-03-03T11:00:00.000Z',
      conversationsBefore: '2025-12-03T11:00:00.000Z',
      tickets: 2,
      conversations: 1,
      insightEvents: 2,
    });
    expect((await insights.eventsBetween(new Date(0), new Date(now))).map((e) => e.at)).toEqual([
      '2025-03-03T11:00:00.000Z',
    ]);

    expect((await tickets.list()).map((t) => t.number)).toEqual(
      seeded
        .slice(2)
        .map((t) => t.number)
        .reverse(),
    );
    expect(await conversations.getConversation('quiet')).toBeUndefined();
    expect(await conversations.getConversation('lively')).toBeDefined();
    const left = await state.read([
      directLineStateKey('quiet'),
      directLineStateKey('lively'),
      'msteams/conversations/a:1personal/',
    ]);
    expect(Object.keys(left).sort()).toEqual([directLineStateKey('lively'), 'msteams/conversations/a:1personal/']);
    expect(await new TriageChannels(state).get()).toMatchObject({ lang: 'en' });

    // A day later: the two tickets of 2025-03-03 are a year old too; no conversation is newly quiet long enough.
    const later = new Retention({
      tickets,
      conversations,
      state,
      settings: { ticketDays: 365, conversationDays: 90 },
      log: fakeLog(),
      now: () => now + DAY,
    });
    expect(await later.runOnce()).toMatchObject({ tickets: 2, conversations: 0 });
  });

  it('deletes the state of many conversations in batches', async () => {
    const conversations = new MemoryDirectLineStore();
    const ids = Array.from({ length: 1203 }, (_, i) => `c${i}`);
    for (const id of ids) await conversations.createConversation({ id, createdAt: '2025-01-01T00:00:00.000Z' });
    const state = new InMemoryStorage();
    const deletes = vi.spyOn(state, 'delete');
    const retention = new Retention({
      tickets: new MemoryTicketStore(),
      conversations,
      state,
      settings: { ticketDays: 365, conversationDays: 90 },
      log: fakeLog(),
      now: () => Date.parse('2026-01-01T00:00:00.000Z'),
    });
    expect((await retention.runOnce()).conversations).toBe(1203);
    expect(deletes.mock.calls.map(([keys]) => keys.length)).toEqual([500, 500, 203]);
    expect(deletes.mock.calls.flatMap(([keys]) => keys)).toEqual(ids.map(directLineStateKey));
  });

  it('runs at start and then every hour, with the cut-offs of the clock, until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = Date.parse('2026-03-01T00:00:00.000Z');
    const cutoffs: string[] = [];
    const options: RetentionOptions = {
      tickets: { deleteCreatedBefore: async (date) => (cutoffs.push(date.toISOString()), 0) },
      conversations: { deleteInactiveBefore: async () => [] },
      state: { delete: async () => undefined },
      settings: { ticketDays: 1, conversationDays: 1 },
      log: fakeLog(),
      now: () => now,
    };
    const retention = startRetention(options);
    await settled();
    expect(cutoffs).toEqual(['2026-02-28T00:00:00.000Z']);
    now += RETENTION_INTERVAL_MS;
    await vi.advanceTimersByTimeAsync(RETENTION_INTERVAL_MS - 1);
    expect(cutoffs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(cutoffs).toEqual(['2026-02-28T00:00:00.000Z', '2026-02-28T01:00:00.000Z']);
    await retention.stop();
    await vi.advanceTimersByTimeAsync(5 * RETENTION_INTERVAL_MS);
    expect(cutoffs).toHaveLength(2);
  });

  it('never keeps the process alive', async () => {
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    const retention = startRetention({
      tickets: new MemoryTicketStore(),
      conversations: new MemoryDirectLineStore(),
      state: new InMemoryStorage(),
      settings: { ticketDays: 365, conversationDays: 90 },
      log: fakeLog(),
    });
    const timer = setInterval.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await retention.stop();
  });

  it('logs a failing pass, keeps its timer, and passes again an hour later', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const log = fakeLog();
    let passes = 0;
    const retention = startRetention({
      tickets: {
        deleteCreatedBefore: async () => {
          if (++passes === 1) throw new Error('the database is restarting');
          return 3;
        },
      },
      conversations: { deleteInactiveBefore: async () => [] },
      state: { delete: async () => undefined },
      settings: { ticketDays: 365, conversationDays: 90 },
      log,
    });
    await settled();
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect((log.warn.mock.calls[0]?.[0] as { err: Error }).err.message).toBe('the database is restarting');
    await vi.advanceTimersByTimeAsync(RETENTION_INTERVAL_MS);
    expect(passes).toBe(2);
    expect(log.info).toHaveBeenCalledWith(
      expect.objectContaining({ tickets: 3, conversations: 0 }),
      expect.any(String),
    );
    await retention.stop();
  });

  it('stop() waits for the pass in progress, so the stores can be closed after it', async () => {
    let finish!: () => void;
    const events: string[] = [];
    const retention = startRetention({
      tickets: {
        deleteCreatedBefore: () =>
          new Promise<number>((resolve) => {
            events.push('pass started');
            finish = () => {
              events.push('pass finished');
              resolve(0);
            };
          }),
      },
      conversations: { deleteInactiveBefore: async () => [] },
      state: { delete: async () => undefined },
      settings: { ticketDays: 365, conversationDays: 90 },
      log: fakeLog(),
    });
    await vi.waitFor(() => expect(events).toEqual(['pass started']));
    const stopped = retention.stop().then(() => events.push('stopped'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['pass started']);
    finish();
    await stopped;
    expect(events).toEqual(['pass started', 'pass finished', 'stopped']);
  });
});

describe('retention settings', () => {
  it('default to 365 days for tickets and 90 for conversations', () => {
    expect(readConfig({}).retention).toEqual({ ticketDays: 365, conversationDays: 90 });
    expect(readConfig({ TICKET_RETENTION_DAYS: '30', CONVERSATION_RETENTION_DAYS: '7' }).retention).toEqual({
      ticketDays: 30,
      conversationDays: 7,
    });
  });

  it('refuse what is not a whole number of days of at least 1, naming each', () => {
    let problems: readonly string[] = [];
    try {
      readConfig({ TICKET_RETENTION_DAYS: '0', CONVERSATION_RETENTION_DAYS: '1.5' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'TICKET_RETENTION_DAYS must be a whole number of days of at least 1, not "0"',
      'CONVERSATION_RETENTION_DAYS must be a whole number of days of at least 1, not "1.5"',
    ]);
  });
});
