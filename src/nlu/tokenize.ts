/**
 * Per-language tokens and stems, from `natural`'s parts imported one by one. Its traps are avoided here: a
 * Unicode-aware tokenizer replaces the English one (which drops non-ASCII letters), no stop-word list is
 * applied ("how many", "não", "pas" carry meaning), and Latin-script words inside Russian text (product
 * names) get the English stemmer.
 */
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer';
import porterFr from 'natural/lib/natural/stemmers/porter_stemmer_fr';
import porterPt from 'natural/lib/natural/stemmers/porter_stemmer_pt';
import porterRu from 'natural/lib/natural/stemmers/porter_stemmer_ru';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer';
import type { Lang } from '../i18n/locales';
import { foldDiacritics, normalizeText } from './normalize';

const STEMMERS: Record<Lang, { stem(token: string): string }> = {
  en: porterEn,
  ru: porterRu,
  pt: porterPt,
  fr: porterFr,
};
const WORDS = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}]+/u });
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * The words of a text as the classifier sees them: normalized, Latin letters without accents (so "nao" and
 * "não" meet), Cyrillic kept as is (folding would turn й into и and break the Russian stemmer).
 */
export function tokenize(text: string): string[] {
  return splitWords(normalizeText(text)).map(foldToken);
}

/** The words of a text already normalized (normalizeText), not yet folded. */
export function splitWords(normalized: string): string[] {
  return WORDS.tokenize(normalized);
}

/** A word as the classifier matches it: Latin letters without accents, Cyrillic as is. */
export function foldToken(token: string): string {
  return ASCII.test(token) || CYRILLIC.test(token) ? token : foldDiacritics(token);
}

// eslint-disable-next-line no-control-regex -- every ASCII character, NUL included
const ASCII = /^[\x00-\x7f]*$/;

const STEM_CACHE_LIMIT = 100_000;
const stemCache = new Map<string, string>();

/** The stem of one token in the language of its text (remembered: partners use the same words again and again). */
export function stem(token: string, lang: Lang): string {
  if (/^\p{N}+$/u.test(token)) return token;
  const key = `${lang}:${token}`;
  let stemmed = stemCache.get(key);
  if (stemmed === undefined) {
    const stemmer = lang === 'ru' && !CYRILLIC.test(token) ? STEMMERS.en : STEMMERS[lang];
    stemmed = stemmer.stem(token);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(key, stemmed);
  }
  return stemmed;
}
