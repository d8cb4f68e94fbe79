/**
 * The hand-off dialog beyond what the conversation scenarios state: a long summary is cut to one line's worth
 * (300 characters) after masking, and each hand-off of a conversation opens its own ticket with its own summary.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/privacy/redact';
import { Conversation } from '../conversations/conversationHarness';

const LONG = `Our Access ID: 7QX299ABK3 is rejected. ${'Azure keeps saying it is already associated with another account. '.repeat(8)}`;

async function handOff(conversation: Conversation, summary: string): Promise<void> {
  await conversation.act({ do: 'say', text: 'talk to a person' });
  await conversation.act({ do: 'say', text: summary });
  await conversation.act({ do: 'press', match: { action: 'handoff_consent', consent: true } });
}

describe('the hand-off dialog', () => {
  it('keeps the first 300 characters of a long typed summary, masked', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal' });
    await handOff(conversation, LONG);
    const [ticket] = await conversation.allTickets();
    expect(LONG.length).toBeGreaterThan(300);
    expect(ticket?.summary).toBe(redact(LONG.trim()).slice(0, 300));
    expect(ticket?.summary).not.toContain('7QX299ABK3');
    expect(conversation.turnErrors).toEqual([]);
  });

  it('opens a ticket for each hand-off of a conversation, each with its own summary', async () => {
    const conversation = new Conversation({ locale: 'en-US', conversationType: 'personal' });
    await handOff(conversation, 'Our Access ID is rejected by Azure');
    await handOff(conversation, 'How many incidents do we have left this year?');
    const tickets = await conversation.allTickets();
    expect(tickets.map((t) => [t.number, t.summary])).toEqual([
      ['MPN-000001', 'Our Access ID is rejected by Azure'],
      ['MPN-000002', 'How many incidents do we have left this year?'],
    ]);
    expect(new Set(tickets.map((t) => t.sourceActivityId)).size).toBe(2);
  });
});
