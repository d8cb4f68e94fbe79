/**
 * The questions each segment answers (content/nlu/retrieval-questions.json): every segment named exists and
 * can answer, every language covers the same segments, and no line is, or nearly is, a question of the detail
 * sets (the dev set is never tuned on, the tuning set must stay a fair measure). Dev questions are named by
 * place, never by text.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import { readDetailQuestions } from '../../src/nlu/evaluation/detailQuestions';
import { matchForm } from '../../src/nlu/normalize';
import { readSegmentQuestions } from '../../src/nlu/retrieval/segmentQuestions';

const questions = readSegmentQuestions();
/** Normalized, without punctuation or spacing: "Where is it?" and "where is it" are one question. */
const comparable = (text: string) =>
  matchForm(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
/** Two questions sharing this share of their words (Jaccard over the normalized word sets) are one question reworded. */
const NEAR_DUPLICATE = 0.6;
const wordsOf = (text: string) => new Set(comparable(text).split(' ').filter(Boolean));
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}
const nearlyOneOf = (lines: readonly ReadonlySet<string>[], text: string) =>
  lines.some((line) => overlap(line, wordsOf(text)) >= NEAR_DUPLICATE);

describe('content/nlu/retrieval-questions.json', () => {
  it('names only segments of the article that can answer, each with questions', () => {
    const kb = knowledgeBase();
    const wrong = LANGS.flatMap((lang) =>
      [...questions[lang]].flatMap(([id, lines]) => {
        const segment = kb.segments[id];
        if (!segment) return [`${lang}.${id}: no such segment`];
        if (['heading', 'table-cell', 'link'].includes(segment.place.kind))
          return [`${lang}.${id}: a ${segment.place.kind} answers nothing`];
        return lines.length === 0 || lines.some((line) => !line.trim()) ? [`${lang}.${id}: an empty question`] : [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('covers the same segments in every language', () => {
    const covered = (lang: (typeof LANGS)[number]) => [...questions[lang].keys()].sort((a, b) => a - b);
    expect(covered('en').length).toBeGreaterThan(0);
    for (const lang of LANGS) expect(covered(lang), lang).toEqual(covered('en'));
  });

  it('holds no line twice in a language', () => {
    for (const lang of LANGS) {
      const lines = [...questions[lang].values()].flat().map(comparable);
      expect(
        lines.filter((line, index) => lines.indexOf(line) !== index),
        lang,
      ).toEqual([]);
    }
  });

  it(`nearly duplicates no development detail question (${NEAR_DUPLICATE} of the words or more; named by place only)`, () => {
    for (const lang of LANGS) {
      const lines = [...questions[lang].values()].flat().map(wordsOf);
      const copied = readDetailQuestions('dev', lang).flatMap((q, index) =>
        nearlyOneOf(lines, q.text) ? [`dev/details/${lang}.json[${index}]`] : [],
      );
      expect(copied).toEqual([]);
    }
  });

  it(`nearly duplicates no tuning detail question (${NEAR_DUPLICATE} of the words or more)`, () => {
    for (const lang of LANGS) {
      const lines = [...questions[lang].values()].flat().map(wordsOf);
      expect(
        readDetailQuestions('tuning', lang).flatMap((q) => (nearlyOneOf(lines, q.text) ? [q.text] : [])),
        lang,
      ).toEqual([]);
    }
  });

  it('tells a reworded question from a new one', () => {
    expect(overlap(wordsOf('Where is the Activate button?'), wordsOf('where is the activate button'))).toBe(1);
    expect(nearlyOneOf([wordsOf('so where is the activate button')], 'where is the activate button')).toBe(true);
    expect(nearlyOneOf([wordsOf('which role may activate the benefit')], 'where is the activate button')).toBe(false);
  });
});
