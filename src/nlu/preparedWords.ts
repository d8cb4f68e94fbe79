/**
 * The stems of the training texts' words, worked out when the model is trained and saved with it: a question's
 * words are mostly these, and the classifier then looks a word up instead of folding and stemming it (the
 * Porter stemmers take microseconds a word). Words the training texts never had are stemmed as they come.
 */
import { LANGS, type Lang } from '../i18n/locales';
import { normalizeText } from './normalize';
import { foldToken, splitWords, stem } from './tokenize';
import type { Utterance } from './utterances';

/**
 * Per language: each word as written (normalized, not folded) followed by the stem the classifier gives it,
 * all in one string apart by spaces ("word stem word stem …"): one string each for the model's JSON to parse at
 * start, split on the first question in that language.
 */
export type PreparedWords = Record<Lang, string>;

export function prepareWords(train: readonly Utterance[]): PreparedWords {
  const stems = Object.fromEntries(LANGS.map((lang) => [lang, new Map<string, string>()])) as Record<
    Lang,
    Map<string, string>
  >;
  for (const { text, lang } of train) {
    const table = stems[lang];
    for (const word of splitWords(normalizeText(text))) {
      if (table.has(word)) continue;
      const stemmed = stem(foldToken(word), lang);
      if (stemmed.includes(' ')) throw new Error(`the stem of "${word}" holds a space: "${stemmed}"`);
      table.set(word, stemmed);
    }
  }
  return Object.fromEntries(
    LANGS.map((lang) => [lang, [...stems[lang]].map(([word, stemmed]) => `${word} ${stemmed}`).join(' ')]),
  ) as PreparedWords;
}

/** The words and stems of one language, in pairs: [word, stem, word, stem, …]. */
export function preparedPairs(prepared: PreparedWords, lang: Lang): string[] {
  return prepared[lang] === '' ? [] : prepared[lang].split(' ');
}
