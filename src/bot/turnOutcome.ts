/**
 * What came of a turn, noted by the dialog step that decided it (answered, "did you mean", rejected, a hand-off,
 * feedback) and recorded once at the end of the turn by a TurnOutcomeRecorder (app.ts injects the insights').
 * A turn that notes nothing (an answer to the bot's question, help, a greeting) is no question and is not counted.
 */
import type { TurnContext } from 'botbuilder';
import type { Outcome } from '../insights/insightEvent';
import type { Intent } from '../nlu/intents';

export interface NotedOutcome {
  outcome: Outcome;
  /** The topic it was about, when the step knows better than the classification (a follow-up's topic). */
  intent?: Intent;
}

/** Records the outcome a turn noted, if any; never throws (a turn's reply does not depend on it). */
export interface TurnOutcomeRecorder {
  record(context: TurnContext): Promise<void>;
}

const OUTCOME = Symbol('turnOutcome');

/** The last note of a turn wins (a topic dialog that hands a message back lets the main dialog decide again). */
export function noteOutcome(context: TurnContext, outcome: Outcome, intent?: Intent): void {
  context.turnState.set(OUTCOME, { outcome, ...(intent ? { intent } : {}) } satisfies NotedOutcome);
}

export function notedOutcome(context: TurnContext): NotedOutcome | undefined {
  return context.turnState.get<NotedOutcome | undefined>(OUTCOME);
}
