/**
 * InsightsRecorder: a turn that noted an outcome becomes one event (language, channel label, topic, the
 * conversation as a salted hash, never its id); a turn that noted none writes nothing; a store that fails is
 * logged and the turn goes on.
 */
import type { TurnContext } from 'botbuilder';
import { describe, expect, it, vi } from 'vitest';
import { InsightsRecorder } from '../../src/bot/insightsRecorder';
import { setTurn } from '../../src/bot/turn';
import { noteOutcome } from '../../src/bot/turnOutcome';
import { conversationKey } from '../../src/insights/conversationKey';
import { MemoryInsightsStore } from '../../src/insights/store/memoryInsightsStore';
import type { Logger } from '../../src/log/logger';

const AT = Date.parse('2026-12-04T10:00:00.000Z');

function turnContext(channelId: string, conversationId: string): TurnContext {
  const context = {
    activity: { channelId, conversation: { id: conversationId } },
    turnState: new Map(),
  } as unknown as TurnContext;
  setTurn(context, {
    input: { kind: 'submit', submit: { action: 'feedback', helpful: true, intent: 'entitlement' } },
    lang: 'fr',
    at: AT,
  });
  return context;
}

const log = () =>
  ({ warn: vi.fn(), info: vi.fn(), error: vi.fn(), debug: vi.fn() }) as unknown as Logger & {
    warn: ReturnType<typeof vi.fn>;
  };

describe('InsightsRecorder', () => {
  it("writes the noted outcome with the turn's language, a closed channel label and a salted conversation key", async () => {
    const store = new MemoryInsightsStore();
    const recorder = new InsightsRecorder(store, log());
    const context = turnContext('a-channel-of-its-own', 'a:1ConversationId');
    noteOutcome(context, 'helpful');
    await recorder.record(context);
    const events = await store.eventsBetween(new Date(0), new Date(AT + 1));
    expect(events).toEqual([
      {
        at: '2026-12-04T10:00:00.000Z',
        lang: 'fr',
        channel: 'other',
        conversation: conversationKey(await store.salt(), 'a-channel-of-its-own', 'a:1ConversationId'),
        outcome: 'helpful',
        intent: 'entitlement',
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('ConversationId');
  });

  it('writes nothing for a turn that noted nothing, and the last note of a turn wins', async () => {
    const store = new MemoryInsightsStore();
    const recorder = new InsightsRecorder(store, log());
    await recorder.record(turnContext('msteams', 'c1'));
    expect(await store.eventsBetween(new Date(0), new Date(AT + 1))).toEqual([]);
    const context = turnContext('msteams', 'c1');
    noteOutcome(context, 'rejected');
    noteOutcome(context, 'answered', 'paid_support_plans');
    await recorder.record(context);
    expect((await store.eventsBetween(new Date(0), new Date(AT + 1))).map((e) => [e.outcome, e.intent])).toEqual([
      ['answered', 'paid_support_plans'],
    ]);
  });

  it('logs a store that fails, and asks for the salt again on the next turn', async () => {
    const logger = log();
    const salt = vi.fn().mockRejectedValueOnce(new Error('database down')).mockResolvedValue('a'.repeat(64));
    const record = vi.fn().mockResolvedValue(undefined);
    const recorder = new InsightsRecorder({ salt, record }, logger);
    const context = turnContext('msteams', 'c1');
    noteOutcome(context, 'answered');
    await expect(recorder.record(context)).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledOnce();
    expect(record).not.toHaveBeenCalled();
    await recorder.record(context);
    expect(salt).toHaveBeenCalledTimes(2);
    expect(record).toHaveBeenCalledOnce();
  });
});
