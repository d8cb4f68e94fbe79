/**
 * What starting a conversation tells the bot: a conversationUpdate with the bot and the user as members added
 * (so the bot can welcome the user in the conversation's locale). Clients never see it, as with the real service.
 * A bot failure is logged; the conversation has started all the same.
 */
import { ActivityTypes, type Activity, type ChannelAccount } from 'botbuilder';
import { randomBytes } from 'node:crypto';
import { BOT_ACCOUNT, DIRECT_LINE_CHANNEL } from './directLineAdapter';
import type { DirectLineService } from './directLineService';

export interface ConversationStart {
  conversationId: string;
  user: ChannelAccount;
  locale?: string;
  serviceUrl: string;
}

export async function announceConversation(service: DirectLineService, start: ConversationStart): Promise<void> {
  const update: Partial<Activity> = {
    type: ActivityTypes.ConversationUpdate,
    id: `${start.conversationId}|start-${randomBytes(4).toString('hex')}`,
    timestamp: new Date(),
    channelId: DIRECT_LINE_CHANNEL,
    serviceUrl: start.serviceUrl,
    conversation: { id: start.conversationId } as Activity['conversation'],
    from: start.user,
    recipient: BOT_ACCOUNT,
    membersAdded: [BOT_ACCOUNT, start.user],
    ...(start.locale ? { locale: start.locale } : {}),
  };
  try {
    await service.adapter.processActivity(update, (context) => service.runBot(context));
  } catch (error) {
    service.log.error({ err: error }, 'the bot failed on the start of a Direct Line conversation');
  }
}
