/**
 * A Messenger double for tests: it delivers nothing and keeps every proactive send and update the bot asks
 * for (the ticket posted to the triage channel, the requester told of a resolution), in order.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import type { DeliveryStatus, Messenger } from '../../src/proactive/messenger';

export interface RecordedSend {
  kind: 'send' | 'update';
  reference: Partial<ConversationReference>;
  activity: Partial<Activity>;
  /** The id the "channel" gave a sent message. */
  id?: string;
}

export class RecordingMessenger implements Messenger {
  readonly sent: RecordedSend[] = [];
  /** What every send and update answers; a test sets 'removed' to play a bot taken out of the channel. */
  status: DeliveryStatus = 'sent';
  private counter = 0;

  async send(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
  ): Promise<{ status: DeliveryStatus; id?: string }> {
    const id = this.status === 'sent' ? `proactive-${++this.counter}` : undefined;
    this.sent.push({ kind: 'send', reference, activity, ...(id ? { id } : {}) });
    return { status: this.status, ...(id ? { id } : {}) };
  }

  async update(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity> & { id: string },
  ): Promise<{ status: DeliveryStatus }> {
    this.sent.push({ kind: 'update', reference, activity, id: activity.id });
    return { status: this.status };
  }
}
