/**
 * The intent model compiled for scoring one question in one pass: each word's fold, stem and feature ids cached,
 * the weights in one typed array, no Map built per question. It gives the same numbers, in the same order of
 * additions, as `features()` + `logits()` + `knownShare()` (test/nlu/intentScorer.test.ts checks every training
 * and development question).
 */
import type { Lang } from '../i18n/locales';
import { BIGRAM_WEIGHT, CHAR_NGRAM_WEIGHT } from './features';
import type { SoftmaxModel } from './softmaxModel';
import { foldToken, splitWords, stem } from './tokenize';

/** A stem: the id of its `w:` feature, and the columns of the known bigrams it starts. */
interface StemEntry {
  /** Feature id: a column of the model, or an id past the vocabulary for a stem the model never saw. */
  word: number;
  /** Known bigram columns by the id of the next stem. */
  next: Map<number, number> | undefined;
  /** Unique among stems (for unknown bigrams, which have no column). */
  id: number;
}

/** A word as written (normalized, not yet folded) in one language: everything its features need. */
interface WordEntry {
  stem: StemEntry;
  /** Feature ids of its character trigrams, in order (empty for short words and numbers). */
  trigrams: Int32Array;
}

export interface IntentScores {
  /** Raw scores (logits), one per label of the model. */
  logits: number[];
  /** The share of the question's word features the model has seen. */
  knownShare: number;
}

/** Caches past this many entries start again empty (a flood of made-up words cannot grow the process). */
const CACHE_LIMIT = 50_000;
const NUMBER = /^\p{N}+$/u;

export class IntentScorer {
  private readonly labels: number;
  private readonly vocabularySize: number;
  /** weights[column * labels + label] */
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;
  private readonly knownStems = new Map<string, StemEntry>();
  private readonly knownTrigrams = new Map<string, number>();
  private unknownStems = new Map<string, StemEntry>();
  private unknownTrigrams = new Map<string, number>();
  private words: Record<Lang, Map<string, WordEntry>> = { en: new Map(), ru: new Map(), pt: new Map(), fr: new Map() };
  private nextUnknownId: number;
  private nextStemId = 0;
  private firstForgettableId = 0;
  private firstForgettableStem = 0;
  /** seen[featureId] === stamp when the feature is already in the current question. */
  private seen: Uint32Array;
  private stamp = 0;

  constructor(model: SoftmaxModel) {
    this.labels = model.labels.length;
    const entries = Object.entries(model.vocabulary);
    this.vocabularySize = entries.length;
    this.weights = new Float64Array(this.vocabularySize * this.labels);
    this.bias = Float64Array.from(model.bias);
    const bigrams: [string, number][] = [];
    for (const [name, column] of entries) {
      for (let c = 0; c < this.labels; c++) this.weights[column * this.labels + c] = model.weights[c]?.[column] ?? 0;
      const kind = name.slice(0, 2);
      const body = name.slice(2);
      if (kind === 'w:') this.stemEntry(body, this.knownStems).word = column;
      else if (kind === 'c:') this.knownTrigrams.set(body, column);
      else if (kind === 'b:') bigrams.push([body, column]);
      else throw new Error(`the NLU model has a feature of an unknown kind: "${name}"`);
    }
    // Stems hold no "_" (words are letters and digits), so a bigram splits at its only "_".
    for (const [body, column] of bigrams) {
      const split = body.indexOf('_');
      const first = this.stemEntry(body.slice(0, split), this.knownStems);
      const second = this.stemEntry(body.slice(split + 1), this.knownStems);
      (first.next ??= new Map()).set(second.id, column);
    }
    // A stem seen only inside bigrams has no `w:` column: its word feature is unknown, with an id for good.
    this.nextUnknownId = this.vocabularySize;
    this.seen = new Uint32Array(this.vocabularySize * 2);
    for (const entry of this.knownStems.values()) if (entry.word < 0) entry.word = this.unknownId();
    this.firstForgettableId = this.nextUnknownId;
    this.firstForgettableStem = this.nextStemId;
  }

  /** The scores of a question already normalized (normalizeText) in the language its words are stemmed in. */
  score(normalized: string, lang: Lang): IntentScores {
    const tokens = splitWords(normalized);
    const entries = new Array<WordEntry>(tokens.length);
    for (let i = 0; i < tokens.length; i++) entries[i] = this.word(tokens[i] as string, lang);
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const seen = this.seen;
    const stamp = this.stamp;
    const vocabularySize = this.vocabularySize;
    // Pass 1: the distinct features in the order features() inserts them, for the norm and knownShare.
    const known: number[] = [];
    const knownWeights: number[] = [];
    const unknownBigrams: number[] = [];
    let squares = 0;
    let words = 0;
    let knownWords = 0;
    for (let i = 0; i < entries.length; i++) {
      const current = (entries[i] as WordEntry).stem;
      const word = current.word;
      if (seen[word] !== stamp) {
        seen[word] = stamp;
        squares += 1;
        words++;
        if (word < vocabularySize) {
          knownWords++;
          known.push(word);
          knownWeights.push(1);
        }
      }
      const next = entries[i + 1]?.stem;
      if (next === undefined) continue;
      const column = current.next?.get(next.id);
      if (column !== undefined) {
        if (seen[column] !== stamp) {
          seen[column] = stamp;
          squares += BIGRAM_WEIGHT * BIGRAM_WEIGHT;
          known.push(column);
          knownWeights.push(BIGRAM_WEIGHT);
        }
      } else {
        const key = current.id * 0x200000 + next.id;
        if (!unknownBigrams.includes(key)) {
          unknownBigrams.push(key);
          squares += BIGRAM_WEIGHT * BIGRAM_WEIGHT;
        }
      }
    }
    for (let i = 0; i < entries.length; i++) {
      const trigrams = (entries[i] as WordEntry).trigrams;
      for (let k = 0; k < trigrams.length; k++) {
        const id = trigrams[k] as number;
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        squares += CHAR_NGRAM_WEIGHT * CHAR_NGRAM_WEIGHT;
        if (id < vocabularySize) {
          known.push(id);
          knownWeights.push(CHAR_NGRAM_WEIGHT);
        }
      }
    }
    // Pass 2: the known features scaled to unit length, added in the same order.
    const norm = Math.sqrt(squares) || 1;
    const labels = this.labels;
    const weights = this.weights;
    const scores = Float64Array.from(this.bias);
    for (let k = 0; k < known.length; k++) {
      const value = (knownWeights[k] as number) / norm;
      const offset = (known[k] as number) * labels;
      for (let c = 0; c < labels; c++) scores[c] = (scores[c] as number) + (weights[offset + c] as number) * value;
    }
    return { logits: Array.from(scores), knownShare: words ? knownWords / words : 0 };
  }

  private word(token: string, lang: Lang): WordEntry {
    const cache = this.words[lang];
    let entry = cache.get(token);
    if (entry) return entry;
    if (cache.size >= CACHE_LIMIT || this.nextUnknownId - this.firstForgettableId >= CACHE_LIMIT) this.forgetUnknown();
    const folded = foldToken(token);
    const stemmed = stem(folded, lang);
    const known = this.knownStems.get(stemmed);
    const stemEntry = known ?? this.stemEntry(stemmed, this.unknownStems);
    const trigrams: number[] = [];
    if (folded.length >= 4 && !NUMBER.test(folded)) {
      const padded = `<${folded}>`;
      for (let i = 0; i + 3 <= padded.length; i++) trigrams.push(this.trigram(padded.slice(i, i + 3)));
    }
    entry = { stem: stemEntry, trigrams: Int32Array.from(trigrams) };
    this.words[lang].set(token, entry);
    return entry;
  }

  private stemEntry(stemmed: string, table: Map<string, StemEntry>): StemEntry {
    let entry = table.get(stemmed);
    if (!entry) {
      const unknown = table === this.unknownStems;
      entry = { word: unknown ? this.unknownId() : -1, next: undefined, id: this.nextStemId++ };
      table.set(stemmed, entry);
    }
    return entry;
  }

  private trigram(gram: string): number {
    let id = this.knownTrigrams.get(gram) ?? this.unknownTrigrams.get(gram);
    if (id === undefined) {
      id = this.unknownId();
      this.unknownTrigrams.set(gram, id);
    }
    return id;
  }

  private unknownId(): number {
    const id = this.nextUnknownId++;
    if (id >= this.seen.length) {
      const grown = new Uint32Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    return id;
  }

  /** Drops every cached word and every feature id given to something the model never saw. */
  private forgetUnknown(): void {
    this.words = { en: new Map(), ru: new Map(), pt: new Map(), fr: new Map() };
    this.unknownStems = new Map();
    this.unknownTrigrams = new Map();
    this.nextUnknownId = this.firstForgettableId;
    this.nextStemId = this.firstForgettableStem;
    this.seen.fill(0);
    this.stamp = 0;
  }
}
