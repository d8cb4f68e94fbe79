/**
 * The conversation's context as stored in conversation state: the topic, the facts in play, the question
 * asked with its choices, the segments shown and when; per conversation; gone after "start over".
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/rules/decide';
import { Conversation } from '../conversations/conversationHarness';

const accessIdError = 'Azure keeps telling me the Access ID is already associated to an account, what do I do';

describe('the conversation context', () => {
  it('holds the topic, the facts in play, the pending question with its choices, the segments shown and when', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: accessIdError });
    const { context } = (await conversation.conversationData()) ?? {};
    expect(context).toMatchObject({
      topic: 'access_id_already_associated',
      facts: { productKind: 'cloud' },
      asked: { fact: 'membership', choices: ['action_pack', 'silver', 'gold'] },
    });
    expect(context?.segments).toEqual(expect.arrayContaining(decide('access_id_already_associated', {}).cites));
    expect(typeof context?.at).toBe('number');
  });

  it('keeps a hypothetical in play without remembering it, and drops the answered question', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: 'what support do we get with a gold membership?' });
    await conversation.act({ do: 'say', text: 'and what about silver?' });
    const { context } = (await conversation.conversationData()) ?? {};
    expect(context).toMatchObject({ topic: 'entitlement', facts: { membership: 'silver' } });
    expect(context?.asked).toBeUndefined();
    expect(await conversation.facts()).toEqual({ membership: 'gold' });
  });

  it("belongs to one conversation: a Teams channel thread has none of the personal chat's", async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: accessIdError });
    expect(conversation.conversationIdOf('channel')).not.toBe(conversation.conversationIdOf('personal'));
    expect((await conversation.conversationData('channel'))?.context).toBeUndefined();
    expect((await conversation.conversationData('personal'))?.context?.topic).toBe('access_id_already_associated');
  });

  it('is gone after "start over"', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: accessIdError });
    await conversation.act({ do: 'say', text: 'start over' });
    expect((await conversation.conversationData())?.context).toBeUndefined();
  });
});
