/**
 * The stems of the training texts' words, worked out when the model is trained and saved with it: a question's
 * words are mostly these, and the classifier then looks a word up instead of folding and stemming it (the
 * Porter stemmers take microseconds a word). Words the training texts never had are stemmed as they come.
 */
import { LANGS, type Lang } from '../i18n/locales';
import { normalizeText } from './normalize';
import { foldToken, splitWords, stem } from './tokenize';
import type { Utterance } from './utterances';

/** Per language: each word as written (normalized, not folded) and the stem the classifier gives it. */
export type PreparedWords = Record<Lang, { words: string[]; stems: string[] }>;

export function prepareWords(train: readonly Utterance[]): PreparedWords {
  const stems = Object.fromEntries(LANGS.map((lang) => [lang, new Map<string, string>()])) as Record<
    Lang,
    Map<string, string>
  >;
  for (const { text, lang } of train) {
    const table = stems[lang];
    for (const word of splitWords(normalizeText(text)))
      if (!table.has(word)) table.set(word, stem(foldToken(word), lang));
  }
  return Object.fromEntries(
    LANGS.map((lang) => [lang, { words: [...stems[lang].keys()], stems: [...stems[lang].values()] }]),
  ) as PreparedWords;
}
