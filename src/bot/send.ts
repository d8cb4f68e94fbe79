/**
 * Sending a card view or a UI string as this channel can show it, and never more than MAX_OUTGOING_BYTES in one
 * message: a plain text over it is cut to fit (ending in "…"), a card over it is refused (a cut card is no
 * card; renderCard keeps cards far below it).
 */
import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { CardView } from '../../cards/cardData';
import { toReply } from '../../cards/reply';
import type { Lang } from '../i18n/locales';
import { t } from '../i18n/strings';

/** Channels that show text only: they get the plain-text face of a card. */
const TEXT_ONLY_CHANNELS = new Set(['sms', 'email', 'telegram', 'line', 'kik', 'groupme']);

/** The most one outgoing message may weigh as JSON (Teams refuses messages from about 100 KB; the adapter adds a few hundred bytes of addresses). */
export const MAX_OUTGOING_BYTES = 80 * 1024;

export class OutgoingMessageTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`an outgoing message of ${bytes} bytes is over the ${MAX_OUTGOING_BYTES}-byte limit`);
    this.name = 'OutgoingMessageTooLargeError';
  }
}

export async function sendView(context: TurnContext, view: CardView): Promise<void> {
  const reply = toReply(view);
  if (TEXT_ONLY_CHANNELS.has(context.activity.channelId)) {
    await context.sendActivity(withinLimit(MessageFactory.text(reply.text)));
    return;
  }
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
  message.summary = reply.text.split('\n')[0];
  await context.sendActivity(withinLimit(message));
}

export async function sendString(
  context: TurnContext,
  lang: Lang,
  key: string,
  params: Record<string, string | number> = {},
): Promise<void> {
  await context.sendActivity(withinLimit(MessageFactory.text(t(lang, key, params))));
}

const bytesOf = (activity: Partial<Activity>) => Buffer.byteLength(JSON.stringify(activity), 'utf8');

/**
 * The message as it may be sent: unchanged when it fits, its text cut to fit when it is text only.
 * @throws OutgoingMessageTooLargeError for anything else over MAX_OUTGOING_BYTES
 */
export function withinLimit(activity: Partial<Activity>): Partial<Activity> {
  const bytes = bytesOf(activity);
  if (bytes <= MAX_OUTGOING_BYTES) return activity;
  if (activity.attachments?.length || typeof activity.text !== 'string') throw new OutgoingMessageTooLargeError(bytes);
  // The longest start of the text (whole code points) that fits with the ellipsis.
  const characters = [...activity.text];
  const cut = (count: number) => ({ ...activity, text: `${characters.slice(0, count).join('')}…` });
  let [low, high] = [0, characters.length];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (bytesOf(cut(middle)) <= MAX_OUTGOING_BYTES) low = middle;
    else high = middle - 1;
  }
  return cut(low);
}
