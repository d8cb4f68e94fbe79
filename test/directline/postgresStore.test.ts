/**
 * PostgresDirectLineStore (STORAGE_URL=postgres://…) keeps the contract of the other Direct Line stores
 * (directLineStore.test.ts): a conversation is created once, appends number its activities 0, 1, …, reads are
 * by watermark and limit, replacement is in place. Shared by two instances (two database handles with pools of
 * their own), concurrent appends get distinct numbers in order, and a watermark never runs ahead of the
 * activities a reader can see. Also: the Direct Line module on it serves the conversations of another module
 * on the same database, streams included. Runs in a schema of its own in the database TEST_POSTGRES_URL names;
 * without it these tests fail, saying how to set it.
 */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnknownConversationError, type DirectLineStore } from '../../src/directline/store/directLineStore';
import { PostgresDirectLineStore } from '../../src/directline/store/postgresDirectLineStore';
import { openStorage, type OpenedStorage } from '../../src/storage/openStorage';
import { startDirectLineServer, TEST_SECRET, type DirectLineServer } from '../support/directLineServer';
import { runSql, useTestSchema } from '../support/postgres';
import { call, getActivities, newConversation, openStream, postActivity, userMessage } from './directLineClient';
import { expectFindsClientActivity, message } from './directLineStoreChecks';

const schema = useTestSchema('directline');

const databases: OpenedStorage[] = [];
/** The storage of the test schema opened with pools of its own: one instance. */
async function instance(): Promise<DirectLineStore> {
  const storage = await openStorage(schema().url);
  databases.push(storage);
  return storage.directLine;
}

beforeEach(async () => {
  await openStorage(schema().url).then((storage) => storage.close());
  await runSql(schema().url, 'TRUNCATE directline_conversations CASCADE');
});
afterEach(async () => {
  for (const storage of databases.splice(0)) await storage.close();
});

describe('PostgreSQL Direct Line store', () => {
  it('is chosen for a postgres URL and shared with other processes', async () => {
    const store = await instance();
    expect(store).toBeInstanceOf(PostgresDirectLineStore);
    expect(store.shared).toBe(true);
  });

  it('creates a conversation once', async () => {
    const store = await instance();
    expect(
      await store.createConversation({ id: 'conversation-1', userId: 'dl_u', createdAt: '2026-03-01T09:00:00.000Z' }),
    ).toBe(true);
    expect(await store.createConversation({ id: 'conversation-1', createdAt: '2026-03-01T09:01:00.000Z' })).toBe(false);
    expect(await store.getConversation('conversation-1')).toEqual({
      id: 'conversation-1',
      userId: 'dl_u',
      createdAt: '2026-03-01T09:00:00.000Z',
      watermark: 0,
    });
    expect(await store.getConversation('conversation-2')).toBeUndefined();
    await store.createConversation({ id: 'anonymous', createdAt: '2026-03-01T09:00:00.000Z' });
    expect(await store.getConversation('anonymous')).toEqual({
      id: 'anonymous',
      createdAt: '2026-03-01T09:00:00.000Z',
      watermark: 0,
    });
  });

  it('numbers activities in order and reads them by watermark and limit', async () => {
    const store = await instance();
    await store.createConversation({ id: 'c', createdAt: '2026-03-01T09:00:00.000Z' });
    for (const text of ['a', 'b', 'c', 'd']) await store.appendActivity('c', message(text));
    expect((await store.getConversation('c'))?.watermark).toBe(4);
    const page = await store.activitiesSince('c', 1, 2);
    expect(page.map((s) => [s.seq, s.activity.text])).toEqual([
      [1, 'b'],
      [2, 'c'],
    ]);
    expect(await store.activitiesSince('c', 4, 10)).toEqual([]);
    expect(await store.activitiesSince('unknown', 0, 10)).toEqual([]);
    await store.createConversation({ id: 'empty', createdAt: '2026-03-01T09:00:00.000Z' });
    expect(await store.watermarks(['c', 'empty', 'unknown'])).toEqual(
      new Map([
        ['c', 4],
        ['empty', 0],
      ]),
    );
    expect(await store.watermarks([])).toEqual(new Map());
  });

  it('keeps activities as appended: nested values, other scripts, control characters; not later changes to the object', async () => {
    const store = await instance();
    await store.createConversation({ id: 'c', createdAt: '2026-03-01T09:00:00.000Z' });
    const activity = {
      type: 'message',
      text: 'Привет \u0007 "Não" 😀',
      channelData: { clientActivityID: 'x', nested: [1, { deep: null }] },
      timestamp: new Date('2026-03-01T09:00:01.000Z'),
    };
    await store.appendActivity('c', activity);
    activity.text = 'changed';
    expect((await store.activitiesSince('c', 0, 1))[0]?.activity).toEqual({
      ...activity,
      text: 'Привет \u0007 "Não" 😀',
      timestamp: '2026-03-01T09:00:01.000Z',
    });
  });

  it('drops a NUL and half a surrogate pair, in values and keys, as every PostgreSQL writer does (postgresJson)', async () => {
    const store = await instance();
    await store.createConversation({ id: 'c', createdAt: '2026-03-01T09:00:00.000Z' });
    await store.appendActivity('c', {
      type: 'message',
      text: 'a\u0000b\uD800c😀',
      channelData: { ['k\uDFFF']: '\u0000' },
    });
    expect((await store.activitiesSince('c', 0, 1))[0]?.activity).toEqual({
      type: 'message',
      text: 'abc😀',
      channelData: { k: '' },
    });
  });

  it('refuses to append to an unknown conversation', async () => {
    const store = await instance();
    await expect(store.appendActivity('nobody', message('x'))).rejects.toBeInstanceOf(UnknownConversationError);
  });

  it("finds a client's activity by its clientActivityID, and whether the bot replied to it", async () => {
    const store = await instance();
    await expectFindsClientActivity(store);
  });

  it('replaces an activity in place', async () => {
    const store = await instance();
    await store.createConversation({ id: 'c', createdAt: '2026-03-01T09:00:00.000Z' });
    await store.appendActivity('c', message('first'));
    expect(await store.replaceActivity('c', 0, message('edited'))).toBe(true);
    expect(await store.replaceActivity('c', 5, message('nothing there'))).toBe(false);
    expect((await store.activitiesSince('c', 0, 10)).map((s) => s.activity.text)).toEqual(['edited']);
  });
});

describe('PostgreSQL Direct Line store shared by two instances', () => {
  it('concurrent appends from both get distinct, gapless, increasing numbers', async () => {
    const [first, second] = [await instance(), await instance()];
    await first.createConversation({ id: 'shared', createdAt: '2026-03-01T09:00:00.000Z' });
    const perInstance: number[][] = [[], []];
    await Promise.all(
      [first, second].map(async (store, which) => {
        // Each instance appends in sequence, as one conversation's turns do; the two race each other.
        for (let i = 0; i < 25; i++)
          perInstance[which]?.push(await store.appendActivity('shared', message(`${which}-${i}`)));
      }),
    );
    const all = [...(perInstance[0] ?? []), ...(perInstance[1] ?? [])];
    expect(new Set(all).size).toBe(50);
    expect([...all].sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
    for (const seqs of perInstance) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect((await second.getConversation('shared'))?.watermark).toBe(50);
    const stored = await first.activitiesSince('shared', 0, 100);
    expect(stored.map((s) => s.seq)).toEqual([...Array(50).keys()]);
    // Every activity is stored under the number its append returned.
    for (const [which, seqs] of perInstance.entries())
      for (const [i, seq] of seqs.entries()) expect(stored[seq]?.activity.text).toBe(`${which}-${i}`);
  });

  it('parallel appends of many writers never share a number', async () => {
    const [first, second] = [await instance(), await instance()];
    await first.createConversation({ id: 'burst', createdAt: '2026-03-01T09:00:00.000Z' });
    const seqs = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? first : second).appendActivity('burst', message(`m${i}`))),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual([...Array(40).keys()]);
  });

  it('a reader never sees a watermark ahead of the activities it can read', async () => {
    const [writerA, writerB, reader] = [await instance(), await instance(), await instance()];
    await writerA.createConversation({ id: 'watched', createdAt: '2026-03-01T09:00:00.000Z' });
    let writing = true;
    const writes = Promise.all(
      [writerA, writerB].map(async (store) => {
        for (let i = 0; i < 30; i++) await store.appendActivity('watched', message(`w${i}`));
      }),
    ).finally(() => (writing = false));
    let reads = 0;
    while (writing) {
      const watermark = (await reader.watermarks(['watched'])).get('watched') ?? 0;
      const visible = await reader.activitiesSince('watched', 0, 1000);
      expect(visible.length).toBeGreaterThanOrEqual(watermark);
      expect(visible.map((s) => s.seq)).toEqual([...Array(visible.length).keys()]);
      reads++;
    }
    await writes;
    expect(reads).toBeGreaterThan(0);
    expect((await reader.getConversation('watched'))?.watermark).toBe(60);
  });
});

describe('the Direct Line service on PostgreSQL, two instances', () => {
  let servers: DirectLineServer[] = [];
  afterEach(async () => {
    for (const server of servers) await server.close();
    servers = [];
  });

  it("a conversation started on one is read and written on the other, and the other's socket gets what the first wrote", async () => {
    servers = [
      await startDirectLineServer({ store: await instance(), log: pino({ level: 'silent' }) }),
      await startDirectLineServer({ store: await instance(), log: pino({ level: 'silent' }) }),
    ];
    const [a, b] = servers as [DirectLineServer, DirectLineServer];
    const conversation = await newConversation(a.url, TEST_SECRET);
    const reconnect = await call<{ streamUrl: string }>(
      b.url,
      `/v3/directline/conversations/${conversation.conversationId}`,
      { auth: conversation.token },
    );
    expect(reconnect.status).toBe(200);
    const stream = await openStream(reconnect.body.streamUrl);
    try {
      const posted = await postActivity(
        a.url,
        conversation.conversationId,
        conversation.token,
        userMessage('hello from A'),
      );
      expect(posted.status).toBe(200);
      await stream.waitFor((activity) => activity.id === posted.body.id);
      const echo = await stream.waitFor((activity) => activity.replyToId === posted.body.id);
      expect(echo.text).toBe('echo: hello from A');
      const onB = await getActivities(b.url, conversation.conversationId, conversation.token);
      expect(onB.body.activities.map((activity) => activity.id)).toEqual([posted.body.id, echo.id]);
      expect(onB.body.watermark).toBe('2');
      const second = await postActivity(
        b.url,
        conversation.conversationId,
        conversation.token,
        userMessage('hello from B'),
      );
      const onA = await getActivities(a.url, conversation.conversationId, conversation.token, onB.body.watermark);
      expect(onA.body.activities[0]?.id).toBe(second.body.id);
    } finally {
      stream.close();
    }
  });
});
