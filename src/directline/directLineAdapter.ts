/**
 * The bot behind Direct Line: a BotAdapter that runs the same bot logic for each activity a client posts, and
 * turns what the bot sends into activities of the conversation (stored, then pushed to the open sockets;
 * traces dropped, as channels other than the Emulator drop them).
 * Updates replace the stored activity, deletions leave a messageDelete tombstone in its place, and
 * continueConversation runs proactive turns from a saved conversation reference.
 */
import {
  ActivityTypes,
  BotAdapter,
  INVOKE_RESPONSE_KEY,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { setTimeout as sleep } from 'node:timers/promises';
import { seqOfActivityId } from './activityIds';
import type { DirectLineConversations } from './directLineConversations';

export const DIRECT_LINE_CHANNEL = 'directline';

/** The bot as Direct Line clients see it in `from` and `recipient`. */
export const BOT_ACCOUNT: ChannelAccount = {
  id: 'mpn-support-benefits-assistant',
  name: 'MPN support benefits assistant',
  role: 'bot',
};

type TurnLogic = (context: TurnContext) => Promise<void>;

export class DirectLineAdapter extends BotAdapter {
  constructor(private readonly conversations: DirectLineConversations) {
    super();
  }

  /** Runs one turn for an activity already stored in its conversation (errors go to onTurnError, as in CloudAdapter). */
  async processActivity(activity: Partial<Activity>, logic: TurnLogic): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await sleep(typeof activity.value === 'number' ? activity.value : 1000);
        responses.push({ id: '' });
      } else if (activity.type === ActivityTypes.Trace) {
        // Traces are for the Emulator; channels drop them (CloudAdapter does the same).
        responses.push({ id: '' });
      } else if (activity.type === ActivityTypes.InvokeResponse) {
        context.turnState.set(INVOKE_RESPONSE_KEY, activity);
        responses.push({ id: '' });
      } else {
        const sent = await this.conversations.append(conversationIdOf(context, activity), {
          ...activity,
          channelId: DIRECT_LINE_CHANNEL,
          from: BOT_ACCOUNT,
        });
        responses.push({ id: sent.id ?? '' });
      }
    }
    return responses;
  }

  async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const conversationId = conversationIdOf(context, activity);
    const seq = seqOfActivityId(conversationId, activity.id);
    if (
      seq === undefined ||
      !(await this.conversations.replace(conversationId, seq, {
        ...activity,
        channelId: DIRECT_LINE_CHANNEL,
        from: BOT_ACCOUNT,
      }))
    ) {
      throw new Error(`Direct Line: no activity ${activity.id ?? '(no id)'} to update in this conversation`);
    }
    return { id: activity.id ?? '' };
  }

  async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = reference.conversation?.id ?? context.activity.conversation?.id ?? '';
    const seq = seqOfActivityId(conversationId, reference.activityId);
    const tombstone: Partial<Activity> = {
      type: ActivityTypes.MessageDelete,
      channelId: DIRECT_LINE_CHANNEL,
      from: BOT_ACCOUNT,
      conversation: { id: conversationId } as Activity['conversation'],
    };
    if (seq === undefined || !(await this.conversations.replace(conversationId, seq, tombstone))) {
      throw new Error(`Direct Line: no activity ${reference.activityId ?? '(no id)'} to delete in this conversation`);
    }
  }

  /** A proactive turn in a conversation this service holds, from a reference saved during an earlier turn. */
  async continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'ContinueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** The CloudAdapter-style overloads; there is no authentication to check inside this process. */
  override async continueConversationAsync(
    _botAppIdOrClaims: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: TurnLogic | string,
    maybeLogic?: TurnLogic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new TypeError('continueConversationAsync needs the turn logic');
    await this.continueConversation(reference, logic);
  }
}

function conversationIdOf(context: TurnContext, activity: Partial<Activity>): string {
  const id = activity.conversation?.id ?? context.activity.conversation?.id;
  if (!id) throw new Error('Direct Line: the activity names no conversation');
  return id;
}
