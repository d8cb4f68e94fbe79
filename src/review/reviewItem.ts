/** A question the bot missed, kept (redacted) for the support team to review and turn into training data. */
import type { Lang } from '../i18n/locales';
import type { Intent } from '../nlu/intents';

/** Why it was kept: the out-of-scope answer, "did you mean", or "No" to "Was this helpful?". */
export const REVIEW_REASONS = ['rejected', 'clarify', 'feedback_no'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/**
 * How the conversation went on after the miss. The next message of the conversation, if it came within the
 * conversation's idle time, decides it: a hand-off (asked for, or the offered person accepted), a suggestion
 * of "did you mean" picked, or any other message (a rephrase). `left` is never stored: it is read, at read
 * time, from an item with no continuation whose idle time has passed (see continuationAt).
 */
export const STORED_CONTINUATIONS = ['rephrased', 'picked_suggestion', 'handed_off'] as const;
export type StoredContinuation = (typeof STORED_CONTINUATIONS)[number];
export const CONTINUATIONS = [...STORED_CONTINUATIONS, 'left', 'pending'] as const;
export type Continuation = (typeof CONTINUATIONS)[number];

/** What a reviewer decided: an utterance of an intent, out of scope (a training line for out_of_scope), or noise. */
export type ReviewLabel = { kind: 'intent'; intent: Intent } | { kind: 'out_of_scope' } | { kind: 'noise' };
/**
 * What apply did with a labelled item: wrote its line, found the line in the training data already, or
 * refused it because it is (near) a line of a development set, which must never be trained on.
 */
export const APPLY_OUTCOMES = ['written', 'duplicate', 'collides_with_dev'] as const;
export type ApplyOutcome = (typeof APPLY_OUTCOMES)[number];
export const REVIEW_STATUSES = ['open', 'labelled', 'applied'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ReviewItem {
  /** Opaque, unique. */
  id: string;
  createdAt: string;
  reason: ReviewReason;
  lang: Lang;
  /** The Bot Framework channel id: msteams, directline, webchat, … */
  channel: string;
  /** The question, redacted (Access IDs, Contract IDs, e-mail addresses, GUIDs, tokens) before it is kept. */
  text: string;
  /** The classifier's top three intents for it, best first. */
  intents: { intent: Intent; confidence: number }[];
  /** Set by the conversation's next message within its idle time; absent until then. */
  continuation?: StoredContinuation;
  /** Hash of channel and user id (src/triage/requesterKey.ts): "forget my details" deletes by it. */
  requesterKey: string;
  status: ReviewStatus;
  label?: ReviewLabel;
  /** Who labelled it (the reviewer's name as typed, redacted) and when. */
  labelledBy?: string;
  labelledAt?: string;
  /** What `npm run review -- apply` did with it, and when (status applied). */
  applied?: { at: string; outcome: ApplyOutcome };
  /** Bumped on every change; a label names the version it was read at. */
  version: number;
}

/** What keeping an item needs; the store adds id, time, status and version. */
export type NewReviewItem = Pick<ReviewItem, 'reason' | 'lang' | 'channel' | 'text' | 'intents' | 'requesterKey'>;

export interface ReviewFilter {
  lang?: Lang;
  reason?: ReviewReason;
  status?: ReviewStatus;
  /** ISO dates or times, inclusive; a bare date covers its whole UTC day. */
  from?: string;
  to?: string;
  limit?: number;
}

/**
 * How the conversation went on, as of `now`: the stored continuation, else `left` once the idle time has
 * passed with no further message, else `pending`.
 * @example continuationAt(item, Date.now(), 30 * 60_000) // 'left' for an item of an hour ago with no reply
 */
export function continuationAt(
  item: Pick<ReviewItem, 'continuation' | 'createdAt'>,
  now: number,
  idleMs: number,
): Continuation {
  if (item.continuation) return item.continuation;
  return now - Date.parse(item.createdAt) >= idleMs ? 'left' : 'pending';
}
