/**
 * When two utterances are the same line, and when they are near-duplicates: the one comparison the NLU data
 * validator (test/content), the review page and `npm run review -- apply` all use.
 */
import type { Lang } from '../i18n/locales';
import { matchForm } from './normalize';
import { stem, tokenize } from './tokenize';

/**
 * The form two utterances are compared in: matchForm (case, accents, quotes, spacing), punctuation gone.
 * @example samenessForm('Où est l’Access ID ?') === samenessForm('ou est l access id') // true
 */
export function samenessForm(text: string): string {
  return matchForm(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Word stems shared over words in either (Jaccard) at or above which two questions read as near-duplicates. */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;

/** The stems of a text, as a set, for `similarity`. */
export function stemSet(text: string, lang: Lang): Set<string> {
  return new Set(tokenize(text).map((token) => stem(token, lang)));
}

/** Jaccard similarity of two stem sets: 1 for the same words, 0 for none shared. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
