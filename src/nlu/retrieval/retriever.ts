/**
 * The contract of sentence retrieval: the article's segments that answer a question, best first. Built once at
 * start from the knowledge base (never per turn); free of botbuilder so every face of the product can use it.
 */
import type { Lang } from '../../i18n/locales';
import type { KnowledgeBase } from '../../knowledge/types';
import type { Topic } from '../../rules/decision';
import { rankSegments, type RankingContext } from './rankSegments';
import { readQuestionCues } from './questionCues';
import { buildSegmentIndex } from './segmentIndex';
import { topicSections } from './topicSections';

/** One answering segment: the knowledge base's segment id and its calibrated score (0–1). */
export interface RetrievedSegment {
  segment: number;
  score: number;
}

export interface RetrieveOptions {
  /** The topic the question is about, when the classifier or the conversation knows it. */
  topic?: Topic;
  /**
   * Topics the classifier ruled out for this question (it is sure of `topic`): a sentence of one of their own
   * sections, or of a section no topic owns (the overview), answers only as surely as with no topic known ("how
   * many incidents does Gold get?" is not asking how many remain, nor who the article is for).
   */
  ruledOut?: readonly Topic[];
}

export interface Retriever {
  /**
   * The article's segments that answer `question` in `lang`, best first (1-3), topic section first when a topic
   * is given; empty when nothing passes the calibrated threshold.
   * @example retriever.retrieve('where do I find the Access ID?', 'en') // [{ segment: 121, score: 0.62 }, …]
   */
  retrieve(question: string, lang: Lang, options?: RetrieveOptions): RetrievedSegment[];
}

/** Indexes every language of the knowledge base once; `retrieve` then only scores. */
export function createRetriever(knowledge: KnowledgeBase): Retriever {
  const context: RankingContext = {
    index: buildSegmentIndex(knowledge),
    cues: readQuestionCues(),
    sections: topicSections(knowledge),
    textOf: (segment, lang) => knowledge.segments[segment]?.text[lang] ?? '',
  };
  return {
    retrieve(question, lang, options = {}) {
      return rankSegments(context, question, lang, options.topic, options.ruledOut);
    },
  };
}
