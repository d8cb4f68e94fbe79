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

// Read once into this module: an imported binding can cost a getter call per read (CommonJS from tsx).
const kindOf = codePointKind;
const WORD = LETTER | NUMBER;
const WHITE = SPACE;
const isWordChar = (codePoint: number | undefined) => codePoint !== undefined && (kindOf(codePoint) & WORD) !== 0;
const isSeparator = (code: number) => code === 0x2d || (kindOf(code) & WHITE) !== 0;

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
  /** Open-addressing table: the packed first three code units of anchors per slot (0 = empty slot). */
  keys: Float64Array;
  /** The anchors of a slot's key: candidates.slice(firstCandidate[slot], firstCandidate[slot] + candidateCount[slot]). */
  firstCandidate: Int32Array;
  candidateCount: Int32Array;
  candidates: Int32Array;
  mask: number;
  /** Anchors shorter than three code units, looked for one by one. */
  short: number[];
  /** present[i] === stamp when anchor i is in the current text. */
  present: Uint32Array;
  stamp: number;
}

const packThree = (a: number, b: number, c: number) => (a * 0x10000 + b) * 0x10000 + c;
const slotOf = (a: number, b: number, c: number, mask: number) =>
  (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(c + 0x165667b1, 0xc2b2ae3d)) & mask;

function indexAnchors(list: Matcher[]): AnchorIndex {
  const anchors = [...new Set(list.map((m) => m.anchor))];
  const byFirstThree = new Map<number, number[]>();
  const short: number[] = [];
  anchors.forEach((anchor, i) => {
    if (anchor.length < 3) return short.push(i);
    const key = packThree(anchor.charCodeAt(0), anchor.charCodeAt(1), anchor.charCodeAt(2));
    byFirstThree.set(key, [...(byFirstThree.get(key) ?? []), i]);
  });
  let size = 1;
  while (size < byFirstThree.size * 2) size *= 2;
  const index: AnchorIndex = {
    matchers: list,
    anchors,
    anchorOf: Int32Array.from(list, (m) => anchors.indexOf(m.anchor)),
    keys: new Float64Array(size),
    firstCandidate: new Int32Array(size),
    candidateCount: new Int32Array(size),
    candidates: new Int32Array([...byFirstThree.values()].flat()),
    mask: size - 1,
    short,
    present: new Uint32Array(anchors.length),
    stamp: 0,
  };
  let first = 0;
  for (const [key, group] of byFirstThree) {
    const anchor = anchors[group[0] as number] as string;
    let slot = slotOf(anchor.charCodeAt(0), anchor.charCodeAt(1), anchor.charCodeAt(2), index.mask);
    while (index.keys[slot] !== 0) slot = (slot + 1) & index.mask;
    index.keys[slot] = key;
    index.firstCandidate[slot] = first;
    index.candidateCount[slot] = group.length;
    first += group.length;
  }
  return index;
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

/**
 * Marks the anchors a text contains (the same answer as form.includes(anchor) for each) with a new stamp in
 * index.present, and says whether there is any.
 */
function markPresentAnchors(form: string, index: AnchorIndex): boolean {
  if (++index.stamp === 0xffffffff) {
    index.present.fill(0);
    index.stamp = 1;
  }
  const { present, stamp, keys, mask, anchors, candidates } = index;
  let any = false;
  for (const i of index.short)
    if (form.includes(anchors[i] as string)) {
      present[i] = stamp;
      any = true;
    }
  if (form.length < 3) return any;
  let a = form.charCodeAt(0);
  let b = form.charCodeAt(1);
  for (let at = 0; at + 3 <= form.length; at++) {
    const c = form.charCodeAt(at + 2);
    const key = packThree(a, b, c);
    for (let slot = slotOf(a, b, c, mask); ; slot = (slot + 1) & mask) {
      const found = keys[slot];
      if (found === 0) break;
      if (found !== key) continue;
      const end = (index.firstCandidate[slot] as number) + (index.candidateCount[slot] as number);
      for (let k = index.firstCandidate[slot] as number; k < end; k++) {
        const i = candidates[k] as number;
        if (present[i] !== stamp && form.startsWith(anchors[i] as string, at)) {
          present[i] = stamp;
          any = true;
        }
      }
      break;
    }
    a = b;
    b = c;
  }
  return any;
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
  const index = loadedMatchers();
  if (!markPresentAnchors(form, index)) return {};
  const { present, stamp } = index;
  const spans: { fact: string; value: string; start: number; end: number }[] = [];
  for (let m = 0; m < index.matchers.length; m++) {
    if (present[index.anchorOf[m] as number] !== stamp) continue;
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
