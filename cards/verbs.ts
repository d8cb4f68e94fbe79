/**
 * The verbs of card actions and the ids of card inputs, shared by the templates beside this file and the code that
 * reads what a card sent. Nothing else may spell them (a test checks the templates use no verb not declared here).
 */

/** The `action` field of every Action.Submit's data. */
export const CARD_ACTIONS = {
  /** Answer a topic directly: `{ action: 'ask', intent }`. */
  ask: 'ask',
  /** A fact chosen on a question card: `{ action: 'fact', fact, value, intent }`. */
  fact: 'fact',
  /** "Was this helpful?": `{ action: 'feedback', helpful, intent, lang }`. */
  feedback: 'feedback',
  /** The optional comment after "No": `{ action: 'feedback_comment', intent, lang, comment }`. */
  feedbackComment: 'feedback_comment',
  /** Switch the conversation's language: `{ action: 'language', lang }`. */
  language: 'language',
  handoff: 'handoff',
  help: 'help',
  startOver: 'start_over',
  forget: 'forget',
  /** Hand-off: use the last question as the summary: `{ action: 'handoff_summary', useLast: true }`. */
  handoffSummary: 'handoff_summary',
  /** Hand-off: consent to share: `{ action: 'handoff_consent', consent }`. */
  handoffConsent: 'handoff_consent',
} as const;

export type CardAction = (typeof CARD_ACTIONS)[keyof typeof CARD_ACTIONS];

/** The input id of the feedback comment box (its value arrives under this key). */
export const FEEDBACK_COMMENT_INPUT = 'comment';

export const CARD_ACTION_VERBS: readonly string[] = Object.values(CARD_ACTIONS);

/** The verbs of Action.Execute (Teams Universal Actions) on the triage channel's ticket cards. */
export const EXECUTE_VERBS = {
  assign: 'ticket_assign',
  resolve: 'ticket_resolve',
  refresh: 'ticket_refresh',
} as const;

export type ExecuteVerb = (typeof EXECUTE_VERBS)[keyof typeof EXECUTE_VERBS];

/** The input id of the resolution note on a ticket card. */
export const RESOLUTION_NOTE_INPUT = 'note';
