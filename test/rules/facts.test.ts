/** sanitizeFacts keeps only known fact names with one of their values, whatever it is given. */
import { describe, expect, it } from 'vitest';
import { FACT_NAMES, FACT_VALUES, sanitizeFacts } from '../../src/rules/facts';

describe('sanitizeFacts', () => {
  it('keeps every known fact with a known value', () => {
    const facts = Object.fromEntries(FACT_NAMES.map((name) => [name, FACT_VALUES[name][0]]));
    expect(sanitizeFacts(facts)).toEqual(facts);
  });

  it('drops unknown fact names', () => {
    expect(sanitizeFacts({ membership: 'gold', tier: 'gold', Membership: 'silver' })).toEqual({ membership: 'gold' });
  });

  it('drops values that are not among the fact’s own', () => {
    expect(sanitizeFacts({ membership: 'platinum', competency: 'gold', csp: 'csp' })).toEqual({ csp: 'csp' });
  });

  it('drops values that are not strings', () => {
    expect(sanitizeFacts({ membership: ['gold'], role: null, csp: true, competency: { kind: 'cloud' } })).toEqual({});
  });

  it.each([null, undefined, 'gold', 42, ['gold']])('gives no facts for %o', (input) => {
    expect(sanitizeFacts(input)).toEqual({});
  });

  it('takes nothing from a stored __proto__ key', () => {
    const facts = sanitizeFacts(JSON.parse('{"__proto__": {"membership": "gold"}}'));
    expect(facts).toEqual({});
    expect(facts.membership).toBeUndefined();
  });
});
