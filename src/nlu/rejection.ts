/**
 * The decision between an intent and "out of scope": the explicit out_of_scope class, and rejection of an
 * in-scope guess that is unsure (low calibrated probability, small margin to the runner-up) or speaks mostly
 * of words the model never saw.
 */
import { INTENTS, type Intent } from './intents';
import type { RejectionThresholds } from './nluModel';

export interface IntentDecision {
  intent: Intent;
  confidence: number;
  /** Why an in-scope guess became out_of_scope, if it did. */
  rejectedBecause?: 'low_confidence' | 'small_margin' | 'unknown_words';
  /** The model's own ranking, best first. */
  ranking: { intent: Intent; confidence: number }[];
}

export function decideIntent(
  probabilities: readonly number[],
  known: number,
  thresholds: RejectionThresholds,
): IntentDecision {
  const ranking = rankIntents(probabilities);
  const [top, second] = ranking as [IntentDecision['ranking'][number], IntentDecision['ranking'][number]];
  const outOfScope = ranking.find((r) => r.intent === 'out_of_scope')?.confidence ?? 0;
  if (top.intent === 'out_of_scope') return { intent: 'out_of_scope', confidence: top.confidence, ranking };
  const reject = (rejectedBecause: IntentDecision['rejectedBecause']): IntentDecision => ({
    intent: 'out_of_scope',
    confidence: Math.max(outOfScope, 1 - top.confidence),
    rejectedBecause,
    ranking,
  });
  if (known < thresholds.minKnownShare) return reject('unknown_words');
  if (top.confidence < thresholds.minConfidence) return reject('low_confidence');
  if (top.confidence - second.confidence < thresholds.minMargin) return reject('small_margin');
  return { intent: top.intent, confidence: top.confidence, ranking };
}

/** The intents by probability, best first; equal ones in INTENTS order (as a stable sort puts them). */
function rankIntents(probabilities: readonly number[]): IntentDecision['ranking'] {
  const ranking = new Array<IntentDecision['ranking'][number]>(INTENTS.length);
  for (let i = 0; i < INTENTS.length; i++) {
    const entry = { intent: INTENTS[i] as Intent, confidence: probabilities[i] ?? 0 };
    let at = i;
    while (at > 0 && (ranking[at - 1] as IntentDecision['ranking'][number]).confidence < entry.confidence) {
      ranking[at] = ranking[at - 1] as IntentDecision['ranking'][number];
      at--;
    }
    ranking[at] = entry;
  }
  return ranking;
}
