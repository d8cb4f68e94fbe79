/**
 * The UI string tables in content/strings: valid UTF-8, the same keys and {placeholders} in every language,
 * no empty value, and every key the code builds from ids (topics, facts, portals, ticket states) present.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentPath } from '../../src/contentPath';
import { LANGS, type Lang } from '../../src/i18n/locales';
import { TOPICS } from '../../src/rules/decision';
import { FACT_NAMES, FACT_VALUES } from '../../src/rules/facts';
import { PORTALS } from '../../src/rules/portals';
import type { TicketStatus } from '../../cards/views/ticketView';
import { APPLY_OUTCOMES, CONTINUATIONS, REVIEW_REASONS, REVIEW_STATUSES } from '../../src/review/reviewItem';

const TICKET_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'resolved'];

/** A table read as bytes and decoded strictly, so a byte that is not UTF-8 fails instead of becoming U+FFFD. */
function readTable(lang: Lang): Record<string, unknown> {
  const bytes = readFileSync(contentPath('strings', `${lang}.json`));
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return JSON.parse(text) as Record<string, unknown>;
}

function placeholders(value: string): string[] {
  return [...new Set([...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

/** Every key the code builds from ids rather than spelling it out. */
const DYNAMIC_KEYS = [
  ...[...TOPICS, 'human_handoff'].flatMap((intent) => [`topic.${intent}.title`, `topic.${intent}.example`]),
  ...FACT_NAMES.flatMap((name) => [
    `fact.${name}.label`,
    `fact.${name}.question`,
    ...FACT_VALUES[name].map((value) => `fact.${name}.${value}`),
  ]),
  ...Object.keys(PORTALS).map((id) => `portal.${id}`),
  ...TICKET_STATUSES.map((status) => `ticket.status.${status}`),
  ...REVIEW_REASONS.map((reason) => `review.reason.${reason}`),
  ...REVIEW_STATUSES.map((status) => `review.status.${status}`),
  ...CONTINUATIONS.map((continuation) => `review.continuation.${continuation}`),
  ...APPLY_OUTCOMES.map((outcome) => `review.outcome.${outcome}`),
  ...['greeting', 'help', 'out_of_scope'].map((intent) => `review.intent.${intent}`),
];

const english = readTable('en');

describe.each(LANGS)('content/strings/%s.json', (lang) => {
  it('is valid UTF-8 JSON without a byte order mark', () => {
    const bytes = readFileSync(contentPath('strings', `${lang}.json`));
    expect(() => readTable(lang)).not.toThrow();
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has exactly the keys of en.json', () => {
    const keys = Object.keys(readTable(lang));
    expect({
      missing: Object.keys(english).filter((key) => !keys.includes(key)),
      extra: keys.filter((key) => !(key in english)),
    }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it('has a non-empty string for every key', () => {
    const empty = Object.entries(readTable(lang)).filter(
      ([, value]) => typeof value !== 'string' || value.trim() === '',
    );
    expect(empty).toEqual([]);
  });

  it('uses the same {placeholders} as English', () => {
    const table = readTable(lang);
    const differing = Object.entries(english).flatMap(([key, value]) => {
      const translated = table[key];
      if (typeof value !== 'string' || typeof translated !== 'string') return [];
      const [want, got] = [placeholders(value), placeholders(translated)];
      return want.join() === got.join() ? [] : [{ key, want, got }];
    });
    expect(differing).toEqual([]);
  });

  it('has every key the code builds from topic, fact, portal and ticket ids', () => {
    const table = readTable(lang);
    expect(DYNAMIC_KEYS.filter((key) => !(key in table))).toEqual([]);
  });
});
