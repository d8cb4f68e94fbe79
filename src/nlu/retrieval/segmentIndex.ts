/**
 * The per-language BM25 index of the article's sentences: each segment's own stems, its English source's stems
 * (the translations are machine translated and uneven), and its context (section heading and block) at a
 * lower weight, and the questions the segment answers (content/nlu/retrieval-questions.json) at their own weight. Stems are the classifier's own (src/nlu/tokenize.ts, natural's Porter stemmers).
 */
import { LANGS, type Lang } from '../../i18n/locales';
import type { KnowledgeBase, PlaceKind, Segment } from '../../knowledge/types';
import { stem, tokenize } from '../tokenize';
import { RETRIEVAL_SETTINGS } from './retrievalSettings';
import { readSegmentQuestions, type SegmentQuestions } from './segmentQuestions';

/** Headings name sections, table cells are read as the table, links are "next steps": none answers alone. */
const NOT_ANSWERS: ReadonlySet<PlaceKind> = new Set(['heading', 'table-cell', 'link']);

export interface IndexedSegment {
  id: number;
  anchor: string;
  /** Stem → weighted term frequency. */
  terms: Map<string, number>;
  length: number;
}

export interface LanguageIndex {
  segments: IndexedSegment[];
  /** Stem → inverse document frequency (BM25's, over the segments' own text). */
  idf: Map<string, number>;
  maxIdf: number;
  averageLength: number;
}

export type SegmentIndex = Record<Lang, LanguageIndex>;

/** The stems of a text in a language, in order, each long word also as its first letters (where the stemmer leaves two forms of one word apart: "активировать", "активации"). */
export function stemsOf(text: string, lang: Lang): string[] {
  return tokenize(text.replace(/\]\([^)]*\)/g, ']')).flatMap((token) => {
    const stemmed = stem(token, lang);
    return token.length > RETRIEVAL_SETTINGS.prefixLength
      ? [stemmed, `${token.slice(0, RETRIEVAL_SETTINGS.prefixLength)}…`]
      : [stemmed];
  });
}

export function buildSegmentIndex(
  knowledge: KnowledgeBase,
  questions: SegmentQuestions = readSegmentQuestions(),
): SegmentIndex {
  return Object.fromEntries(
    LANGS.map((lang) => [lang, buildLanguageIndex(knowledge, lang, questions[lang])]),
  ) as SegmentIndex;
}

function buildLanguageIndex(knowledge: KnowledgeBase, lang: Lang, questions: SegmentQuestions[Lang]): LanguageIndex {
  const all = Object.values(knowledge.segments);
  const answering = all.filter((segment) => !NOT_ANSWERS.has(segment.place.kind) && !introducesWhatFollows(segment));
  const headingOf = new Map(knowledge.sections.map((section) => [section.anchor, knowledge.segments[section.heading]]));
  const segments = answering.map((segment) => {
    const terms = new Map<string, number>();
    const add = (stems: string[], weight: number) => {
      for (const s of stems) terms.set(s, (terms.get(s) ?? 0) + weight);
    };
    add(stemsOf(withoutLinkTexts(segment.text[lang]), lang), 1);
    add(stemsOf(linkTexts(segment.text[lang]), lang), RETRIEVAL_SETTINGS.linkTextWeight);
    if (lang !== 'en') add(stemsOf(segment.text.en, 'en'), RETRIEVAL_SETTINGS.sourceWeight);
    add(stemsOf((questions.get(segment.id) ?? []).join(' '), lang), RETRIEVAL_SETTINGS.questionWeight);
    const context = [headingOf.get(segment.anchor), ...blockNeighbours(all, segment)];
    for (const other of context) if (other) add(stemsOf(other.text[lang], lang), RETRIEVAL_SETTINGS.contextWeight);
    let length = 0;
    for (const weight of terms.values()) length += weight;
    return { id: segment.id, anchor: segment.anchor, terms, length };
  });
  const documentFrequency = new Map<string, number>();
  // A word of a segment's questions counts as the segment's own: a partner's word the article never uses still weighs.
  const ownWords = (segment: Segment) => [segment.text[lang], ...(questions.get(segment.id) ?? [])].join(' ');
  for (const segment of answering)
    for (const s of new Set(stemsOf(ownWords(segment), lang)))
      documentFrequency.set(s, (documentFrequency.get(s) ?? 0) + 1);
  const n = answering.length;
  const idf = new Map([...documentFrequency].map(([s, df]) => [s, Math.log(1 + (n - df + 0.5) / (df + 0.5))]));
  return {
    segments,
    idf,
    maxIdf: Math.log(1 + (n - 1 + 0.5) / 1.5),
    averageLength: segments.reduce((sum, s) => sum + s.length, 0) / (segments.length || 1),
  };
}

/** The other segments written in the same markdown block (a sentence the translators cut in two, a note). */
function blockNeighbours(all: readonly Segment[], segment: Segment): Segment[] {
  return all.filter(
    (other) => other.block === segment.block && other.id !== segment.id && other.place.kind !== 'heading',
  );
}

/**
 * "To view and activate your technical benefits in Partner Center:" introduces the steps; it answers nothing
 * alone. A sentence that links the page it names ("You can [compare partner support plans](…) or see below…:")
 * answers where that page is, whatever follows it.
 */
function introducesWhatFollows(segment: Segment): boolean {
  return /:\**\s*$/.test(segment.text.en) && segment.text.en.search(MARKDOWN_LINK) < 0;
}

const MARKDOWN_LINK = /\[([^\]]+)\]\([^)\s]+\)/g;

/** A link's text names the page it opens ("How many Partner support incidents are remaining?"), not what the sentence says. */
function linkTexts(markdown: string): string {
  return [...markdown.matchAll(MARKDOWN_LINK)].map((match) => match[1]).join(' ');
}

function withoutLinkTexts(markdown: string): string {
  return markdown.replace(MARKDOWN_LINK, ' ');
}
