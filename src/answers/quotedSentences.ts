/**
 * The retrieved sentences as a card quotes them: the article's own words in the partner's language, in
 * quotation marks, each citing and linking its section. A sentence the translators cut in two is quoted whole.
 */
import type { QuotedSentence } from '../../cards/cardData';
import type { Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { knowledgeBase } from '../knowledge/knowledgeBase';
import type { RetrievedSegment } from '../nlu/retrieval';
import { articleUrl, quote, sectionHeading } from './articleText';

const SENTENCE_END = /[.!?:;)»”"]\**\s*$/u;

export function quotedSentences(retrieved: readonly RetrievedSegment[], lang: Lang): QuotedSentence[] {
  const kb = knowledgeBase();
  return retrieved.map(({ segment }) => {
    const text = wholeSentence(segment)
      .map((id) => quote(id, lang))
      .join(' ')
      .replace(/^\*\s*(?!\*)/, '');
    return {
      text: t(lang, 'card.quote', { text }),
      cite: { title: sectionHeading(segment, lang), url: articleUrl(lang, kb.segments[segment]?.anchor) },
    };
  });
}

/** The segment with the neighbours of its block that complete its sentence (a lower-case start, no end mark). */
function wholeSentence(id: number): number[] {
  const kb = knowledgeBase();
  const sameBlock = (a: number, b: number) => kb.segments[a] !== undefined && kb.segments[a]?.block === kb.segments[b]?.block;
  const ids = [id];
  while (sameBlock(ids[0]! - 1, id) && /^\p{Ll}/u.test(kb.segments[ids[0]!]?.text.en ?? '')) ids.unshift(ids[0]! - 1);
  while (sameBlock(ids.at(-1)! + 1, id) && !SENTENCE_END.test(kb.segments[ids.at(-1)!]?.text.en ?? '')) ids.push(ids.at(-1)! + 1);
  return ids;
}
