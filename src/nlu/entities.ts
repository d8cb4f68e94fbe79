/**
 * Partner facts named in a question (membership, competency kind, product kind, CSP, role), found from the
 * synonyms in content/nlu/entities.json, so the bot does not ask what the partner already said.
 */
import { readFileSync } from 'node:fs';
import { contentPath } from '../contentPath';
import { isFactName, isFactValue, type PartnerFacts } from '../rules/facts';
import { matchForm } from './normalize';

interface Matcher {
  fact: string;
  value: string;
  pattern: RegExp;
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
        const anchor = form.split(' ').reduce((a, b) => (b.replace('*', '').length > a.length ? b.replace('*', '') : a), '');
        matchers.push({ fact, value, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u'), length: form.length, anchor });
      }
    }
  }
  return matchers.sort((a, b) => b.length - a.length);
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

const firstThree = (text: string, at: number) => (text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1)) * 0x10000 + text.charCodeAt(at + 2);

function indexAnchors(list: Matcher[]): AnchorIndex {
  const anchors = [...new Set(list.map((m) => m.anchor))];
  const byFirstThree = new Map<number, number[]>();
  const short: number[] = [];
  anchors.forEach((anchor, i) => {
    if (anchor.length < 3) return short.push(i);
    const key = firstThree(anchor, 0);
    byFirstThree.set(key, [...(byFirstThree.get(key) ?? []), i]);
  });
  return { matchers: list, anchors, anchorOf: Int32Array.from(list, (m) => anchors.indexOf(m.anchor)), byFirstThree, short };
}

let loaded: AnchorIndex | undefined;

function loadedMatchers(): AnchorIndex {
  loaded ??= indexAnchors(compileEntityMatchers(JSON.parse(readFileSync(contentPath('nlu', 'entities.json'), 'utf8')) as SynonymFile));
  return loaded;
}

/** Which anchors a text contains (the same answer as form.includes(anchor) for each). */
function presentAnchors(form: string, index: AnchorIndex): Uint8Array {
  const present = new Uint8Array(index.anchors.length);
  for (const i of index.short) if (form.includes(index.anchors[i] as string)) present[i] = 1;
  for (let at = 0; at + 3 <= form.length; at++) {
    const candidates = index.byFirstThree.get(firstThree(form, at));
    if (candidates) for (const i of candidates) if (!present[i] && form.startsWith(index.anchors[i] as string, at)) present[i] = 1;
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
    const { fact, value, pattern } = index.matchers[m] as Matcher;
    const match = pattern.exec(form);
    if (!match) continue;
    const start = match.index;
    const end = start + match[0].length;
    const inside = spans.some((span) => span.start <= start && end <= span.end);
    if (!inside) spans.push({ fact, value, start, end });
  }
  const facts: Record<string, string | null> = {};
  for (const { fact, value } of spans) {
    const earlier = facts[fact];
    facts[fact] = earlier === undefined || earlier === value ? value : null;
  }
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== null)) as PartnerFacts;
}
