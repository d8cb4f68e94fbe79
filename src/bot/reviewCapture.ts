/**
 * Keeps the questions the bot missed for the review page (the out-of-scope answer, "did you mean", "No" to
 * "Was this helpful?"), redacted, and records how the conversation went on: the conversation remembers the
 * item until its next message, which, within the conversation's idle time, is a hand-off, a suggestion picked
 * or a rephrase. A message after the idle time records nothing: the item reads as "left" (reviewItem.ts).
 * A store that fails is logged and never breaks the user's turn.
 */
import type { TurnContext } from 'botbuilder';
import { CARD_ACTIONS } from '../../cards/verbs';
import type { Lang } from '../i18n/locales';
import type { Logger } from '../log/logger';
import type { Intent } from '../nlu/intents';
import { redact } from '../privacy/redact';
import type { ReviewReason, StoredContinuation } from '../review/reviewItem';
import type { ReviewStore } from '../review/reviewStore';
import { requesterKey } from '../tickets/requesterKey';
import type { BotStateAccessors } from './botState';
import { interruptionOf } from './interruptions';
import { turnOf, type Turn } from './turn';

/** The longest question kept (the bot reads at most 2000 characters; a reviewer needs the gist). */
export const MAX_REVIEW_TEXT = 500;

export interface MissedQuestion {
  reason: ReviewReason;
  lang: Lang;
  /** As the user wrote it: redacted here. */
  text: string;
  intents: { intent: Intent; confidence: number }[];
}

export class ReviewCapture {
  constructor(
    private readonly store: ReviewStore,
    private readonly state: BotStateAccessors,
    private readonly log: Logger,
  ) {}

  /** Keeps the question; returns the item's id (undefined when the store failed). */
  async keep(context: TurnContext, missed: MissedQuestion): Promise<string | undefined> {
    const { activity } = context;
    try {
      const item = await this.store.add({
        reason: missed.reason,
        lang: missed.lang,
        channel: redact(activity.channelId ?? 'unknown').slice(0, 40),
        text: redact(missed.text).slice(0, MAX_REVIEW_TEXT),
        intents: missed.intents.slice(0, 3),
        requesterKey: requesterKey(activity.channelId, activity.from?.id ?? ''),
      });
      const conversation = await this.state.conversation.get(context, { misses: 0 });
      await this.state.conversation.set(context, {
        ...conversation,
        pendingReview: { id: item.id, at: turnOf(context).at },
      });
      return item.id;
    } catch (error) {
      this.log.warn({ err: error, reason: missed.reason }, 'review: a missed question could not be kept');
      return undefined;
    }
  }

  /** At the start of a turn: how the conversation went on after the miss it remembers, if this message tells. */
  async continueFrom(context: TurnContext, turn: Turn, now: number, idleMs: number): Promise<void> {
    const conversation = await this.state.conversation.get(context, { misses: 0 });
    const pending = conversation.pendingReview;
    if (!pending) return;
    const within = now - pending.at < idleMs;
    const continuation = within ? continuationOf(turn) : undefined;
    if (within && !continuation) return;
    const { pendingReview: _done, ...rest } = conversation;
    await this.state.conversation.set(context, rest);
    if (!continuation) return;
    try {
      await this.store.setContinuation(pending.id, continuation);
    } catch (error) {
      this.log.warn({ err: error }, 'review: how a conversation went on could not be recorded');
    }
  }

  /** "Forget my details": the user's items go. */
  async forget(context: TurnContext): Promise<number> {
    return this.store.deleteByRequester(requesterKey(context.activity.channelId, context.activity.from?.id ?? ''));
  }
}

/**
 * What a message says about the miss before it: a hand-off, a "did you mean" suggestion picked, a rephrase (any
 * other text that is no command); undefined for what tells nothing (a command, a feedback click, an empty message).
 */
export function continuationOf(turn: Turn): StoredContinuation | undefined {
  const interruption = interruptionOf(turn);
  if (interruption?.kind === 'handoff') return 'handed_off';
  if (interruption) return undefined;
  const { input } = turn;
  if (input.kind === 'submit') {
    if (input.submit.action !== CARD_ACTIONS.ask) return undefined;
    return input.submit.intent === 'human_handoff' ? 'handed_off' : 'picked_suggestion';
  }
  if (input.kind !== 'text' || input.command) return undefined;
  return input.classification.intent === 'human_handoff' ? 'handed_off' : 'rephrased';
}
