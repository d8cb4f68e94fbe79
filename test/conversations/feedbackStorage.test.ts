/**
 * What a feedback click leaves in storage, read back through the storage itself: one record per click under a
 * "feedback/" key, with the intent and the language of the answer, and a comment with no e-mail address or
 * Access ID in it.
 */
import { describe, expect, it } from 'vitest';
import { FEEDBACK_KEY_PREFIX } from '../../src/bot/feedbackStore';
import { Conversation } from './conversationHarness';

const EMAIL = 'jane.doe@contoso.com';
const ACCESS_ID = 'Access ID 7F3A9C21B4';

describe('feedback storage', () => {
  it('keeps each click under a feedback/ key with its intent and language', async () => {
    const conversation = new Conversation({ locale: 'pt-BR', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: 'Quais planos de suporte pagos existem para parceiros?' });
    await conversation.act({ do: 'press', match: { action: 'feedback', helpful: true } });

    const records = await conversation.feedbackRecords();
    expect(records).toHaveLength(1);
    expect(records[0]?.key.startsWith(FEEDBACK_KEY_PREFIX)).toBe(true);
    expect(records[0]?.record).toMatchObject({
      intent: 'paid_support_plans',
      lang: 'pt',
      helpful: true,
      channelId: 'msteams',
    });
    expect(Number.isNaN(Date.parse(records[0]?.record.at ?? ''))).toBe(false);
  });

  it('stores a comment redacted', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal' });
    await conversation.act({ do: 'say', text: 'Partner Center shows "Looks like you don\'t have any benefits yet"' });
    await conversation.act({ do: 'press', match: { action: 'feedback', helpful: false } });
    await conversation.act({
      do: 'click',
      value: {
        action: 'feedback_comment',
        intent: 'no_benefits_error',
        lang: 'en',
        comment: `write to ${EMAIL}, our ${ACCESS_ID}`,
      },
    });

    const records = await conversation.feedbackRecords();
    expect(records.map(({ record }) => record.helpful)).toEqual([false, undefined]);
    const comment = records[1]?.record.comment ?? '';
    expect(records[1]?.record).toMatchObject({ intent: 'no_benefits_error', lang: 'en' });
    expect(comment).not.toContain(EMAIL);
    expect(comment).not.toContain('7F3A9C21B4');
  });
});
