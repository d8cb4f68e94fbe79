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

let matchers: Matcher[] | undefined;

function loadedMatchers(): Matcher[] {
  matchers ??= compileEntityMatchers(JSON.parse(readFileSync(contentPath('nlu', 'entities.json'), 'utf8')) as SynonymFile);
  return matchers;
}

/**
 * The facts a question names. A longer phrase hides the shorter ones inside it ("azure sql" is not "sql");
 * two different values of one fact in different places (e.g. "gold or silver") name neither.
 * @example extractEntities('how many incidents does a Gold partner get for SQL Server?')
 *   // { membership: 'gold', productKind: 'on_premises' }
 */
export function extractEntities(text: string): PartnerFacts {
  const form = matchForm(text);
  const spans: { fact: string; value: string; start: number; end: number }[] = [];
  for (const { fact, value, pattern, anchor } of loadedMatchers()) {
    if (!form.includes(anchor)) continue;
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
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== null));
}
