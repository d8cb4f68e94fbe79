/**
 * A card as a message someone else sends (a message extension result, an unfurled link): the same card without
 * what only makes sense in a chat with the bot — no "Was this helpful?", no fact questions, no follow-up
 * buttons that ask the bot. Links and "Show the whole section" stay: they work in any conversation.
 */
import type { CardView, Feedback } from '../cardData';

/** The feedback block of a card that asks none: the templates leave it out. */
export const NO_FEEDBACK: Feedback = { question: '', answers: [] };

/**
 * @returns the view with its chat-only buttons removed, or undefined for a kind that is nothing but chat (a
 *   question for a fact, "did you mean", the welcome card, feedback)
 * @example viewForMessage(decisionView(decide('paid_support_plans', {}), {}, 'fr'))?.data.followUps // []
 */
export function viewForMessage(view: CardView): CardView | undefined {
  switch (view.kind) {
    case 'answer':
      return { kind: 'answer', data: { ...view.data, followUps: [], feedback: NO_FEEDBACK } };
    case 'entitlement':
      return { kind: 'entitlement', data: { ...view.data, followUps: [], feedback: NO_FEEDBACK } };
    case 'triage':
      return view;
    default:
      return undefined;
  }
}
