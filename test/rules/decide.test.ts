/** decide(): for every topic and every combination of known facts, a well-formed decision. */
import { describe, expect, it } from 'vitest';
import { decide, factsReadBy } from '../../src/rules/decide';
import { TOPICS } from '../../src/rules/decision';
import { FACT_NAMES, FACT_VALUES, sanitizeFacts, type PartnerFacts } from '../../src/rules/facts';
import { PORTALS } from '../../src/rules/portals';
import { kb } from './articleSegments';

/** Every combination of facts, each fact unknown or one of its values (2160 in all). */
function everyCombinationOfFacts(): PartnerFacts[] {
  return FACT_NAMES.reduce<PartnerFacts[]>(
    (combinations, name) =>
      combinations.flatMap((facts) => [
        facts,
        ...FACT_VALUES[name].map((value) => sanitizeFacts({ ...facts, [name]: value })),
      ]),
    [{}],
  );
}

function onlyFactsReadBy(topic: (typeof TOPICS)[number], facts: PartnerFacts): PartnerFacts {
  return sanitizeFacts(Object.fromEntries(factsReadBy(topic).map((name) => [name, facts[name]])));
}

const COMBINATIONS = everyCombinationOfFacts();

describe('decide', () => {
  it('is tried on every combination of facts', () => {
    expect(COMBINATIONS).toHaveLength(FACT_NAMES.reduce((n, name) => n * (FACT_VALUES[name].length + 1), 1));
  });

  it.each(TOPICS)('%s: decides that topic, citing segments of the article and known portals', (topic) => {
    for (const facts of COMBINATIONS) {
      const decision = decide(topic, facts);
      expect(decision.topic).toBe(topic);
      expect(decision.cites.length).toBeGreaterThan(0);
      expect(decision.cites.filter((id) => !kb.segments[id])).toEqual([]);
      expect(decision.portals.filter((portal) => !(portal in PORTALS))).toEqual([]);
    }
  });

  it.each(TOPICS)('%s: asks only for a fact it reads and does not know yet', (topic) => {
    for (const facts of COMBINATIONS) {
      const { ask } = decide(topic, facts);
      if (ask === undefined) continue;
      expect(factsReadBy(topic)).toContain(ask);
      expect(facts[ask]).toBeUndefined();
    }
  });

  it.each(TOPICS)('%s: depends on no fact but those factsReadBy names', (topic) => {
    for (const facts of COMBINATIONS) {
      expect(decide(topic, facts)).toEqual(decide(topic, onlyFactsReadBy(topic, facts)));
    }
  });
});
