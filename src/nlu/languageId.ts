/**
 * Which of en, ru, pt, fr a text is written in: the script first (Cyrillic is Russian), then a character
 * n-gram model for the Latin languages. The channel's locale is a prior; the conversation's language decides
 * when the text says too little ("ok", "Gold", "SR 1234").
 */
import type { Lang } from '../i18n/locales';
import { CYRILLIC, codePointKind, LETTER } from './codePoints';
import { normalizeText } from './normalize';

export interface LanguageHints {
  /** The language of the channel's locale (activity.locale), a prior. */
  locale?: Lang;
  /** The language the conversation has been in, the fallback for texts too short to tell. */
  conversation?: Lang;
}

export interface LanguageGuess {
  lang: Lang;
  confidence: number;
  by: 'script' | 'model' | 'fallback';
}

/** Counts of character n-grams per Latin-script language; serializable, built from the training texts. */
export interface LanguageModel {
  order: number;
  counts: Record<string, Record<string, number>>;
  totals: Record<string, number>;
  vocabulary: number;
}

const LATIN_LANGS = ['en', 'pt', 'fr'] as const;
const ORDER = 3;
const MIN_ORDER = 2;
const MIN_LETTERS = 4;
const LOCALE_PRIOR = Math.log(3);
const CONFIDENT = 0.8;
const CERTAIN = 0.95;
const FEW_WORDS = 2;
const MIN_CYRILLIC_LETTERS = 3;

/** The n-grams of a text's letters, words padded with spaces; `normalized` is the text after normalizeText. */
function grams(normalized: string): string[] {
  const letters = ` ${normalized.replace(/[^\p{L}]+/gu, ' ').trim()} `;
  const out: string[] = [];
  for (let n = MIN_ORDER; n <= ORDER; n++)
    for (let i = 0; i + n <= letters.length; i++) out.push(letters.slice(i, i + n));
  return out;
}

/** Builds the n-gram model from example texts of each Latin-script language. */
export function trainLanguageModel(examples: Partial<Record<Lang, readonly string[]>>): LanguageModel {
  const counts: Record<string, Record<string, number>> = {};
  const totals: Record<string, number> = {};
  const vocabulary = new Set<string>();
  for (const lang of LATIN_LANGS) {
    const table: Record<string, number> = {};
    let total = 0;
    for (const text of examples[lang] ?? []) {
      for (const gram of grams(normalizeText(text))) {
        table[gram] = (table[gram] ?? 0) + 1;
        vocabulary.add(gram);
        total++;
      }
    }
    counts[lang] = table;
    totals[lang] = total;
  }
  return { order: ORDER, counts, totals, vocabulary: vocabulary.size };
}

/**
 * The model laid out for fast scoring: an open-addressing table from an n-gram's UTF-16 code units (packed
 * into one number, so no string is cut per n-gram) to its log-probabilities in en, pt and fr side by side.
 */
export interface CompiledLanguageModel {
  /** Packed n-gram per slot (0 = empty slot; no packed n-gram is 0). */
  keys: Float64Array;
  /** Row of each slot in logProbabilities. */
  rows: Int32Array;
  mask: number;
  /** logProbabilities[row * 3 + i]: the n-gram's log-probability in LATIN_LANGS[i]. */
  logProbabilities: Float64Array;
  /** The log-probability of an n-gram never seen in a language. */
  unseen: Float64Array;
}

const BIGRAM_TAG = 2 ** 48;
/** Two or three code units in one exact number: below 2^48 for three, 2^48 and up for two. */
const packGram = (a: number, b: number, c: number | undefined) =>
  c === undefined ? BIGRAM_TAG + a * 0x10000 + b : a * 0x100000000 + b * 0x10000 + c;
const slotOf = (a: number, b: number, c: number, mask: number) =>
  (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(c + 0x165667b1, 0xc2b2ae3d)) & mask;

export function compileLanguageModel(model: LanguageModel): CompiledLanguageModel {
  const denominators = LATIN_LANGS.map((lang) => (model.totals[lang] ?? 0) + model.vocabulary + 1);
  const grams_ = [...new Set(LATIN_LANGS.flatMap((lang) => Object.keys(model.counts[lang] ?? {})))];
  let size = 1;
  while (size < grams_.length * 2) size *= 2;
  const compiled: CompiledLanguageModel = {
    keys: new Float64Array(size),
    rows: new Int32Array(size),
    mask: size - 1,
    logProbabilities: new Float64Array(grams_.length * LATIN_LANGS.length),
    unseen: Float64Array.from(denominators, (d) => Math.log(1 / d)),
  };
  grams_.forEach((gram, row) => {
    if (gram.length !== 2 && gram.length !== 3)
      throw new Error(`the language model has an n-gram of ${gram.length} code units: "${gram}"`);
    const [a, b, c] = [gram.charCodeAt(0), gram.charCodeAt(1), gram.length === 3 ? gram.charCodeAt(2) : undefined];
    const key = packGram(a, b, c);
    let slot = slotOf(a, b, c ?? -1, compiled.mask);
    while (compiled.keys[slot] !== 0) slot = (slot + 1) & compiled.mask;
    compiled.keys[slot] = key;
    compiled.rows[slot] = row;
    LATIN_LANGS.forEach((lang, i) => {
      compiled.logProbabilities[row * LATIN_LANGS.length + i] = Math.log(
        ((model.counts[lang]?.[gram] ?? 0) + 1) / (denominators[i] as number),
      );
    });
  });
  return compiled;
}

/** The row of an n-gram in logProbabilities, or -1 when the model never saw it. */
function gramRow(model: CompiledLanguageModel, a: number, b: number, c: number | undefined): number {
  const key = packGram(a, b, c);
  for (let slot = slotOf(a, b, c ?? -1, model.mask); ; slot = (slot + 1) & model.mask) {
    const found = model.keys[slot];
    if (found === key) return model.rows[slot] as number;
    if (found === 0) return -1;
  }
}

/**
 * @example identifyLanguage('Где посмотреть Access ID?', compiled) // { lang: 'ru', by: 'script', … }
 */
export function identifyLanguage(text: string, model: CompiledLanguageModel, hints: LanguageHints = {}): LanguageGuess {
  return identifyNormalizedLanguage(normalizeText(text), model, hints);
}

// Read once into this module: an imported binding can cost a getter call per read (CommonJS from tsx).
const kindOf = codePointKind;
const IS_LETTER = LETTER;
const IS_CYRILLIC = CYRILLIC;
const SPACE_UNIT = 0x20;
/** The text's letters and spaces (see below), reused from one text to the next. */
let units = new Uint16Array(256);

/** identifyLanguage for a text already normalized (normalizeText). */
export function identifyNormalizedLanguage(
  normalized: string,
  model: CompiledLanguageModel,
  hints: LanguageHints = {},
): LanguageGuess {
  // One pass over the code points: letters and Cyrillic letters counted, words counted, and the code units of
  // the letters, each run of other characters one space, padded with a space on both sides (grams() above).
  if (units.length < normalized.length + 2) units = new Uint16Array(2 * normalized.length + 2);
  const buffer = units;
  buffer[0] = SPACE_UNIT;
  let length = 1;
  let letters = 0;
  let cyrillic = 0;
  let words = 0;
  for (let i = 0; i < normalized.length; i++) {
    const code = normalized.charCodeAt(i);
    const ascii = code < 0x80;
    const codePoint = ascii ? code : (normalized.codePointAt(i) as number);
    const wide = codePoint > 0xffff;
    const kind = ascii ? ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? IS_LETTER : 0) : kindOf(codePoint);
    if (kind & IS_LETTER) {
      letters++;
      if (buffer[length - 1] === SPACE_UNIT) words++;
      buffer[length++] = code;
      if (wide) buffer[length++] = normalized.charCodeAt(i + 1);
      // Russian partners write product names in Latin letters ("Где Access ID в Partner Center?"): a few Cyrillic
      // letters are enough, as no other language of ours uses the script.
      if (kind & IS_CYRILLIC && ++cyrillic >= MIN_CYRILLIC_LETTERS) return { lang: 'ru', confidence: 1, by: 'script' };
    } else if (buffer[length - 1] !== SPACE_UNIT) buffer[length++] = SPACE_UNIT;
    if (wide) i++;
  }
  if (buffer[length - 1] !== SPACE_UNIT || length === 1) buffer[length++] = SPACE_UNIT;

  const fallback = hints.conversation ?? hints.locale;
  if (letters < MIN_LETTERS) return { lang: fallback ?? 'en', confidence: 0.5, by: 'fallback' };

  // The three languages' sums in LATIN_LANGS order, every bigram added before every trigram, as grams() lists them.
  let en = hints.locale === 'en' ? LOCALE_PRIOR : 0;
  let pt = hints.locale === 'pt' ? LOCALE_PRIOR : 0;
  let fr = hints.locale === 'fr' ? LOCALE_PRIOR : 0;
  const { logProbabilities, unseen } = model;
  for (let n = 2; n <= 3; n++) {
    for (let i = 0; i + n <= length; i++) {
      const row = gramRow(model, buffer[i] as number, buffer[i + 1] as number, n === 3 ? buffer[i + 2] : undefined);
      if (row < 0) {
        en += unseen[0] as number;
        pt += unseen[1] as number;
        fr += unseen[2] as number;
      } else {
        en += logProbabilities[row * 3] as number;
        pt += logProbabilities[row * 3 + 1] as number;
        fr += logProbabilities[row * 3 + 2] as number;
      }
    }
  }
  const gramCount = length - 1 + Math.max(0, length - 2);
  const grams_ = gramCount || 1;
  // Per-gram scores make the confidence comparable between short and long texts.
  const top = Math.max(en, pt, fr);
  const enWeight = Math.exp(((en - top) / grams_) * 8);
  const ptWeight = Math.exp(((pt - top) / grams_) * 8);
  const frWeight = Math.exp(((fr - top) / grams_) * 8);
  const sum = enWeight + ptWeight + frWeight;
  // The first of the best, as LATIN_LANGS orders them.
  const best: Lang = pt > en ? (fr > pt ? 'fr' : 'pt') : fr > en ? 'fr' : 'en';
  const confidence = (best === 'en' ? enWeight : best === 'pt' ? ptWeight : frWeight) / sum;
  // A word or two ("Gold", "Action Pack", "ok merci") says little: the conversation's language stands unless
  // the model is all but certain.
  const fewWords = words <= FEW_WORDS;
  if (fallback && fallback !== best && (fewWords ? confidence < CERTAIN : confidence < CONFIDENT)) {
    const fallbackScore = fallback === 'en' ? en : fallback === 'pt' ? pt : fallback === 'fr' ? fr : undefined;
    const close = fallbackScore === undefined || top - fallbackScore < grams_ * 0.05;
    if (fallback === 'ru' || fewWords || close) return { lang: fallback, confidence, by: 'fallback' };
  }
  return { lang: best, confidence, by: 'model' };
}
