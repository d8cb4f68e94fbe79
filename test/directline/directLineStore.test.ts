/**
 * Every DirectLineStore keeps the same contract (memory and SQLite here; PostgreSQL will join): a conversation
 * is created once, appends number its activities 0, 1, …, reads are by watermark and limit, replacement is in
 * place. SQLite also shares its conversations between connections (instances) without ever reusing a number.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UnknownConversationError } from '../../src/directline/store/directLineStore';
import { openStorage, type OpenedStorage } from '../../src/storage/openStorage';
import { expectFindsClientActivity, message } from './directLineStoreChecks';

const folder = mkdtempSync(join(tmpdir(), 'directline-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let files = 0;
const sqliteFile = () => join(folder, `store-${++files}.db`);

const backends: [string, () => Promise<OpenedStorage>][] = [
  ['memory', () => openStorage('memory:')],
  ['sqlite', () => openStorage(`sqlite:${sqliteFile()}`)],
];

describe.each(backends)('%s Direct Line store', (_name, open) => {
  it('creates a conversation once', async () => {
    const opened = await open();
    const store = opened.directLine;
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
    await opened.close();
  });

  it('numbers activities in order and reads them by watermark and limit', async () => {
    const opened = await open();
    const store = opened.directLine;
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
    await opened.close();
  });

  it("keeps what was appended, not later changes to the caller's object", async () => {
    const opened = await open();
    const store = opened.directLine;
    await store.createConversation({ id: 'c', createdAt: '2026-03-01T09:00:00.000Z' });
    const activity = { type: 'message', text: 'original' };
    await store.appendActivity('c', activity);
    activity.text = 'changed';
    expect((await store.activitiesSince('c', 0, 1))[0]?.activity.text).toBe('original');
    await opened.close();
  });

  it('refuses to append to an unknown conversation', async () => {
    const opened = await open();
    const store = opened.directLine;
    await expect(store.appendActivity('nobody', message('x'))).rejects.toBeInstanceOf(UnknownConversationError);
    await opened.close();
  });

  it("finds a client's activity by its clientActivityID, and whether the bot replied to it", async () => {
    const opened = await open();
    const store = opened.directLine;
    await expectFindsClientActivity(store);
    await opened.close();
  });

  it('replaces an activity in place', async () => {
    const opened = await open();
    const store = opened.directLine;
    await store.createConversation({ id: 'c', createdAt: '2026-03-01T09:00:00.000Z' });
    await store.appendActivity('c', message('first'));
    expect(await store.replaceActivity('c', 0, message('edited'))).toBe(true);
    expect(await store.replaceActivity('c', 5, message('nothing there'))).toBe(false);
    expect((await store.activitiesSince('c', 0, 10)).map((s) => s.activity.text)).toEqual(['edited']);
    await opened.close();
  });
});

describe('SQLite Direct Line store shared by two instances', () => {
  it("sees the other connection's conversations and never reuses a sequence number", async () => {
    const file = sqliteFile();
    const firstInstance = await openStorage(`sqlite:${file}`);
    const secondInstance = await openStorage(`sqlite:${file}`);
    const [first, second] = [firstInstance.directLine, secondInstance.directLine];
    await first.createConversation({ id: 'shared', createdAt: '2026-03-01T09:00:00.000Z' });
    const seqs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).appendActivity('shared', message(`m${i}`))),
    );
    expect(new Set(seqs).size).toBe(20);
    expect((await second.getConversation('shared'))?.watermark).toBe(20);
    expect((await first.activitiesSince('shared', 0, 100)).map((s) => s.seq)).toEqual([...Array(20).keys()]);
    await firstInstance.close();
    await secondInstance.close();
  });
});
