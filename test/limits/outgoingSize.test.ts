/**
 * Outgoing messages stay under 80 KB: every card the bot can send (all of tools/gallery/sampleViews.ts, in every
 * language, as sendView sends it, card and text-only face) and the largest ones user text can make (a triage
 * card of a ticket whose excerpt is twelve full lines of the most expensive characters) fit; on the send path
 * a text over the limit is cut to fit at a whole character, and a card over it is refused.
 */
import { CardFactory, MessageFactory, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { MAX_CARD_BYTES, renderView } from '../../cards/renderCard';
import { sampleViews, SAMPLE_TRIAGE_TICKETS } from '../../tools/gallery/sampleViews';
import {
  MAX_OUTGOING_BYTES,
  OutgoingMessageTooLargeError,
  sendString,
  sendView,
  withinLimit,
} from '../../src/bot/send';
import { TRANSCRIPT_LINES, transcriptLine } from '../../src/bot/transcript';
import { t } from '../../src/i18n/strings';
import type { Ticket } from '../../src/tickets/ticket';
import { triageCardView } from '../../cards/views/triageCardView';

/** What TurnContext (addresses) and the channel (id, time) add to every outgoing activity: a few hundred bytes, outside the 80 KB of content. */
const ENVELOPE = [
  'from',
  'recipient',
  'conversation',
  'serviceUrl',
  'channelId',
  'replyToId',
  'locale',
  'id',
  'timestamp',
] as const;
const ENVELOPE_ALLOWANCE = 2048;

/** The bytes of what the bot wrote (the activity without its envelope). */
function bytesOf(activity: Partial<Activity>): number {
  const content: Record<string, unknown> = { ...activity };
  for (const field of ENVELOPE) delete content[field];
  return Buffer.byteLength(JSON.stringify(content), 'utf8');
}

const wireBytesOf = (activity: Partial<Activity>) => Buffer.byteLength(JSON.stringify(activity), 'utf8');

/** What a turn on `channelId` sends when `send` runs in it. */
async function sentBy(channelId: string, send: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
  const adapter = new TestAdapter(async () => undefined);
  const context = new TurnContext(adapter, {
    type: 'message',
    channelId,
    serviceUrl: 'http://127.0.0.1/',
    conversation: { id: 'size-conversation' },
    from: { id: 'size-user' },
    recipient: { id: 'size-bot' },
  } as Activity);
  const sent: Partial<Activity>[] = [];
  context.onSendActivities(async (_context, activities, next) => {
    sent.push(...activities);
    return next();
  });
  await send(context);
  return sent;
}

/** Characters that cost the most bytes in a JSON card: escaped, multi-byte, or neither allowed nor visible. */
const EXPENSIVE = ['\u0001', '\uD800', '"', '\\', '技', '😀', '👨‍👩‍👧‍👦', '\u202E'];

/** The ticket a hand-off files when every line of the conversation was as long and as expensive as it can be. */
function worstTicket(unit: string): Ticket {
  const [resolved] = SAMPLE_TRIAGE_TICKETS.filter((ticket) => ticket.status === 'resolved');
  if (!resolved?.resolution) throw new Error('the samples have no resolved ticket');
  const line = transcriptLine('user', unit.repeat(2000));
  return {
    ...resolved,
    summary: unit.repeat(300).slice(0, 300),
    excerpt: Array.from({ length: TRANSCRIPT_LINES }, () => line),
    resolution: { ...resolved.resolution, note: unit.repeat(1000).slice(0, 1000) },
  };
}

describe('outgoing message size', () => {
  it('keeps every card the bot can send, in every language, under 80 KB as a card and as text', async () => {
    let largest = { bytes: 0, name: '' };
    for (const sample of sampleViews()) {
      for (const channelId of ['msteams', 'sms']) {
        for (const activity of await sentBy(channelId, (context) => sendView(context, sample.view))) {
          const bytes = bytesOf(activity);
          expect(bytes, `${sample.name} (${sample.lang}) on ${channelId}`).toBeLessThanOrEqual(MAX_OUTGOING_BYTES);
          expect(wireBytesOf(activity)).toBeLessThanOrEqual(MAX_OUTGOING_BYTES + ENVELOPE_ALLOWANCE);
          if (bytes > largest.bytes) largest = { bytes, name: `${sample.name} (${sample.lang}) on ${channelId}` };
        }
      }
    }
    // The largest sample is far below the limit: a growing card shows here first.
    expect(largest.bytes, largest.name).toBeLessThan(MAX_OUTGOING_BYTES / 4);
  });

  it.each(EXPENSIVE)('renders the triage card of the worst ticket made of %j within the card limit', (unit) => {
    for (const lang of ['en', 'ru', 'pt', 'fr'] as const) {
      const card = renderView(triageCardView(worstTicket(unit), lang));
      const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(bytesOf(message)).toBeLessThanOrEqual(MAX_OUTGOING_BYTES);
    }
  });

  it('cuts a text over the limit to fit, at a whole character, ending in an ellipsis', async () => {
    for (const unit of ['x', '技', '😀', '"']) {
      const note = unit.repeat(100_000);
      const [sent] = await sentBy('msteams', (context) =>
        sendString(context, 'en', 'ticket.resolved_message', { number: 'MPN-000001', note }),
      );
      expect(sent).toBeDefined();
      const text = String(sent?.text);
      expect(bytesOf(sent as Partial<Activity>), unit).toBeLessThanOrEqual(MAX_OUTGOING_BYTES);
      expect(bytesOf(sent as Partial<Activity>), unit).toBeGreaterThan(MAX_OUTGOING_BYTES - 64);
      expect(wireBytesOf(sent as Partial<Activity>), unit).toBeLessThanOrEqual(MAX_OUTGOING_BYTES + ENVELOPE_ALLOWANCE);
      expect(text.endsWith('…')).toBe(true);
      // Whole characters only: no half of a surrogate pair before the ellipsis.
      expect(/[\uD800-\uDBFF]…$/.test(text)).toBe(false);
      expect(text.startsWith(t('en', 'ticket.resolved_message', { number: 'MPN-000001', note: '' }))).toBe(true);
    }
  });

  it('sends a message under the limit unchanged', () => {
    const message = MessageFactory.text('how many incidents does a Gold partner get?');
    expect(withinLimit(message)).toBe(message);
  });

  it('refuses a card message over the limit rather than cut it', () => {
    const body = Array.from({ length: 900 }, (_, i) => ({
      type: 'TextBlock',
      text: `${i} ${'y'.repeat(100)}`,
      wrap: true,
    }));
    const message = MessageFactory.attachment(CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body }));
    expect(() => withinLimit(message)).toThrow(OutgoingMessageTooLargeError);
  });
});
