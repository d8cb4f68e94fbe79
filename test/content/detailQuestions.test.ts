/**
 * The detail-question sets (content/nlu/{dev,tuning}/details/<lang>.json): every labelled segment exists and
 * can answer (no heading, table cell or link), enough questions per language, no question in both sets.
 * Dev questions are named by place, never by text.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/locales';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import { matchForm } from '../../src/nlu/normalize';
import { readDetailQuestions, type DetailSplit } from '../../src/nlu/evaluation/detailQuestions';

const SPLITS: readonly DetailSplit[] = ['dev', 'tuning'];
const MIN_DEV_QUESTIONS = 15;

describe.each(SPLITS)('content/nlu/%s/details', (split) => {
  describe.each(LANGS)('%s.json', (lang) => {
    const questions = readDetailQuestions(split, lang);

    it('labels every question with segments of the article that can answer', () => {
      const kb = knowledgeBase();
      const wrong = questions.flatMap(({ text, segments }, index) => {
        const where = `${split}/details/${lang}.json[${index}]${split === 'dev' ? '' : ` "${text}"`}`;
        if (!text.trim()) return [`${where}: no text`];
        if (!Array.isArray(segments) || segments.length === 0) return [`${where}: no segments`];
        return segments.flatMap((id) => {
          const segment = kb.segments[id];
          if (!segment) return [`${where}: segment ${id} does not exist`];
          return ['heading', 'table-cell', 'link'].includes(segment.place.kind)
            ? [`${where}: segment ${id} is a ${segment.place.kind}`]
            : [];
        });
      });
      expect(wrong).toEqual([]);
    });

    if (split === 'dev')
      it(`holds at least ${MIN_DEV_QUESTIONS} questions`, () =>
        expect(questions.length).toBeGreaterThanOrEqual(MIN_DEV_QUESTIONS));
  });
});

describe('the detail-question sets', () => {
  it('share no question between the dev and tuning sets', () => {
    for (const lang of LANGS) {
      const tuning = new Set(readDetailQuestions('tuning', lang).map((q) => matchForm(q.text)));
      const shared = readDetailQuestions('dev', lang).flatMap((q, index) =>
        tuning.has(matchForm(q.text)) ? [`dev/details/${lang}.json[${index}]`] : [],
      );
      expect(shared).toEqual([]);
    }
  });
});
