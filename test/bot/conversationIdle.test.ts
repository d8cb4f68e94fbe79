/**
 * CONVERSATION_IDLE_MINUTES: read once, validated, and obeyed by the bot: a conversation idle that long forgets
 * its context and the question it was waiting on; the partner's remembered facts stay.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/config';
import { ConfigError } from '../../src/config/configError';
import { cardOf, Conversation } from '../conversations/conversationHarness';

const accessIdError = 'Azure keeps telling me the Access ID is already associated to an account, what do I do';

/** The choices of the last card's question, as `fact` values (none when the card asks nothing). */
function askedFact(replies: Awaited<ReturnType<Conversation['act']>>): unknown {
  const card = replies.map(cardOf).find(Boolean);
  return JSON.stringify(card).match(/"fact":"(\w+)"/)?.[1];
}

describe('CONVERSATION_IDLE_MINUTES', () => {
  it('defaults to 30 minutes and takes a whole number of minutes', () => {
    expect(readConfig({}).conversationIdleMinutes).toBe(30);
    expect(readConfig({ CONVERSATION_IDLE_MINUTES: '5' }).conversationIdleMinutes).toBe(5);
  });

  it('refuses anything else, naming the variable', () => {
    for (const value of ['0', '1.5', 'soon']) {
      expect(() => readConfig({ CONVERSATION_IDLE_MINUTES: value })).toThrow(ConfigError);
      try {
        readConfig({ CONVERSATION_IDLE_MINUTES: value });
      } catch (error) {
        expect((error as ConfigError).problems).toEqual([
          `CONVERSATION_IDLE_MINUTES must be a whole number of minutes of at least 1, not "${value}"`,
        ]);
      }
    }
  });

  it('a bot configured for 5 minutes still waits after 4 idle minutes and no longer after 6', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal', idleMinutes: 5 });
    expect(askedFact(await conversation.act({ do: 'say', text: accessIdError }))).toBe('membership');
    expect(askedFact(await conversation.act({ do: 'say', text: 'the contract was linked before', idle: 4 }))).toBe(
      'membership',
    );
    const afterSix = await conversation.act({ do: 'say', text: 'gold', idle: 6 });
    expect(askedFact(afterSix)).toBeUndefined();
    expect((await conversation.conversationData())?.context?.topic).toBe('entitlement');
    expect(await conversation.facts()).toEqual({
      productKind: 'cloud',
      contractHistory: 'linked_before',
      membership: 'gold',
    });
  });
});
