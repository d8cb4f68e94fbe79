/** Sending to a conversation the bot is not in a turn of: the requester's chat, the triage channel. */
import type { Activity, ConversationReference } from 'botbuilder';

export type DeliveryStatus = 'sent' | 'removed' | 'failed';

export interface Messenger {
  send(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
  ): Promise<{ status: DeliveryStatus; id?: string }>;
  update(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity> & { id: string },
  ): Promise<{ status: DeliveryStatus }>;
}
