/**
 * What the bot keeps for review, through real conversations (the product's classifier, dialogs and state on
 * botbuilder's TestAdapter): a rejected question, a "did you mean", a "No" to "Was this helpful?", each with its
 * language, channel and top intents, redacted; how the conversation went on (a suggestion picked, a rephrase, a
 * hand-off, or nothing within the idle time: left); and "forget my details" deleting the user's items.
 */
import { describe, expect, it } from 'vitest';
import { continuationAt } from '../../src/review/reviewItem';
import { Conversation } from '../conversations/conversationHarness';

const IDLE_MS = 30 * 60_000;
const only = async (conversation: Conversation) => {
  const items = await conversation.reviews.list();
  expect(items).toHaveLength(1);
  return items[0]!;
};

describe('missed questions kept for review', () => {
  it('"did you mean": kept with its language, channel and top three intents; picking a suggestion is how it went on', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: 'support stuff' });
    const item = await only(conversation);
    expect(item).toMatchObject({
      reason: 'clarify',
      lang: 'en',
      channel: 'msteams',
      text: 'support stuff',
      status: 'open',
    });
    expect(item.intents).toHaveLength(3);
    expect(item.intents.map((i) => i.intent)).toContain('entitlement');
    expect(item.continuation).toBeUndefined();
    await conversation.act({ do: 'press', match: { action: 'ask', intent: 'entitlement' } });
    expect((await only(conversation)).continuation).toBe('picked_suggestion');
  });

  it('a rejected question is kept redacted; the next question is a rephrase', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal', channelId: 'webchat' });
    await conversation.act({ do: 'say', text: 'what is the weather in paris? write to jane.doe@contoso.com' });
    await conversation.act({ do: 'say', text: 'how many support incidents do we have left' });
    const [item] = await conversation.reviews.list();
    expect(item).toMatchObject({ reason: 'rejected', lang: 'en', channel: 'webchat', continuation: 'rephrased' });
    expect(item?.text).toContain('what is the weather in paris');
    expect(item?.text).not.toContain('jane.doe@contoso.com');
  });

  it('a miss followed by "talk to a person" is handed off', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: 'what is the weather in paris' });
    await conversation.act({ do: 'say', text: 'I want to talk to a person' });
    expect((await only(conversation)).continuation).toBe('handed_off');
  });

  it('nothing more within the idle time: no continuation is stored, and the item reads as left once the idle time is over', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: 'what is the weather in paris' });
    await conversation.act({ do: 'say', text: 'how many support incidents do we have left', idle: 31 });
    const item = await only(conversation);
    expect(item.continuation).toBeUndefined();
    expect(continuationAt(item, Date.parse(item.createdAt) + IDLE_MS - 1, IDLE_MS)).toBe('pending');
    expect(continuationAt(item, Date.parse(item.createdAt) + IDLE_MS, IDLE_MS)).toBe('left');
  });

  it('"No" to "Was this helpful?" keeps the question it was about, and the feedback record links it', async () => {
    const conversation = new Conversation({ locale: 'pt-BR', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: 'Quais planos de suporte pagos existem para parceiros?' });
    expect(await conversation.reviews.list()).toEqual([]);
    await conversation.act({ do: 'press', match: { action: 'feedback', helpful: false } });
    const item = await only(conversation);
    expect(item).toMatchObject({
      reason: 'feedback_no',
      lang: 'pt',
      text: 'Quais planos de suporte pagos existem para parceiros?',
    });
    expect(item.intents[0]?.intent).toBe('paid_support_plans');
    const [feedback] = await conversation.feedbackRecords();
    expect(feedback?.record).toMatchObject({ helpful: false, question: item.text, reviewItemId: item.id });
  });

  it('"Yes" keeps nothing for review', async () => {
    const conversation = new Conversation({ locale: 'pt-BR', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: 'Quais planos de suporte pagos existem para parceiros?' });
    await conversation.act({ do: 'press', match: { action: 'feedback', helpful: true } });
    expect(await conversation.reviews.list()).toEqual([]);
  });

  it('"forget my details" deletes the user\'s review items', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: 'what is the weather in paris' });
    await conversation.act({ do: 'say', text: 'my cat likes fish' });
    expect(await conversation.reviews.list()).toHaveLength(2);
    await conversation.act({ do: 'click', value: { action: 'forget' } });
    expect(await conversation.reviews.list()).toEqual([]);
  });
});
