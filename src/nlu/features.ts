/**
 * The features of a question: word stems, pairs of neighbouring stems, and character trigrams of each word
 * (so "incidnets" still shares most of its features with "incidents").
 */
import type { Lang } from '../i18n/locales';
import { stem, tokenize } from './tokenize';

/**
 * Bumped whenever feature extraction or what the model saves with it changes: a model trained with another
 * version is refused (2: the training words' stems saved with the model).
 */
export const FEATURE_VERSION = 2;

/** Feature name → weight; the vector is scaled to unit length. */
export type FeatureVector = Map<string, number>;

export const CHAR_NGRAM_WEIGHT = 0.35;
export const BIGRAM_WEIGHT = 0.7;

export function features(text: string, lang: Lang): FeatureVector {
  const tokens = tokenize(text);
  const stems = tokens.map((token) => stem(token, lang));
  const vector: FeatureVector = new Map();
  const add = (name: string, weight: number) => {
    const earlier = vector.get(name);
    if (earlier === undefined || earlier < weight) vector.set(name, weight);
  };
  stems.forEach((s, i) => {
    add(`w:${s}`, 1);
    const next = stems[i + 1];
    if (next !== undefined) add(`b:${s}_${next}`, BIGRAM_WEIGHT);
  });
  for (const token of tokens) {
    if (token.length < 4 || /^\p{N}+$/u.test(token)) continue;
    const padded = `<${token}>`;
    for (let i = 0; i + 3 <= padded.length; i++) add(`c:${padded.slice(i, i + 3)}`, CHAR_NGRAM_WEIGHT);
  }
  let norm = 0;
  for (const weight of vector.values()) norm += weight * weight;
  norm = Math.sqrt(norm) || 1;
  for (const [name, weight] of vector) vector.set(name, weight / norm);
  return vector;
}
