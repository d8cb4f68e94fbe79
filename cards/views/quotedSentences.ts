/**
 * The retrieved sentences as a card quotes them: the article's own words in the partner's language, in
 * quotation marks, grouped by section (in the order of each section's best sentence), each group citing and
 * linking its section. A sentence the translators cut in two is quoted whole.
 */
import type { QuotedPassage } from '../cardData';
import type { Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { RetrievedSegment } from '../../src/nlu/retrieval';
import { articleUrl, quote, sectionHeading, withoutFootnoteMark } from './articleText';

const SENTENCE_END = /[.!?:;)»”"]\**\s*$/u;

export function quotedSentences(retrieved: readonly RetrievedSegment[], lang: Lang): QuotedPassage[] {
  const kb = knowledgeBase();
  const shown = new Set<number>();
  const bySection = new Map<string, QuotedPassage>();
  for (const { segment } of retrieved) {
    const ids = wholeSentence(segment);
    // Two halves of one cut sentence, both retrieved, are quoted once.
    if (ids.some((id) => shown.has(id))) continue;
    for (const id of ids) shown.add(id);
    const text = withoutFootnoteMark(ids.map((id) => quote(id, lang)).join(' '));
    const anchor = kb.segments[segment]?.anchor ?? '';
    const passage = bySection.get(anchor) ?? {
      sentences: [],
      cite: { title: sectionHeading(segment, lang), url: articleUrl(lang, anchor) },
    };
    passage.sentences.push({ text: t(lang, 'card.quote', { text }) });
    bySection.set(anchor, passage);
  }
  return [...bySection.values()];
}

/** The segment with the neighbours of its block that complete its sentence (read in the English source: a lower-case start, no end mark). */
function wholeSentence(id: number): number[] {
  const kb = knowledgeBase();
  const sameBlock = (a: number, b: number) =>
    kb.segments[a] !== undefined && kb.segments[a]?.block === kb.segments[b]?.block;
  const ids = [id];
  while (sameBlock(ids[0]! - 1, id) && /^\p{Ll}/u.test(kb.segments[ids[0]!]?.text.en ?? '')) ids.unshift(ids[0]! - 1);
  const runsOn = (next: number) =>
    !SENTENCE_END.test(kb.segments[next - 1]?.text.en ?? '') || /^\p{Ll}/u.test(kb.segments[next]?.text.en ?? '');
  while (sameBlock(ids.at(-1)! + 1, id) && runsOn(ids.at(-1)! + 1)) ids.push(ids.at(-1)! + 1);
  return ids;
}
