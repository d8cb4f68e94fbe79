/**
 * Card action verbs are spelled once, in cards/verbs.ts: any verb a card template writes itself must be
 * declared there, and no two names declare the same verb.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_ACTIONS, CARD_ACTION_VERBS } from '../../cards/verbs';
import { PROJECT_ROOT } from '../../src/contentPath';

const CARDS_DIR = join(PROJECT_ROOT, 'cards', 'templates');
const templateFiles = readdirSync(CARDS_DIR).filter((file) => file.endsWith('.json'));

/** Every literal `"action": "…"` in a template; a bound `${…}` is data the composers fill, checked when rendered. */
function literalVerbs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(literalVerbs);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'action' && typeof child === 'string' && !child.includes('${') ? [child] : literalVerbs(child),
  );
}

describe('card action verbs', () => {
  it('finds the card templates', () => {
    expect(templateFiles.length).toBeGreaterThan(0);
  });

  it.each(templateFiles)('%s uses only declared verbs', (file) => {
    const template: unknown = JSON.parse(readFileSync(join(CARDS_DIR, file), 'utf8'));
    expect(literalVerbs(template).filter((verb) => !CARD_ACTION_VERBS.includes(verb))).toEqual([]);
  });

  it('declares each verb once', () => {
    expect(new Set(CARD_ACTION_VERBS).size).toBe(CARD_ACTION_VERBS.length);
    expect(CARD_ACTION_VERBS).toEqual(Object.values(CARD_ACTIONS));
  });
});
