/**
 * Partner facts named in a question (membership, competency kind, product kind, CSP, role), found from the
 * synonyms in content/nlu/entities.json, so the bot does not ask what the partner already said.
 */
import { readFileSync } from 'node:fs';
import { contentPath } from '../contentPath';
import { isFactName, isFactValue, type PartnerFacts } from '../rules/facts';
import { codePointKind, LETTER, NUMBER, SPACE } from './codePoints';
import { matchForm } from './normalize';

/** One word of a synonym: its letters, and whether any ending may follow ("word*"). */
export interface SynonymWord {
  literal: string;
  anyEnding: boolean;
}

export interface Matcher {
  fact: string;
  value: string;
  /** The synonym as a regular expression: what `words` is matched as, and the matcher for a synonym they cannot express. */
  pattern: RegExp;
  /** The synonym's words, matched without the pattern; undefined when a word is empty or starts or ends with a separator. */
  words: SynonymWord[] | undefined;
  length: number;
  /** A piece of text the synonym cannot match without: checked first, as it is much cheaper than the pattern. */
  anchor: string;
}

type SynonymFile = Record<string, Record<string, string[]> | string>;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles synonyms to word-bounded patterns on the folded text; "word*" matches any ending. */
export function compileEntityMatchers(file: SynonymFile): Matcher[] {
  const matchers: Matcher[] = [];
  for (const [fact, values] of Object.entries(file)) {
    if (typeof values === 'string') continue;
    if (!isFactName(fact)) throw new Error(`content/nlu/entities.json: "${fact}" is not a fact name`);
    for (const [value, synonyms] of Object.entries(values)) {
      if (!isFactValue(fact, value)) throw new Error(`content/nlu/entities.json: "${value}" is not a value of ${fact}`);
      for (const synonym of synonyms) {
        const form = matchForm(synonym);
        const body = form
          .split(' ')
          .map((word) => (word.endsWith('*') ? `${escape(word.slice(0, -1))}[\\p{L}\\p{N}]*` : escape(word)))
          .join('[\\s-]+');
        const anchor = form
          .split(' ')
          .reduce((a, b) => (b.replace('*', '').length > a.length ? b.replace('*', '') : a), '');
        const words = form
          .split(' ')
          .map((word) => ({ literal: word.endsWith('*') ? word.slice(0, -1) : word, anyEnding: word.endsWith('*') }));
        const plain = words.every(({ literal }) => literal !== '' && !/^[\s-]|[\s-]$/u.test(literal));
        matchers.push({
          fact,
          value,
          pattern: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u'),
          words: plain ? words : undefined,
          length: form.length,
          anchor,
        });
      }
    }
  }
  return matchers.sort((a, b) => b.length - a.length);
}

const isWordChar = (codePoint: number | undefined) =>
  codePoint !== undefined && (codePointKind(codePoint) & (LETTER | NUMBER)) !== 0;
const isSeparator = (code: number) => code === 0x2d || (codePointKind(code) & SPACE) !== 0;

/** The code point that ends just before `at` (undefined at the start). */
function codePointBefore(text: string, at: number): number | undefined {
  if (at === 0) return undefined;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2);
  }
  return low;
}

/**
 * The first match of a synonym's words in a text, as its pattern finds it: not inside a word, words apart by
 * spaces or hyphens, "word*" taking the rest of its word, nothing of a word right after. The pattern never needs
 * to backtrack here: a literal cannot start with a separator, and an ending or a run of separators is taken whole.
 */
export function matchWords(form: string, words: readonly SynonymWord[]): { start: number; end: number } | undefined {
  const first = (words[0] as SynonymWord).literal;
  for (let start = form.indexOf(first); start >= 0; start = form.indexOf(first, start + 1)) {
    if (isWordChar(codePointBefore(form, start))) continue;
    let at = start;
    let matched = true;
    for (let w = 0; w < words.length && matched; w++) {
      const { literal, anyEnding } = words[w] as SynonymWord;
      if (!form.startsWith(literal, at)) {
        matched = false;
        break;
      }
      at += literal.length;
      if (anyEnding) {
        for (
          let codePoint = form.codePointAt(at);
          at < form.length && isWordChar(codePoint);
          codePoint = form.codePointAt(at)
        )
          at += (codePoint as number) > 0xffff ? 2 : 1;
      }
      if (w < words.length - 1) {
        const before = at;
        while (at < form.length && isSeparator(form.charCodeAt(at))) at++;
        if (at === before) matched = false;
      }
    }
    if (matched && !isWordChar(form.codePointAt(at))) return { start, end: at };
  }
  return undefined;
}

/** The matchers, and their anchors indexed by their first three code units: one pass over a text finds them all. */
interface AnchorIndex {
  matchers: Matcher[];
  anchors: string[];
  /** anchorOf[i]: the anchor of matchers[i] in anchors. */
  anchorOf: Int32Array;
  byFirstThree: Map<number, number[]>;
  /** Anchors shorter than three code units, looked for one by one. */
  short: number[];
}

const firstThree = (text: string, at: number) =>
  (text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1)) * 0x10000 + text.charCodeAt(at + 2);

function indexAnchors(list: Matcher[]): AnchorIndex {
  const anchors = [...new Set(list.map((m) => m.anchor))];
  const byFirstThree = new Map<number, number[]>();
  const short: number[] = [];
  anchors.forEach((anchor, i) => {
    if (anchor.length < 3) return short.push(i);
    const key = firstThree(anchor, 0);
    byFirstThree.set(key, [...(byFirstThree.get(key) ?? []), i]);
  });
  return {
    matchers: list,
    anchors,
    anchorOf: Int32Array.from(list, (m) => anchors.indexOf(m.anchor)),
    byFirstThree,
    short,
  };
}

let loaded: AnchorIndex | undefined;

function loadedMatchers(): AnchorIndex {
  loaded ??= indexAnchors(
    compileEntityMatchers(JSON.parse(readFileSync(contentPath('nlu', 'entities.json'), 'utf8')) as SynonymFile),
  );
  return loaded;
}

function regexMatch(pattern: RegExp, form: string): { start: number; end: number } | undefined {
  const match = pattern.exec(form);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

/** Which anchors a text contains (the same answer as form.includes(anchor) for each). */
function presentAnchors(form: string, index: AnchorIndex): Uint8Array {
  const present = new Uint8Array(index.anchors.length);
  for (const i of index.short) if (form.includes(index.anchors[i] as string)) present[i] = 1;
  for (let at = 0; at + 3 <= form.length; at++) {
    const candidates = index.byFirstThree.get(firstThree(form, at));
    if (candidates)
      for (const i of candidates) if (!present[i] && form.startsWith(index.anchors[i] as string, at)) present[i] = 1;
  }
  return present;
}

/**
 * The facts a question names. A longer phrase hides the shorter ones inside it ("azure sql" is not "sql");
 * two different values of one fact in different places (e.g. "gold or silver") name neither.
 * @example extractEntities('how many incidents does a Gold partner get for SQL Server?')
 *   // { membership: 'gold', productKind: 'on_premises' }
 */
export function extractEntities(text: string): PartnerFacts {
  return extractEntitiesFromForm(matchForm(text));
}

/** extractEntities for a text already in its match form (matchForm). */
export function extractEntitiesFromForm(form: string): PartnerFacts {
  const spans: { fact: string; value: string; start: number; end: number }[] = [];
  const index = loadedMatchers();
  const present = presentAnchors(form, index);
  for (let m = 0; m < index.matchers.length; m++) {
    if (!present[index.anchorOf[m] as number]) continue;
    const { fact, value, pattern, words } = index.matchers[m] as Matcher;
    const match = words ? matchWords(form, words) : regexMatch(pattern, form);
    if (!match) continue;
    const { start, end } = match;
    const inside = spans.some((span) => span.start <= start && end <= span.end);
    if (!inside) spans.push({ fact, value, start, end });
  }
  const facts: Record<string, string | null> = {};
  for (const { fact, value } of spans) {
    const earlier = facts[fact];
    facts[fact] = earlier === undefined || earlier === value ? value : null;
  }
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== null));
}
