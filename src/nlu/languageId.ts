/**
 * Which of en, ru, pt, fr a text is written in: the script first (Cyrillic is Russian), then a character
 * n-gram model for the Latin languages. The channel's locale is a prior; the conversation's language decides
 * when the text says too little ("ok", "Gold", "SR 1234").
 */
import type { Lang } from '../i18n/locales';
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
  for (let n = MIN_ORDER; n <= ORDER; n++) for (let i = 0; i + n <= letters.length; i++) out.push(letters.slice(i, i + n));
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

/** The model laid out for fast scoring: each n-gram's log-probability in en, pt and fr side by side. */
export interface CompiledLanguageModel {
  logProbabilities: Map<string, Float64Array>;
  /** The log-probability of an n-gram never seen in a language. */
  unseen: Float64Array;
}

export function compileLanguageModel(model: LanguageModel): CompiledLanguageModel {
  const denominators = LATIN_LANGS.map((lang) => (model.totals[lang] ?? 0) + model.vocabulary + 1);
  const logProbabilities = new Map<string, Float64Array>();
  const grams_ = new Set(LATIN_LANGS.flatMap((lang) => Object.keys(model.counts[lang] ?? {})));
  for (const gram of grams_) {
    logProbabilities.set(gram, Float64Array.from(LATIN_LANGS, (lang, i) => Math.log(((model.counts[lang]?.[gram] ?? 0) + 1) / (denominators[i] as number))));
  }
  return { logProbabilities, unseen: Float64Array.from(denominators, (d) => Math.log(1 / d)) };
}

/**
 * @example identifyLanguage('Где посмотреть Access ID?', compiled) // { lang: 'ru', by: 'script', … }
 */
export function identifyLanguage(text: string, model: CompiledLanguageModel, hints: LanguageHints = {}): LanguageGuess {
  const normalized = normalizeText(text);
  const letters = normalized.match(/\p{L}/gu) ?? [];
  const cyrillic = letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length;
  // Russian partners write product names in Latin letters ("Где Access ID в Partner Center?"): a few Cyrillic
  // letters are enough, as no other language of ours uses the script.
  if (cyrillic >= MIN_CYRILLIC_LETTERS) return { lang: 'ru', confidence: 1, by: 'script' };

  const fallback = hints.conversation ?? hints.locale;
  if (letters.length < MIN_LETTERS) return { lang: fallback ?? 'en', confidence: 0.5, by: 'fallback' };

  const textGrams = grams(normalized);
  const sums = Float64Array.from(LATIN_LANGS, (lang) => (hints.locale === lang ? LOCALE_PRIOR : 0));
  for (const gram of textGrams) {
    const logs = model.logProbabilities.get(gram) ?? model.unseen;
    for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] as number) + (logs[i] as number);
  }
  const scores = LATIN_LANGS.map((lang, i) => ({ lang, score: sums[i] as number }));
  const grams_ = textGrams.length || 1;
  // Per-gram scores make the confidence comparable between short and long texts.
  const top = Math.max(...scores.map((s) => s.score));
  const weights = scores.map((s) => Math.exp(((s.score - top) / grams_) * 8));
  const sum = weights.reduce((a, b) => a + b, 0);
  const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
  const confidence = (weights[scores.indexOf(best)] ?? 0) / sum;
  // A word or two ("Gold", "Action Pack", "ok merci") says little: the conversation's language stands unless
  // the model is all but certain.
  const fewWords = (normalized.match(/\p{L}+/gu) ?? []).length <= FEW_WORDS;
  if (fallback && fallback !== best.lang && (fewWords ? confidence < CERTAIN : confidence < CONFIDENT)) {
    const fallbackScore = scores.find((s) => s.lang === fallback);
    const close = !fallbackScore || top - fallbackScore.score < grams_ * 0.05;
    if (fallback === 'ru' || fewWords || close) return { lang: fallback, confidence, by: 'fallback' };
  }
  return { lang: best.lang, confidence, by: 'model' };
}
