/**
 * The intent model compiled for scoring one question in one pass: each word's fold, stem and feature ids cached,
 * the weights in one typed array, no Map built per question. It gives the same numbers, in the same order of
 * additions, as `features()` + `logits()` + `knownShare()` (test/nlu/fastPath.test.ts checks every training
 * and development question).
 */
import type { Lang } from '../i18n/locales';
import { BIGRAM_WEIGHT, CHAR_NGRAM_WEIGHT } from './features';
import { preparedPairs, type PreparedWords } from './preparedWords';
import type { SoftmaxModel } from './softmaxModel';
import { foldToken, stem } from './tokenize';
import { emptyWordSpans, scanWords } from './wordSpans';

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
// Read once into this module: an imported binding can cost a getter call per read where modules are
// transpiled to CommonJS (tsx), and these are read per feature.
const WORD_SQUARE = 1;
const BIGRAM_SQUARE = BIGRAM_WEIGHT * BIGRAM_WEIGHT;
const BIGRAM_VALUE = BIGRAM_WEIGHT;
const TRIGRAM_SQUARE = CHAR_NGRAM_WEIGHT * CHAR_NGRAM_WEIGHT;
const TRIGRAM_VALUE = CHAR_NGRAM_WEIGHT;
const NO_TRIGRAMS = new Int32Array(0);
const LEFT_PAD = '<'.charCodeAt(0);
const RIGHT_PAD = '>'.charCodeAt(0);

/** Three UTF-16 code units in one exact number. */
const packTrigram = (a: number, b: number, c: number) => (a * 0x10000 + b) * 0x10000 + c;
const slotOf = (a: number, b: number, c: number, mask: number) =>
  (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(c + 0x165667b1, 0xc2b2ae3d)) & mask;

/** The model's character trigrams in an open-addressing table keyed by their packed code units. */
interface TrigramTable {
  /** Packed trigram per slot (0 = empty: words hold no NUL, so no trigram packs to 0). */
  keys: Float64Array;
  columns: Int32Array;
  mask: number;
}

/** A table with room for `count` trigrams. */
function emptyTrigramTable(count: number): TrigramTable {
  let size = 1;
  while (size < count * 2) size *= 2;
  return { keys: new Float64Array(size), columns: new Int32Array(size), mask: size - 1 };
}

function addTrigram(table: TrigramTable, gram: string, column: number): void {
  if (gram.length !== 3) throw new Error(`the NLU model has a trigram of ${gram.length} code units: "${gram}"`);
  const a = gram.charCodeAt(0);
  const b = gram.charCodeAt(1);
  const c = gram.charCodeAt(2);
  let slot = slotOf(a, b, c, table.mask);
  while (table.keys[slot] !== 0) slot = (slot + 1) & table.mask;
  table.keys[slot] = packTrigram(a, b, c);
  table.columns[slot] = column;
}

/** The column of a trigram, or -1 when the model never saw it. */
function trigramColumn(table: TrigramTable, a: number, b: number, c: number): number {
  const key = packTrigram(a, b, c);
  for (let slot = slotOf(a, b, c, table.mask); ; slot = (slot + 1) & table.mask) {
    const found = table.keys[slot];
    if (found === key) return table.columns[slot] as number;
    if (found === 0) return -1;
  }
}

export class IntentScorer {
  private readonly labels: number;
  private readonly vocabularySize: number;
  /** weights[column * labels + label] */
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;
  private readonly knownStems = new Map<string, StemEntry>();
  private readonly knownTrigrams: TrigramTable;
  private unknownStems = new Map<string, StemEntry>();
  private unknownTrigrams = new Map<number, number>();
  private words: Record<Lang, Map<string, WordEntry>> = { en: new Map(), ru: new Map(), pt: new Map(), fr: new Map() };
  /** The languages whose prepared words are in `words` (filled on a language's first question). */
  private preparedIn = new Set<Lang>();
  private nextUnknownId: number;
  private nextStemId = 0;
  private firstForgettableId = 0;
  private firstForgettableStem = 0;
  /** seen[featureId] === stamp when the feature is already in the current question. */
  private seen: Uint32Array;
  private stamp = 0;
  // Reused from one question to the next: the question's words, its known features and their weights.
  private readonly spans = emptyWordSpans();
  private readonly entries: WordEntry[] = [];
  private known = new Int32Array(256);
  private knownWeights = new Float64Array(256);
  private readonly unknownBigrams: number[] = [];
  private readonly sums: Float64Array;

  constructor(
    model: SoftmaxModel,
    private readonly prepared?: PreparedWords,
  ) {
    this.labels = model.labels.length;
    const entries = Object.entries(model.vocabulary);
    this.vocabularySize = entries.length;
    this.weights = new Float64Array(this.vocabularySize * this.labels);
    this.bias = Float64Array.from(model.bias);
    this.sums = new Float64Array(this.labels);
    const bigrams: [string, number][] = [];
    this.knownTrigrams = emptyTrigramTable(this.vocabularySize);
    for (const [name, column] of entries) {
      for (let c = 0; c < this.labels; c++) this.weights[column * this.labels + c] = model.weights[c]?.[column] ?? 0;
      const kind = name.slice(0, 2);
      const body = name.slice(2);
      if (kind === 'w:') this.stemEntry(body, this.knownStems).word = column;
      else if (kind === 'c:') addTrigram(this.knownTrigrams, body, column);
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
    if (this.prepared && !this.preparedIn.has(lang)) this.addPreparedWords(lang, this.prepared);
    const spans = this.spans;
    const count = scanWords(normalized, spans);
    const entries = this.entries;
    for (let i = 0; i < count; i++) entries[i] = this.word(normalized.slice(spans.starts[i], spans.ends[i]), lang);
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const seen = this.seen;
    const stamp = this.stamp;
    const vocabularySize = this.vocabularySize;
    // Pass 1: the distinct features in the order features() inserts them, for the norm and knownShare.
    if (this.known.length < count * 2 + 64) this.growKnown(count * 2 + 64);
    const unknownBigrams = this.unknownBigrams;
    unknownBigrams.length = 0;
    let known = this.known;
    let knownWeights = this.knownWeights;
    let knownCount = 0;
    let squares = 0;
    let words = 0;
    let knownWords = 0;
    for (let i = 0; i < count; i++) {
      const current = (entries[i] as WordEntry).stem;
      const word = current.word;
      if (seen[word] !== stamp) {
        seen[word] = stamp;
        squares += WORD_SQUARE;
        words++;
        if (word < vocabularySize) {
          knownWords++;
          known[knownCount] = word;
          knownWeights[knownCount++] = 1;
        }
      }
      if (i + 1 >= count) continue;
      const next = (entries[i + 1] as WordEntry).stem;
      const column = current.next?.get(next.id);
      if (column !== undefined) {
        if (seen[column] !== stamp) {
          seen[column] = stamp;
          squares += BIGRAM_SQUARE;
          known[knownCount] = column;
          knownWeights[knownCount++] = BIGRAM_VALUE;
        }
      } else {
        const key = current.id * 0x200000 + next.id;
        if (!unknownBigrams.includes(key)) {
          unknownBigrams.push(key);
          squares += BIGRAM_SQUARE;
        }
      }
    }
    for (let i = 0; i < count; i++) {
      const trigrams = (entries[i] as WordEntry).trigrams;
      if (knownCount + trigrams.length > known.length) {
        this.growKnown(2 * (knownCount + trigrams.length));
        known = this.known;
        knownWeights = this.knownWeights;
      }
      for (let k = 0; k < trigrams.length; k++) {
        const id = trigrams[k] as number;
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        squares += TRIGRAM_SQUARE;
        if (id < vocabularySize) {
          known[knownCount] = id;
          knownWeights[knownCount++] = TRIGRAM_VALUE;
        }
      }
    }
    // Pass 2: the known features scaled to unit length, added in the same order.
    const norm = Math.sqrt(squares) || 1;
    const labels = this.labels;
    const weights = this.weights;
    const scores = this.sums;
    scores.set(this.bias);
    for (let k = 0; k < knownCount; k++) {
      const value = (knownWeights[k] as number) / norm;
      const offset = (known[k] as number) * labels;
      for (let c = 0; c < labels; c++) scores[c] = (scores[c] as number) + (weights[offset + c] as number) * value;
    }
    const logits = new Array<number>(labels);
    for (let c = 0; c < labels; c++) logits[c] = scores[c] as number;
    return { logits, knownShare: words ? knownWords / words : 0 };
  }

  private growKnown(size: number): void {
    const known = new Int32Array(size);
    known.set(this.known);
    this.known = known;
    const knownWeights = new Float64Array(size);
    knownWeights.set(this.knownWeights);
    this.knownWeights = knownWeights;
  }

  /** A language's prepared words in its cache: their stems as training saved them, folded and cut into trigrams here. */
  private addPreparedWords(lang: Lang, prepared: PreparedWords): void {
    this.preparedIn.add(lang);
    const pairs = preparedPairs(prepared, lang);
    const cache = this.words[lang];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const word = pairs[i] as string;
      if (!cache.has(word)) cache.set(word, this.entry(foldToken(word), pairs[i + 1] as string));
    }
  }

  private word(token: string, lang: Lang): WordEntry {
    const cache = this.words[lang];
    let entry = cache.get(token);
    if (entry) return entry;
    if (cache.size >= CACHE_LIMIT || this.nextUnknownId - this.firstForgettableId >= CACHE_LIMIT) this.forgetUnknown();
    const folded = foldToken(token);
    entry = this.entry(folded, stem(folded, lang));
    this.words[lang].set(token, entry);
    return entry;
  }

  /** A word's features, from its folded form and its stem. */
  private entry(folded: string, stemmed: string): WordEntry {
    const known = this.knownStems.get(stemmed);
    const stemEntry = known ?? this.stemEntry(stemmed, this.unknownStems);
    let trigrams = NO_TRIGRAMS;
    if (folded.length >= 4 && !NUMBER.test(folded)) {
      // The trigrams of `<${folded}>`, each as its three code units packed into one number.
      trigrams = new Int32Array(folded.length);
      let a = LEFT_PAD;
      let b = folded.charCodeAt(0);
      for (let i = 1; i <= folded.length; i++) {
        const c = i < folded.length ? folded.charCodeAt(i) : RIGHT_PAD;
        trigrams[i - 1] = this.trigram(a, b, c);
        a = b;
        b = c;
      }
    }
    return { stem: stemEntry, trigrams };
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

  private trigram(a: number, b: number, c: number): number {
    const known = trigramColumn(this.knownTrigrams, a, b, c);
    if (known >= 0) return known;
    const key = packTrigram(a, b, c);
    let id = this.unknownTrigrams.get(key);
    if (id === undefined) {
      id = this.unknownId();
      this.unknownTrigrams.set(key, id);
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
    this.preparedIn = new Set();
    this.unknownStems = new Map();
    this.unknownTrigrams = new Map();
    this.nextUnknownId = this.firstForgettableId;
    this.nextStemId = this.firstForgettableStem;
    this.seen.fill(0);
    this.stamp = 0;
  }
}
