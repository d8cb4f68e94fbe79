/**
 * One counted event of a turn, as the insights keep it: when, the language and channel, a salted hash standing
 * for the conversation, what came of the turn and the topic it was about. Never a user id, never message text.
 */
import type { Lang } from '../i18n/locales';
import type { Intent } from '../nlu/intents';

/**
 * What came of a turn:
 * - a question `answered` (a topic's answer or question for a fact, the article's own sentences), answered with
 *   "did you mean" (`clarify`) or `rejected` (the out-of-scope answer, or the offer of a person after two misses);
 * - `handoff`: the partner asked for a person (typed, or the button);
 * - `helpful` / `not_helpful`: the answer to "Was this helpful?".
 */
export const OUTCOMES = ['answered', 'clarify', 'rejected', 'handoff', 'helpful', 'not_helpful'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcomes that count a question. */
export const QUESTION_OUTCOMES = ['answered', 'clarify', 'rejected'] as const satisfies readonly Outcome[];
export type QuestionOutcome = (typeof QUESTION_OUTCOMES)[number];

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

export interface InsightEvent {
  /** ISO time of the turn. */
  at: string;
  lang: Lang;
  /** A known channel id or "other" (channelLabel): never a free string from the activity. */
  channel: string;
  /** HMAC-SHA256 of the conversation's address under the storage's salt (conversationKey.ts). */
  conversation: string;
  outcome: Outcome;
  /** The topic or intent the turn was about, when there is one. */
  intent?: Intent;
}
