/**
 * The questions each segment answers (content/nlu/retrieval-questions.json): every segment named exists and
 * can answer, every language covers the same segments, and no line is a question of the detail sets (the dev
 * set is never tuned on, the tuning set must stay a fair measure). Dev questions are named by place, never by text.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import { readDetailQuestions } from '../../src/nlu/evaluation/detailQuestions';
import { matchForm } from '../../src/nlu/normalize';
import { readSegmentQuestions } from '../../src/nlu/retrieval/segmentQuestions';

const questions = readSegmentQuestions();
/** Normalized, without punctuation or spacing: "Where is it?" and "where is it" are one question. */
const comparable = (text: string) => matchForm(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

describe('content/nlu/retrieval-questions.json', () => {
  it('names only segments of the article that can answer, each with questions', () => {
    const kb = knowledgeBase();
    const wrong = LANGS.flatMap((lang) =>
      [...questions[lang]].flatMap(([id, lines]) => {
        const segment = kb.segments[id];
        if (!segment) return [`${lang}.${id}: no such segment`];
        if (['heading', 'table-cell', 'link'].includes(segment.place.kind)) return [`${lang}.${id}: a ${segment.place.kind} answers nothing`];
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
      expect(lines.filter((line, index) => lines.indexOf(line) !== index), lang).toEqual([]);
    }
  });

  it('duplicates no development detail question (named by place only)', () => {
    for (const lang of LANGS) {
      const lines = new Set([...questions[lang].values()].flat().map(comparable));
      const copied = readDetailQuestions('dev', lang).flatMap((q, index) => (lines.has(comparable(q.text)) ? [`dev/details/${lang}.json[${index}]`] : []));
      expect(copied).toEqual([]);
    }
  });

  it('duplicates no tuning detail question', () => {
    for (const lang of LANGS) {
      const lines = new Set([...questions[lang].values()].flat().map(comparable));
      const copied = readDetailQuestions('tuning', lang).flatMap((q) => (lines.has(comparable(q.text)) ? [q.text] : []));
      expect(copied).toEqual([]);
    }
  });
});
