/**
 * The detail evaluation's check (src/nlu/evaluation/detailQuestions.ts) on real cards: a sentence the card
 * quotes first leads, one it does not show is neither present nor leading, whatever markdown the
 * translation carries (the footnote mark of the cloud competencies, "*" then a space in ru, pt, fr).
 */
import { describe, expect, it } from 'vitest';
import { renderView } from '../../cards/renderCard';
import { decisionView } from '../../cards/views/decisionView';
import { LANGS } from '../../src/i18n/locales';
import { checkAnswer } from '../../src/nlu/evaluation/detailQuestions';
import { decide } from '../../src/rules/decide';

const CLOUD_COMPETENCIES = 151;
const NEW_SUPPORT_PLAN = 193;

describe('checkAnswer', () => {
  it.each(LANGS)('counts the footnoted sentence a %s card quotes first as leading', (lang) => {
    const card = renderView(
      decisionView(decide('entitlement', {}), {}, lang, [{ segment: CLOUD_COMPETENCIES, score: 1 }]),
    );
    expect(checkAnswer(card, lang, [CLOUD_COMPETENCIES])).toEqual({ present: true, leading: true });
  });

  it.each(LANGS)('counts a sentence a %s card does not show as neither present nor leading', (lang) => {
    const card = renderView(
      decisionView(decide('entitlement', {}), {}, lang, [{ segment: CLOUD_COMPETENCIES, score: 1 }]),
    );
    expect(checkAnswer(card, lang, [NEW_SUPPORT_PLAN])).toEqual({ present: false, leading: false });
  });
});
