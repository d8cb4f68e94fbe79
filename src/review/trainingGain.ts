/** How many training lines each intent and language gained (written by apply) and may gain (labelled, waiting for apply). */
import type { Lang } from '../i18n/locales';
import type { Intent } from '../nlu/intents';
import type { ReviewItem, ReviewLabel } from './reviewItem';

export type GainTable = Partial<Record<Intent, Partial<Record<Lang, number>>>>;

export interface TrainingGain {
  applied: GainTable;
  waiting: GainTable;
}

/** The training label a reviewer's decision gives: an intent, out_of_scope, or none for noise. */
export function trainingIntentOf(label: ReviewLabel | undefined): Intent | undefined {
  if (!label || label.kind === 'noise') return undefined;
  return label.kind === 'out_of_scope' ? 'out_of_scope' : label.intent;
}

/** @example trainingGain(items).applied.entitlement?.fr // 3 */
export function trainingGain(items: readonly ReviewItem[]): TrainingGain {
  const gain: TrainingGain = { applied: {}, waiting: {} };
  for (const item of items) {
    const intent = trainingIntentOf(item.label);
    if (!intent || item.status === 'open' || (item.applied && item.applied.outcome !== 'written')) continue;
    const table = item.status === 'applied' ? gain.applied : gain.waiting;
    const row = (table[intent] ??= {});
    row[item.lang] = (row[item.lang] ?? 0) + 1;
  }
  return gain;
}
