/**
 * Questions each answering segment answers, written per language (content/nlu/retrieval-questions.json, like
 * QnA Maker's alternate questions or doc2query): indexed as one more field of the segment, so a partner's
 * wording that the article's sentence does not share still finds it.
 */
import { readFileSync } from 'node:fs';
import { contentPath } from '../../contentPath';
import { LANGS, type Lang } from '../../i18n/locales';

/** Language → segment id → the questions that segment answers. */
export type SegmentQuestions = Record<Lang, ReadonlyMap<number, readonly string[]>>;

export const SEGMENT_QUESTIONS_FILE = contentPath('nlu', 'retrieval-questions.json');

/** @example readSegmentQuestions().en.get(121) // ['where can I see my Access ID?', …] */
export function readSegmentQuestions(file = SEGMENT_QUESTIONS_FILE): SegmentQuestions {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string[]>>;
  const bySegmentOf = (lang: Lang): ReadonlyMap<number, readonly string[]> => {
    const bySegment = data[lang];
    if (!bySegment) throw new Error(`${file}: no questions for "${lang}"`);
    return new Map(
      Object.entries(bySegment).map(([id, questions]) => {
        if (!/^\d+$/.test(id) || !Array.isArray(questions))
          throw new Error(`${file}: "${lang}.${id}" must be a segment id holding a list of questions`);
        return [Number(id), questions];
      }),
    );
  };
  return Object.fromEntries(LANGS.map((lang) => [lang, bySegmentOf(lang)])) as SegmentQuestions;
}
