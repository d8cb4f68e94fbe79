/**
 * The Messenger the ticket workflow uses: a web chat conversation (the bot's own Direct Line) is delivered
 * through its Direct Line store, whatever service URL its reference carries (a client once chose it); every
 * other channel (Teams) goes through the Bot Framework connector.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import { DIRECT_LINE_CHANNEL } from '../directline/directLineAdapter';
import type { DeliveryStatus, Messenger } from './messenger';

export class ChannelMessenger implements Messenger {
  constructor(private readonly by: { directLine: Messenger; botFramework: Messenger }) {}

  send(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
  ): Promise<{ status: DeliveryStatus; id?: string }> {
    return this.messengerOf(reference).send(reference, activity);
  }

  update(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity> & { id: string },
  ): Promise<{ status: DeliveryStatus }> {
    return this.messengerOf(reference).update(reference, activity);
  }

  private messengerOf(reference: Partial<ConversationReference>): Messenger {
    return reference.channelId === DIRECT_LINE_CHANNEL ? this.by.directLine : this.by.botFramework;
  }
}
