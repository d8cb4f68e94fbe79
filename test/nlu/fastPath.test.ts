/**
 * The classifier's fast path gives exactly the numbers of the plain one: IntentScorer (typed arrays, words
 * cached) against features() + logits() + knownShare(), and the packed language model against the Map of
 * n-gram strings it replaced, and the entity synonyms' word matcher against their patterns, on every training
 * and development question, the article's sentences and awkward texts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentPath } from '../../src/contentPath';
import { LANGS, type Lang } from '../../src/i18n/locales';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import { compileEntityMatchers, matchWords, type SynonymWord } from '../../src/nlu/entities';
import { features } from '../../src/nlu/features';
import { IntentScorer } from '../../src/nlu/intentScorer';
import {
  compileLanguageModel,
  identifyLanguage,
  type LanguageGuess,
  type LanguageHints,
  type LanguageModel,
} from '../../src/nlu/languageId';
import { loadNluModel } from '../../src/nlu/modelStore';
import { matchForm, normalizeText } from '../../src/nlu/normalize';
import { preparedPairs } from '../../src/nlu/preparedWords';
import { compileSoftmax, knownShare, logits } from '../../src/nlu/softmaxModel';
import { readUtterances } from '../../src/nlu/utterances';

const model = loadNluModel();
const texts = [...readUtterances('train'), ...readUtterances('dev')].map((u) => u.text);
const AWKWARD = [
  '',
  ' ',
  '🙂',
  '123 456',
  'ok',
  'Gold',
  'a-b-c-d',
  '𐐀𐐁𐐂𐐃 deseret',
  '𝐀𝐜𝐜𝐞𝐬𝐬 𝐈𝐃',
  'x\uD800y zzzz',
  'Не могу Access ID',
  'é é é é',
  'incidents incidents incidents',
  'the the the the',
];

describe('IntentScorer', () => {
  const reference = compileSoftmax(model.intents);
  const scorer = new IntentScorer(model.intents);
  const withPreparedWords = new IntentScorer(model.intents, model.words);

  it.each([
    ['stemming every word', scorer],
    ["with the training words' saved stems", withPreparedWords],
  ])(
    'gives the logits and known-word share of features() + logits() in every language, to the last bit, %s',
    (_, tested) => {
      const different: string[] = [];
      for (const text of [...texts, ...AWKWARD]) {
        for (const lang of LANGS) {
          const vector = features(text, lang);
          const fast = tested.score(normalizeText(text), lang);
          const same =
            fast.knownShare === knownShare(reference, vector) &&
            logits(reference, vector).every((x, i) => Object.is(x, fast.logits[i]));
          if (!same) different.push(`${lang}: ${text}`);
        }
      }
      expect(different).toEqual([]);
      expect(texts.length).toBeGreaterThan(1000);
      expect(preparedPairs(model.words, 'en').length).toBeGreaterThan(2000);
    },
  );

  it('scores a question the same after its words were cached and when the same words come again', () => {
    const text = 'how many incidents does a Gold partner get for incidents?';
    const first = scorer.score(normalizeText(text), 'en');
    expect(scorer.score(normalizeText(text), 'en')).toEqual(first);
    expect(first.logits).toEqual(logits(reference, features(text, 'en')));
  });
});

/** The language identification this repository had before the packed model, kept here as the oracle. */
function referenceIdentify(text: string, languageModel: LanguageModel, hints: LanguageHints = {}): LanguageGuess {
  const LATIN = ['en', 'pt', 'fr'] as const;
  const denominators = LATIN.map((lang) => (languageModel.totals[lang] ?? 0) + languageModel.vocabulary + 1);
  const logOf = (gram: string) =>
    LATIN.map((lang, i) => Math.log(((languageModel.counts[lang]?.[gram] ?? 0) + 1) / (denominators[i] as number)));
  const unseen = denominators.map((d) => Math.log(1 / d));
  const known = (gram: string) => LATIN.some((lang) => languageModel.counts[lang]?.[gram] !== undefined);
  const normalized = normalizeText(text);
  const letters = normalized.match(/\p{L}/gu) ?? [];
  if (letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length >= 3)
    return { lang: 'ru', confidence: 1, by: 'script' };
  const fallback = hints.conversation ?? hints.locale;
  if (letters.length < 4) return { lang: fallback ?? 'en', confidence: 0.5, by: 'fallback' };
  const padded = ` ${normalized.replace(/[^\p{L}]+/gu, ' ').trim()} `;
  const grams: string[] = [];
  for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
  const sums = LATIN.map((lang) => (hints.locale === lang ? Math.log(3) : 0));
  for (const gram of grams) {
    const logs = known(gram) ? logOf(gram) : unseen;
    for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] as number) + (logs[i] as number);
  }
  const scores = LATIN.map((lang, i) => ({ lang, score: sums[i] as number }));
  const count = grams.length || 1;
  const top = Math.max(...scores.map((s) => s.score));
  const weights = scores.map((s) => Math.exp(((s.score - top) / count) * 8));
  const sum = weights.reduce((a, b) => a + b, 0);
  const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
  const confidence = (weights[scores.indexOf(best)] ?? 0) / sum;
  const fewWords = (normalized.match(/\p{L}+/gu) ?? []).length <= 2;
  if (fallback && fallback !== best.lang && (fewWords ? confidence < 0.95 : confidence < 0.8)) {
    const fallbackScore = scores.find((s) => s.lang === fallback);
    const close = !fallbackScore || top - fallbackScore.score < count * 0.05;
    if (fallback === 'ru' || fewWords || close) return { lang: fallback, confidence, by: 'fallback' };
  }
  return { lang: best.lang, confidence, by: 'model' };
}

describe('the packed language model', () => {
  const compiled = compileLanguageModel(model.language);
  const hintSets: LanguageHints[] = [{}, ...LANGS.flatMap((lang: Lang) => [{ locale: lang }, { conversation: lang }])];

  it('identifies every training and development question as the n-gram Map did, with every hint', () => {
    const different: string[] = [];
    for (const text of [...texts, ...AWKWARD]) {
      for (const hints of hintSets) {
        if (
          JSON.stringify(identifyLanguage(text, compiled, hints)) !==
          JSON.stringify(referenceIdentify(text, model.language, hints))
        )
          different.push(`${JSON.stringify(hints)} ${text}`);
      }
    }
    expect(different).toEqual([]);
  });
});

describe('entity synonyms matched without regular expressions', () => {
  const matchers = compileEntityMatchers(JSON.parse(readFileSync(contentPath('nlu', 'entities.json'), 'utf8')));
  const kb = knowledgeBase();
  const synonymTexts = matchers.map((m) => m.pattern.source.replace(/\\p\{L\}\\p\{N\}|[()[\]?<!*+\\]/g, ''));
  const corpus = [
    ...texts,
    ...AWKWARD,
    ...Object.values(kb.segments).flatMap((segment) => LANGS.map((lang) => segment.text[lang])),
    ...synonymTexts,
    'gold-silver',
    'gold - - partner',
    'golden partner',
    'microsoft action  pack',
    'action\u00a0pack',
    'actionpack2',
    '𐐀gold',
    'gold𐐀',
    'экшн пака и экшнпаку',
  ].map(matchForm);

  it('find what the patterns find, where they find it, in every text', () => {
    const plain = matchers.filter((m) => m.words !== undefined);
    expect(plain.length).toBeGreaterThan(150);
    const different: string[] = [];
    for (const form of corpus) {
      for (const matcher of plain) {
        const regex = matcher.pattern.exec(form);
        const expected = regex ? { start: regex.index, end: regex.index + regex[0].length } : undefined;
        const got = matchWords(form, matcher.words as SynonymWord[]);
        if (JSON.stringify(got) !== JSON.stringify(expected)) different.push(`${matcher.pattern.source} in "${form}"`);
      }
    }
    expect(different).toEqual([]);
  });
});
