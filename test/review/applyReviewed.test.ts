/**
 * What apply makes of labelled items: a line per item under its intent (out of scope under out_of_scope, noise
 * nowhere, open items untouched), refusing a line the training data has (in any intent, compared as the NLU
 * data test compares) or one repeated in the batch, and a line of a development set (read from the real
 * content/nlu/dev/**; such a line is never shown, only counted); the gain per intent and language.
 */
import { describe, expect, it } from 'vitest';
import { contentPath } from '../../src/contentPath';
import { LANGS } from '../../src/i18n/locales';
import { readUtteranceFile } from '../../src/nlu/utterances';
import { devLinesUnder, planApply, type TrainingFiles } from '../../src/review/applyReviewed';
import type { ReviewItem, ReviewLabel } from '../../src/review/reviewItem';

const train = Object.fromEntries(LANGS.map((lang) => [lang, readUtteranceFile('train', lang)])) as TrainingFiles;
const devForms = devLinesUnder(contentPath('nlu', 'dev'));
let ids = 0;
const labelled = (text: string, label: ReviewLabel, fields: Partial<ReviewItem> = {}): ReviewItem => ({
  id: `item-${++ids}`,
  createdAt: '2026-12-01T10:00:00.000Z',
  reason: 'rejected',
  lang: 'en',
  channel: 'msteams',
  text,
  intents: [{ intent: 'out_of_scope', confidence: 0.8 }],
  requesterKey: 'k',
  status: 'labelled',
  label,
  version: 2,
  ...fields,
});

describe('planApply', () => {
  it('writes new lines under their intent and counts the gain per intent and language', () => {
    const items = [
      labelled('can I use the benefits to pay for Azure credits of our sponsorship', { kind: 'out_of_scope' }),
      labelled('where do i click activate for the technical benefits, the page is new to me', {
        kind: 'intent',
        intent: 'activate_benefits',
      }),
      labelled(
        'Où cliquer pour activer les avantages techniques, la page est nouvelle pour moi',
        { kind: 'intent', intent: 'activate_benefits' },
        { lang: 'fr' },
      ),
      labelled('asdf qwer', { kind: 'noise' }),
      labelled('still open', { kind: 'intent', intent: 'entitlement' }, { status: 'open' }),
    ];
    const plan = planApply(items, train, devForms);
    expect(plan.results.map((r) => r.outcome)).toEqual(['written', 'written', 'written']);
    expect(plan.gained).toEqual({ out_of_scope: { en: 1 }, activate_benefits: { en: 1, fr: 1 } });
    expect(plan.files.en?.activate_benefits?.at(-1)).toBe(items[1]?.text);
    expect(plan.files.en?.out_of_scope?.at(-1)).toBe(items[0]?.text);
    expect(plan.files.fr?.activate_benefits?.length).toBe((train.fr.activate_benefits?.length ?? 0) + 1);
    expect(plan.files.ru).toBeUndefined();
    // The training files given are not changed in place.
    expect(train.en.activate_benefits).not.toContain(items[1]?.text);
  });

  it('refuses a line the training data has, under any intent, however it is cased or punctuated, and a repeat in the batch', () => {
    const known = train.en.entitlement?.[0] ?? '';
    const twice = 'is there a partner benefit for sponsorship credits in azure';
    const plan = planApply(
      [
        labelled(`${known.toUpperCase()}!!`, { kind: 'intent', intent: 'activate_benefits' }),
        labelled(twice, { kind: 'out_of_scope' }),
        labelled(`${twice}?`, { kind: 'out_of_scope' }),
      ],
      train,
      devForms,
    );
    expect(plan.results.map((r) => r.outcome)).toEqual(['duplicate', 'written', 'duplicate']);
  });

  it('refuses a line of a development set, and one that rewords a few of its words', () => {
    const dev = readUtteranceFile('dev', 'en');
    const devLine =
      Object.values(dev)
        .flat()
        .find((line) => line.split(' ').length >= 8) ?? '';
    const reworded = `${devLine.split(' ').slice(0, -2).join(' ')} please folks`;
    const plan = planApply(
      [labelled(devLine, { kind: 'intent', intent: 'entitlement' }), labelled(reworded, { kind: 'out_of_scope' })],
      train,
      devForms,
    );
    expect(plan.results.map((r) => r.outcome)).toEqual(['collides_with_dev', 'collides_with_dev']);
    expect(JSON.stringify(plan.files)).toBe('{}');
  });
});
