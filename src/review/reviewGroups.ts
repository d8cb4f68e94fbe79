/**
 * The review page's grouping: items by their nearest intent (the best in-scope intent the classifier saw in
 * them, else out of scope), and inside each group near-duplicates together (src/nlu/sameness.ts), with counts;
 * the biggest groups and clusters first.
 */
import type { Intent } from '../nlu/intents';
import { NEAR_DUPLICATE_SIMILARITY, samenessForm, similarity, stemSet } from '../nlu/sameness';
import type { ReviewItem } from './reviewItem';

/** The least confidence an in-scope intent needs to be a question's nearest intent. */
const NEAREST_MIN_CONFIDENCE = 0.1;

export interface DuplicateCluster {
  /** The first (newest) item's text stands for the cluster. */
  items: ReviewItem[];
}

export interface IntentGroup {
  intent: Intent;
  count: number;
  clusters: DuplicateCluster[];
}

/** @example nearestIntent({ intents: [{ intent: 'out_of_scope', confidence: 0.5 }, { intent: 'entitlement', confidence: 0.3 }] }) // 'entitlement' */
export function nearestIntent(item: Pick<ReviewItem, 'intents'>): Intent {
  return (
    item.intents.find((i) => i.intent !== 'out_of_scope' && i.confidence >= NEAREST_MIN_CONFIDENCE)?.intent ??
    'out_of_scope'
  );
}

export function groupForReview(items: readonly ReviewItem[]): IntentGroup[] {
  const byIntent = new Map<Intent, ReviewItem[]>();
  for (const item of items) byIntent.set(nearestIntent(item), [...(byIntent.get(nearestIntent(item)) ?? []), item]);
  return [...byIntent.entries()]
    .map(([intent, members]) => ({ intent, count: members.length, clusters: clustersOf(members) }))
    .sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent));
}

/** Greedy: each item joins the first cluster whose first item it nearly duplicates, else starts one. */
function clustersOf(items: readonly ReviewItem[]): DuplicateCluster[] {
  const clusters: { same: string; stems: Set<string>; items: ReviewItem[] }[] = [];
  for (const item of items) {
    const same = samenessForm(item.text);
    const stems = stemSet(item.text, item.lang);
    const home = clusters.find((c) => c.same === same || similarity(c.stems, stems) >= NEAR_DUPLICATE_SIMILARITY);
    if (home) home.items.push(item);
    else clusters.push({ same, stems, items: [item] });
  }
  return clusters.map(({ items: members }) => ({ items: members })).sort((a, b) => b.items.length - a.items.length);
}
