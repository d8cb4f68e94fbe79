/** Sending a card view or a UI string as this channel can show it. */
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { CardView } from '../../cards/cardData';
import { toReply } from '../answers/reply';
import type { Lang } from '../i18n/locales';
import { t } from '../i18n/strings';

/** Channels that show text only: they get the plain-text face of a card. */
const TEXT_ONLY_CHANNELS = new Set(['sms', 'email', 'telegram', 'line', 'kik', 'groupme']);

export async function sendView(context: TurnContext, view: CardView): Promise<void> {
  const reply = toReply(view);
  if (TEXT_ONLY_CHANNELS.has(context.activity.channelId)) {
    await context.sendActivity(MessageFactory.text(reply.text));
    return;
  }
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
  message.summary = reply.text.split('\n')[0];
  await context.sendActivity(message);
}

export async function sendString(context: TurnContext, lang: Lang, key: string, params: Record<string, string | number> = {}): Promise<void> {
  await context.sendActivity(MessageFactory.text(t(lang, key, params)));
}
