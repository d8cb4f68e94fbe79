/**
 * Recognizes the three portal messages (not authorized, no benefits yet, Access ID already associated)
 * pasted whole or in part, with typos, in any of the four languages, ahead of the statistical model. The
 * wordings are the article's own (segments 113, 117, 181, 184) and those in content/nlu/portal-messages/.
 * A message is recognised by its own words: pasted whole, or most of it with a pair of neighbouring words that
 * other products' errors do not share (content/nlu/portal-messages/shared-phrases.json), so "not authorized to
 * perform this action" from an API or "is already associated with an account" from Entra is not taken for it.
 */
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance';
import { readFileSync } from 'node:fs';
import { contentPath } from '../contentPath';
import { LANGS } from '../i18n/locales';
import { knowledgeBase } from '../knowledge/knowledgeBase';
import type { Intent } from './intents';
import { matchForm } from './normalize';
import { emptyWordSpans, scanWords } from './wordSpans';

export type PortalMessageIntent = Extract<
  Intent,
  'not_authorized_error' | 'no_benefits_error' | 'access_id_already_associated'
>;

/** The article segments that quote each message, inside quotation marks. */
const ARTICLE_QUOTES: Record<PortalMessageIntent, number[]> = {
  not_authorized_error: [113],
  no_benefits_error: [117],
  access_id_already_associated: [181, 184],
};

export interface PortalMessageMatch {
  intent: PortalMessageIntent;
  /** How much of the message was found (1 = all of it). */
  coverage: number;
}

interface Wording {
  intent: PortalMessageIntent;
  words: string[];
  /** The message's words as a set: a text sharing fewer than two of them exactly is skipped at once. */
  vocabulary: Set<string>;
  /** Positions i whose pair (words[i], words[i + 1]) no shared phrase holds: the message's own wording. */
  ownPairs: Set<number>;
}

/** Words this short are too common to anchor a match on their own. */
const MIN_RUN_WORDS = 4;
const MIN_COVERAGE = 0.6;
const SAME_WORD = 0.9;

/** The words of a text: English "n't" kept on its word ("don't" = "dont"), French elisions split off. */
function words(text: string): string[] {
  return formWords(matchForm(text));
}

/** words() of a text already in its match form (matchForm). */
function formWords(form: string): string[] {
  const text = form.includes("n't") ? form.replace(/n't\b/g, 'nt') : form;
  const count = scanWords(text, spans);
  const list = new Array<string>(count);
  for (let i = 0; i < count; i++) list[i] = text.slice(spans.starts[i], spans.ends[i]);
  return list;
}

const spans = emptyWordSpans();

/** The text between quotation marks in an article segment: the message as that translation shows it. */
function quoted(text: string): string[] {
  return [...text.matchAll(/[“"«„]([^“”"«»„]{12,})[”"»]/g)].map((m) => m[1] ?? '').filter(Boolean);
}

/** The neighbouring word pairs of the phrases other errors share, all languages together. */
function loadSharedPairs(): [string, string][] {
  const file = JSON.parse(readFileSync(contentPath('nlu', 'portal-messages', 'shared-phrases.json'), 'utf8')) as Record<
    string,
    string[]
  >;
  const pairs: [string, string][] = [];
  for (const lang of LANGS) {
    for (const phrase of file[lang] ?? []) {
      const list = words(phrase);
      for (let i = 0; i + 1 < list.length; i++) pairs.push([list[i] as string, list[i + 1] as string]);
    }
  }
  return pairs;
}

function loadWordings(): Wording[] {
  const kb = knowledgeBase();
  const shared = loadSharedPairs();
  const wording = (intent: PortalMessageIntent, text: string): Wording => {
    const list = words(text);
    const ownPairs = new Set<number>();
    for (let i = 0; i + 1 < list.length; i++) {
      const [a, b] = [list[i] as string, list[i + 1] as string];
      if (!shared.some(([x, y]) => sameWord(a, x) && sameWord(b, y))) ownPairs.add(i);
    }
    return { intent, words: list, vocabulary: new Set(list), ownPairs };
  };
  const wordings: Wording[] = [];
  for (const [intent, segments] of Object.entries(ARTICLE_QUOTES) as [PortalMessageIntent, number[]][]) {
    for (const id of segments) {
      for (const lang of LANGS)
        for (const text of quoted(kb.segments[id]?.text[lang] ?? '')) wordings.push(wording(intent, text));
    }
  }
  for (const lang of LANGS) {
    const file = JSON.parse(readFileSync(contentPath('nlu', 'portal-messages', `${lang}.json`), 'utf8')) as Record<
      string,
      string[]
    >;
    for (const [intent, texts] of Object.entries(file)) {
      if (!(intent in ARTICLE_QUOTES))
        throw new Error(`content/nlu/portal-messages/${lang}.json: unknown message "${intent}"`);
      for (const text of texts) wordings.push(wording(intent as PortalMessageIntent, text));
    }
  }
  return wordings.filter((w) => w.words.length >= MIN_RUN_WORDS);
}

/** Exact shared words needed before the fuzzy comparison runs (a four-word run with typos keeps two). */
const MIN_EXACT_WORDS = 2;
/** Words this short ("a", "de", "у") are too common to count towards that. */
const MIN_INDEXED_LENGTH = 3;

/** Which wordings each longer word occurs in: one look-up per word finds the wordings worth comparing. */
function indexWordings(all: readonly Wording[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  all.forEach((w, i) => {
    for (const word of w.vocabulary) {
      if (word.length < MIN_INDEXED_LENGTH) continue;
      const list = index.get(word) ?? [];
      list.push(i);
      index.set(word, list);
    }
  });
  return index;
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) return false;
  return JaroWinklerDistance(a, b) >= SAME_WORD;
}

const UNKNOWN = 0;
const SAME = 1;
const DIFFERENT = 2;
/** sameness[t * message length + m] for the text and message longestOwnRun compares, reused between calls. */
let sameness = new Uint8Array(1024);

/**
 * The longest run of the message's words found in order in the text (a few typos and skipped words allowed)
 * that holds one of the message's own word pairs, or the whole message: the positions of the message it found.
 */
function longestOwnRun(text: string[], message: Wording): number[] {
  const { words: list, ownPairs } = message;
  // Whether text word t and message word m are the same word, worked out once per pair: the walks below
  // compare the same pairs again and again, and the fuzzy comparison costs a microsecond.
  const pairs = text.length * list.length;
  if (sameness.length < pairs) sameness = new Uint8Array(Math.max(pairs, 2 * sameness.length));
  sameness.fill(UNKNOWN, 0, pairs);
  const same = (t: number, m: number): boolean => {
    const at = t * list.length + m;
    let known = sameness[at] as number;
    if (known === UNKNOWN) {
      known = sameWord(text[t] as string, list[m] as string) ? SAME : DIFFERENT;
      sameness[at] = known;
    }
    return known === SAME;
  };
  let best: number[] = [];
  for (let start = 0; start < list.length; start++) {
    for (let at = 0; at < text.length; at++) {
      let m = start;
      let t = at;
      const found: number[] = [];
      let misses = 0;
      while (m < list.length && t < text.length && misses <= 1) {
        if (same(t, m)) {
          found.push(m);
          m++;
          t++;
          misses = 0;
        } else {
          misses++;
          m++;
        }
      }
      if (found.length <= best.length) continue;
      const whole = found.length === list.length;
      if (whole || found.some((position, i) => found[i + 1] === position + 1 && ownPairs.has(position))) best = found;
    }
  }
  return best;
}

let wordings: Wording[] | undefined;
let wordingIndex: Map<string, number[]> | undefined;

/**
 * The portal message a text quotes, or undefined. A match needs a run of at least four of the message's
 * words in order, holding a pair of its own words (or all of it), and most of the message, or the whole of
 * a short paste of it.
 * @example matchPortalMessage('I get "You are not authorised for this action" in partner center')
 *   // { intent: 'not_authorized_error', coverage: 1 }
 */
export function matchPortalMessage(text: string): PortalMessageMatch | undefined {
  return matchPortalMessageForm(matchForm(text));
}

/** matchPortalMessage for a text already in its match form (matchForm). */
export function matchPortalMessageForm(form: string): PortalMessageMatch | undefined {
  wordings ??= loadWordings();
  wordingIndex ??= indexWordings(wordings);
  const textWords = formWords(form);
  if (textWords.length < MIN_RUN_WORDS) return undefined;
  const hits = new Map<number, number>();
  for (const word of new Set(textWords))
    for (const i of wordingIndex.get(word) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
  let best: PortalMessageMatch | undefined;
  for (const [i, exact] of hits) {
    if (exact < MIN_EXACT_WORDS) continue;
    const message = wordings[i] as Wording;
    const { intent } = message;
    const run = longestOwnRun(textWords, message).length;
    if (run < MIN_RUN_WORDS) continue;
    const coverage = run / message.words.length;
    const pastedPart = run >= 6 && run / textWords.length >= 0.5;
    if ((coverage >= MIN_COVERAGE || pastedPart) && (!best || coverage > best.coverage)) best = { intent, coverage };
  }
  return best;
}
