/**
 * TurnSerializer: turns of one conversation run one at a time in the order they came, turns of other
 * conversations do not wait, a failing turn does not block the next, nothing is kept once a conversation is
 * idle, and the shared lock (when the storage has one) is taken per conversation inside the queue.
 */
import { TestAdapter, TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { conversationKey, TurnSerializer } from '../../src/bot/turnSerializer';
import type { SharedLock } from '../../src/storage/botStorage';

const adapter = new TestAdapter();
const contextIn = (conversationId: string | undefined, channelId = 'msteams'): TurnContext =>
  new TurnContext(adapter, {
    type: 'message',
    channelId,
    ...(conversationId
      ? { conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' } }
      : {}),
  });
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnSerializer', () => {
  it('runs the turns of one conversation one at a time, in the order they came', async () => {
    const serializer = new TurnSerializer();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const turn = (n: number) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${n}`);
      await tick();
      log.push(`end ${n}`);
      running--;
      return n;
    };
    const results = await Promise.all([1, 2, 3, 4].map((n) => serializer.serialize(contextIn('a:chat'), turn(n))));
    expect(results).toEqual([1, 2, 3, 4]);
    expect(most).toBe(1);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3', 'start 4', 'end 4']);
  });

  it('lets turns of other conversations, and of the same id on another channel, run side by side', async () => {
    const serializer = new TurnSerializer();
    let running = 0;
    let most = 0;
    const turn = async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
    };
    await Promise.all([
      serializer.serialize(contextIn('a:one'), turn),
      serializer.serialize(contextIn('a:two'), turn),
      serializer.serialize(contextIn('a:one', 'directline'), turn),
    ]);
    expect(most).toBe(3);
  });

  it('runs the next turn after one that failed, and gives the failure to its caller', async () => {
    const serializer = new TurnSerializer();
    const failed = serializer.serialize(contextIn('a:chat'), async () => Promise.reject(new Error('boom')));
    const next = serializer.serialize(contextIn('a:chat'), async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });

  it('keeps nothing for a conversation once its turns are done', async () => {
    const serializer = new TurnSerializer();
    const turns = Array.from({ length: 5 }, (_, i) => serializer.serialize(contextIn(`a:chat-${i % 2}`), tick));
    expect(serializer.activeConversations).toBe(2);
    await Promise.all(turns);
    expect(serializer.activeConversations).toBe(0);
  });

  it('takes the shared lock per conversation, one turn at a time, inside the queue', async () => {
    const taken: string[] = [];
    let holders = 0;
    let most = 0;
    const lock: SharedLock = {
      async withLock(name, work) {
        taken.push(name);
        holders++;
        most = Math.max(most, holders);
        try {
          return await work();
        } finally {
          holders--;
        }
      },
    };
    const serializer = new TurnSerializer(lock);
    await Promise.all([1, 2, 3].map(() => serializer.serialize(contextIn('a:chat'), tick)));
    expect(taken).toEqual(['msteams/a:chat', 'msteams/a:chat', 'msteams/a:chat']);
    expect(most).toBe(1);
  });

  it('runs a turn without a conversation (nothing to serialize on) at once', async () => {
    const serializer = new TurnSerializer();
    expect(conversationKey(contextIn(undefined).activity)).toBeUndefined();
    await expect(serializer.serialize(contextIn(undefined), async () => 'ran')).resolves.toBe('ran');
    expect(serializer.activeConversations).toBe(0);
  });
});
