/**
 * Proactive messages to web chat requesters: appended to their conversation in the bot's own Direct Line store
 * (so they are in its transcript and pushed to its streams, on every instance), never sent over HTTP. A
 * conversation that is gone (deleted by retention) is `removed`; nothing is thrown.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import type { DirectLineAdapter } from '../directline/directLineAdapter';
import { UnknownConversationError } from '../directline/store/directLineStore';
import type { Logger } from '../log/logger';
import type { DeliveryStatus, Messenger } from './messenger';

export class DirectLineMessenger implements Messenger {
  constructor(
    private readonly adapter: DirectLineAdapter,
    private readonly log: Logger,
  ) {}

  async send(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
  ): Promise<{ status: DeliveryStatus; id?: string }> {
    let id: string | undefined;
    const status = await this.inTurn(reference, async (context) => {
      id = (await context.sendActivity(activity))?.id;
    });
    return { status, ...(status === 'sent' && id ? { id } : {}) };
  }

  async update(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity> & { id: string },
  ): Promise<{ status: DeliveryStatus }> {
    return { status: await this.inTurn(reference, async (context) => void (await context.updateActivity(activity))) };
  }

  /** Runs the logic in a proactive turn; its error is caught inside the turn (else the adapter's onTurnError would answer the user). */
  private async inTurn(
    reference: Partial<ConversationReference>,
    logic: Parameters<DirectLineAdapter['continueConversation']>[1],
  ): Promise<DeliveryStatus> {
    let failure: unknown;
    await this.adapter.continueConversation(reference, async (context) => {
      await logic(context).catch((error: unknown) => {
        failure = error;
      });
    });
    if (failure === undefined) return 'sent';
    const status: DeliveryStatus = failure instanceof UnknownConversationError ? 'removed' : 'failed';
    this.log.warn(
      { err: failure, conversation: reference.conversation?.id, status },
      'could not deliver a proactive message on Direct Line',
    );
    return status;
  }
}
