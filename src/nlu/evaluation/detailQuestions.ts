/**
 * The detail-question evaluation: questions partners ask about one sentence of the article, each labelled with
 * the segments that answer it (content/nlu/{dev,tuning}/details/<lang>.json). Each question goes through the
 * classifier, the retriever and the view the bot sends; the plain-text face and the card are then checked:
 * is an answering sentence present, and does it lead (the card's first quoted block, or the first 400
 * characters of the plain text)? Also: how many out-of-scope questions get the article's sentences anyway.
 */
import { readFileSync } from 'node:fs';
import { renderView, type AdaptiveCardJson } from '../../../cards/renderCard';
import { quote, withoutFootnoteMark } from '../../../cards/views/articleText';
import { cardToText, markdownToPlain } from '../../../cards/cardToText';
import { firstQuestionView } from '../../../cards/views/firstQuestionView';
import { contentPath } from '../../contentPath';
import { LANGS, type Lang } from '../../i18n/locales';
import type { KnowledgeBase } from '../../knowledge/types';
import type { Classifier } from '../classifier';
import { isTopic } from '../intents';
import { outOfScopeSegments, topicQuestionSegments, type Retriever } from '../retrieval';
import { topicSections } from '../retrieval/topicSections';
import type { Utterance } from '../utterances';

export type DetailSplit = 'dev' | 'tuning';

export interface DetailQuestion {
  text: string;
  /** The segments whose sentence answers the question. */
  segments: number[];
}

/** How far into the plain text an answering sentence must start to lead. */
export const LEAD_CHARS = 400;

export function readDetailQuestions(split: DetailSplit, lang: Lang): DetailQuestion[] {
  return JSON.parse(readFileSync(contentPath('nlu', split, 'details', `${lang}.json`), 'utf8')) as DetailQuestion[];
}

export interface DetailSlice {
  count: number;
  present: number;
  leading: number;
  misses: { text: string; intent: string; expected: number[]; present: boolean }[];
}

export interface DetailReport {
  byLang: Record<Lang, DetailSlice>;
  /** Out-of-scope questions the bot answers with the article's sentences ("The article says:"). */
  outOfScope: { count: number; answered: number; examples: { lang: Lang; text: string }[] };
  /** Plain topic questions, classified right, whose answer leads with a sentence from outside the topic's sections. */
  offTopicLeads: { count: number; offTopic: number };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A segment's sentence as the plain text shows it when quoted. */
export function plainSentence(id: number, lang: Lang): string {
  return squash(markdownToPlain(withoutFootnoteMark(quote(id, lang))));
}

/** The text of the card's first quoted block (the retrieved sentences' container), if it has one. */
function firstQuotedBlock(card: AdaptiveCardJson): string | undefined {
  const block = (card.body as Record<string, unknown>[]).find(
    (element) => element.type === 'Container' && element.style === 'accent',
  );
  const first = (block?.items as Record<string, unknown>[] | undefined)?.[0];
  return typeof first?.text === 'string' ? squash(markdownToPlain(first.text)) : undefined;
}

/** Whether an answering sentence is in the reply, and whether it leads it. */
export function checkAnswer(
  card: AdaptiveCardJson,
  lang: Lang,
  segments: readonly number[],
): { present: boolean; leading: boolean } {
  const text = squash(cardToText(card));
  const quoted = firstQuotedBlock(card);
  const sentences = segments.map((id) => plainSentence(id, lang));
  const present = sentences.some((s) => text.includes(s));
  const leading = sentences.some(
    (s) =>
      (quoted !== undefined && quoted.includes(s)) ||
      text.slice(0, LEAD_CHARS).includes(s.slice(0, Math.min(s.length, 60))),
  );
  return { present, leading };
}

/**
 * The other side of leading with retrieved sentences: how often a plain question on a topic ("how many incidents
 * does Gold get?"), which the topic's decision answers, is led instead by a loosely related sentence of another
 * section.
 */
export function offTopicLeads(
  classifier: Classifier,
  retriever: Retriever,
  knowledge: KnowledgeBase,
  questions: readonly Utterance[],
): DetailReport['offTopicLeads'] {
  const sections = topicSections(knowledge);
  let count = 0;
  let offTopic = 0;
  for (const u of questions) {
    const classification = classifier.classify(u.text);
    if (!isTopic(u.intent) || classification.intent !== u.intent) continue;
    count += 1;
    const [first] = topicQuestionSegments(retriever, u.text, classification, u.intent, u.lang);
    const anchor = first ? knowledge.segments[first.segment]?.anchor : undefined;
    if (anchor !== undefined && !sections[u.intent].has(anchor)) offTopic += 1;
  }
  return { count, offTopic };
}

export function evaluateDetails(
  classifier: Classifier,
  retriever: Retriever,
  split: DetailSplit,
  outOfScope: readonly Utterance[],
  plain: DetailReport['offTopicLeads'],
): DetailReport {
  const byLang = Object.fromEntries(
    LANGS.map((lang) => {
      const slice: DetailSlice = { count: 0, present: 0, leading: 0, misses: [] };
      for (const question of readDetailQuestions(split, lang)) {
        const classification = classifier.classify(question.text);
        const card = renderView(firstQuestionView(question.text, classification, {}, retriever));
        const { present, leading } = checkAnswer(card, lang, question.segments);
        slice.count += 1;
        slice.present += Number(present);
        slice.leading += Number(leading);
        if (!leading)
          slice.misses.push({
            text: question.text,
            intent: classification.intent,
            expected: question.segments,
            present,
          });
      }
      return [lang, slice];
    }),
  ) as Record<Lang, DetailSlice>;
  const answered = outOfScope.filter((u) => {
    const classification = classifier.classify(u.text);
    return classification.intent === 'out_of_scope' && outOfScopeSegments(retriever, u.text, classification).length > 0;
  });
  return {
    byLang,
    outOfScope: {
      count: outOfScope.length,
      answered: answered.length,
      examples: answered.map(({ lang, text }) => ({ lang, text })),
    },
    offTopicLeads: plain,
  };
}

const pct = (part: number, whole: number) => `${((100 * part) / (whole || 1)).toFixed(1)}%`;

export function detailTable(report: DetailReport): string {
  return [
    '| language | detail questions | answering sentence present | answering sentence leads |',
    '|---|---:|---:|---:|',
    ...LANGS.map((lang) => {
      const s = report.byLang[lang];
      return `| ${lang} | ${s.count} | ${pct(s.present, s.count)} | ${pct(s.leading, s.count)} |`;
    }),
    '',
    `out-of-scope questions answered with the article's sentences: ${report.outOfScope.answered}/${report.outOfScope.count} (${pct(report.outOfScope.answered, report.outOfScope.count)})`,
    `plain topic questions led by a sentence from another section: ${report.offTopicLeads.offTopic}/${report.offTopicLeads.count} (${pct(report.offTopicLeads.offTopic, report.offTopicLeads.count)})`,
  ].join('\n');
}
