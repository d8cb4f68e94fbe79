/**
 * The questions the bot rejected most often in a period, from the review store (src/review): its items' text is
 * redacted when kept, and redacted again here before it leaves for the insights. The same line (samenessForm: case, accents,
 * spacing, punctuation) counts as one.
 */
import { samenessForm } from '../nlu/sameness';
import { redact } from '../privacy/redact';
import { channelLabel } from '../observability/metrics';
import type { ReviewStore } from '../review/reviewStore';
import type { InsightsQuery } from './insightsQuery';
import type { RejectedQuestion } from './insightsReport';

export const TOP_REJECTED = 10;

/** @example await topRejectedQuestions(reviewStore, { from: '2026-11-01', to: '2026-11-30' }) // [{ text, lang, count }, …] most frequent first */
export async function topRejectedQuestions(
  reviews: Pick<ReviewStore, 'list'>,
  query: InsightsQuery,
  limit = TOP_REJECTED,
): Promise<RejectedQuestion[]> {
  const items = await reviews.list({
    reason: 'rejected',
    from: query.from,
    to: query.to,
    ...(query.lang ? { lang: query.lang } : {}),
  });
  const groups = new Map<string, RejectedQuestion>();
  for (const item of items) {
    if (query.channel && channelLabel(item.channel) !== query.channel) continue;
    const text = redact(item.text);
    const key = `${item.lang}\u0000${samenessForm(text)}`;
    const group = groups.get(key) ?? { text, lang: item.lang, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)).slice(0, limit);
}
