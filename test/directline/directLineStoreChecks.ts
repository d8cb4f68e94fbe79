/** What every Direct Line store must do, checked the same way on memory, SQLite and PostgreSQL. */
import { expect } from 'vitest';
import { activityId } from '../../src/directline/activityIds';
import type { DirectLineStore } from '../../src/directline/store/directLineStore';

/** A user's message as the stores keep it. */
export const message = (text: string) => ({ type: 'message', text, from: { id: 'dl_u', name: 'U' } }) as const;

/** Finds a client's activity by its clientActivityID (only in its own conversation), and whether the bot replied to it. */
export async function expectFindsClientActivity(store: DirectLineStore): Promise<void> {
  await store.createConversation({ id: 'c', createdAt: '2026-03-01T09:00:00.000Z' });
  await store.appendActivity('c', message('before'));
  const seq = await store.appendActivity('c', {
    ...message('question'),
    channelData: { clientActivityID: 'client-1' },
  });
  expect(await store.findClientActivity('c', 'client-1')).toEqual({
    stored: { seq, activity: expect.objectContaining({ text: 'question' }) },
    replied: false,
  });
  await store.appendActivity('c', { type: 'message', text: 'not a reply to it', replyToId: activityId('c', 0) });
  expect((await store.findClientActivity('c', 'client-1'))?.replied).toBe(false);
  await store.appendActivity('c', { type: 'message', text: 'answer', replyToId: activityId('c', seq) });
  expect((await store.findClientActivity('c', 'client-1'))?.replied).toBe(true);
  expect(await store.findClientActivity('c', 'client-2')).toBeUndefined();
  expect(await store.findClientActivity('other', 'client-1')).toBeUndefined();
}
