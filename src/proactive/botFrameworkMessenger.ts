/**
 * Proactive messages through the Bot Framework adapter (Teams and other channels): sends go through the
 * ProactiveSender (Teams' rate limits, retries, a removed bot reported as `removed`, never thrown).
 */
import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { Logger } from '../log/logger';
import { adapterSend } from './adapterSend';
import type { DeliveryStatus, Messenger } from './messenger';
import { ProactiveSender } from './proactiveSender';

export class BotFrameworkMessenger implements Messenger {
  private readonly sender: ProactiveSender;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly log: Logger,
  ) {
    this.sender = new ProactiveSender({ send: adapterSend(adapter, appId), log });
  }

  async send(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
  ): Promise<{ status: DeliveryStatus; id?: string }> {
    const { status, id } = await this.sender.send(reference, activity);
    return { status, ...(id ? { id } : {}) };
  }

  async update(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity> & { id: string },
  ): Promise<{ status: DeliveryStatus }> {
    // An error inside continueConversationAsync goes to onTurnError, not here: catch it inside the turn.
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      await context.updateActivity(activity).catch((error: unknown) => {
        failure = error;
      });
    });
    if (failure === undefined) return { status: 'sent' };
    const status = (failure as { statusCode?: number }).statusCode === 403 ? 'removed' : 'failed';
    this.log.warn({ err: failure, status }, 'could not update a proactive message');
    return { status };
  }
}
