/**
 * Scores a question, with its cue words at a lower weight, against one language's index (BM25 over stems) and
 * keeps the 1-3 segments that pass the threshold. The calibrated score (the threshold's) is the share of the question's own words' weight a segment matches; cue words only order what passes: BM25 divided by
 * the most any segment could score for that question, where a word the article never uses still weighs; and
 * without a topic, one of the words matched must be rare enough to name something (a question of common words,
 * "how are you", matches nothing).
 */
import type { Lang } from '../../i18n/locales';
import { TOPICS, type Topic } from '../../rules/decision';
import type { RetrievedSegment } from './retriever';
import { cueWordsOf, type QuestionCues } from './questionCues';
import { RETRIEVAL_SETTINGS as S } from './retrievalSettings';
import { stemsOf, type LanguageIndex, type SegmentIndex } from './segmentIndex';

export interface RankingContext {
  index: SegmentIndex;
  cues: QuestionCues;
  /** Section anchors per topic. */
  sections: Record<Topic, ReadonlySet<string>>;
  /** The text a segment shows in a language, to keep one of two identical sentences. */
  textOf: (segment: number, lang: Lang) => string;
}

interface Scored {
  segment: number;
  score: number;
  ranked: number;
}

/** Every answering segment's calibrated score for the question, unsorted. */
export function scoreSegments(
  index: LanguageIndex,
  question: string,
  lang: Lang,
  cueWords = '',
): { segment: number; anchor: string; score: number; cued: number; keyWord: number }[] {
  const query = new Map<string, number>(stemsOf(cueWords, lang).map((s) => [s, S.cueWeight]));
  for (const s of stemsOf(question, lang)) query.set(s, 1);
  const weightOf = (s: string) => index.idf.get(s) ?? index.maxIdf * S.unknownWordWeight;
  let most = 0;
  for (const [s, weight] of query) if (weight === 1) most += weightOf(s) * (S.k1 + 1);
  if (most === 0) return [];
  return index.segments.map((doc) => {
    let score = 0;
    let cued = 0;
    let keyWord = 0;
    for (const [s, weight] of query) {
      const tf = doc.terms.get(s);
      if (!tf) continue;
      const idf = index.idf.get(s) ?? 0;
      const bm25 = (idf * tf * (S.k1 + 1)) / (tf + S.k1 * (1 - S.b + (S.b * doc.length) / index.averageLength));
      if (weight === 1) {
        keyWord = Math.max(keyWord, idf);
        score += bm25;
      } else cued += weight * bm25;
    }
    return { segment: doc.id, anchor: doc.anchor, score: score / most, cued: (score + cued) / most, keyWord };
  });
}

/**
 * Which segments answer only as surely as with no topic known, for a question on `topic`: when the classifier
 * ruled other topics out (it is sure of the topic), every section outside the topic's own and the topics still
 * plausible, so the ruled-out topics' sections and the sections no topic owns (the article's intro, the
 * overview, next steps): a sentence there leads a sure topic's answer only when it scores like an answer
 * with no topic.
 */
function surelyOnly(
  sections: RankingContext['sections'],
  topic: Topic,
  ruledOut: readonly Topic[],
): (s: { anchor: string }) => boolean {
  const others = ruledOut.filter((other) => other !== topic);
  if (!others.length) return () => false;
  const open = new Set(TOPICS.filter((t) => !others.includes(t)).flatMap((t) => [...sections[t]]));
  return (s) => !open.has(s.anchor);
}

export function rankSegments(
  context: RankingContext,
  question: string,
  lang: Lang,
  topic?: Topic,
  ruledOut: readonly Topic[] = [],
): RetrievedSegment[] {
  const inTopic = topic ? context.sections[topic] : undefined;
  const asSurelyAsWithoutTopic = topic === undefined ? () => true : surelyOnly(context.sections, topic, ruledOut);
  const scored: Scored[] = scoreSegments(context.index[lang], question, lang, cueWordsOf(context.cues, question, lang))
    .filter((s) =>
      asSurelyAsWithoutTopic(s)
        ? s.score >= S.threshold && s.keyWord >= S.minKeyWordWeight
        : s.score >= S.topicThreshold,
    )
    .map((s) => ({
      segment: s.segment,
      score: s.score,
      ranked: inTopic?.has(s.anchor) ? s.cued * (1 + S.topicBoost) : s.cued,
    }))
    .sort((a, b) => b.ranked - a.ranked || a.segment - b.segment);
  const best = scored[0];
  if (!best) return [];
  const kept: Scored[] = [];
  const texts = new Set<string>();
  for (const candidate of scored) {
    if (kept.length >= S.maxSegments || candidate.ranked < best.ranked * S.followerRatio) break;
    const text = context.textOf(candidate.segment, lang);
    if (texts.has(text)) continue;
    texts.add(text);
    kept.push(candidate);
  }
  return kept.map(({ segment, score }) => ({ segment, score: Math.round(score * 1000) / 1000 }));
}
