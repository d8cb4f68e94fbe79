/** The entitlement decision: the whole table, one membership, or one membership and competency kind. */
import { describe, expect, it } from 'vitest';
import { entitlement, entitlementOf } from '../../src/rules/entitlement';
import { FACT_VALUES } from '../../src/rules/facts';
import { expectCitesSaying, kb } from './articleSegments';

const TABLE_SEGMENTS = kb.table.flat(2);

describe('entitlement', () => {
  it('cites the whole table when the membership is not known, and asks nothing', () => {
    const decision = entitlement({});
    expect(decision.outcome).toBe('whole_table');
    expect(decision.cites).toEqual(expect.arrayContaining(TABLE_SEGMENTS));
    expect(decision.ask).toBeUndefined();
  });

  it('tells an Action Pack member there is no Signature Cloud Support, citing the note that says so', () => {
    const decision = entitlement({ membership: 'action_pack' });
    expect(decision.outcome).toBe('action_pack');
    expect(decision.states).toMatchObject({
      productSupportIncidents: entitlementOf('action_pack', 'other').productSupportIncidents,
      signatureCloudSupport: 'none',
    });
    expectCitesSaying(decision, 'Action Pack you do not get Cloud support');
  });

  it.each(['silver', 'gold'] as const)(
    'states both competency kinds for %s when the competency is not known',
    (membership) => {
      const { states, cites } = entitlement({ membership });
      for (const kind of FACT_VALUES.competency) {
        const cloud = entitlementOf(membership, kind).signatureCloudSupport;
        expect(states[`signatureCloudSupport.${kind}`]).toBe(cloud.kind === 'incidents' ? cloud.count : cloud.kind);
      }
      expect(states.productSupportIncidents).toBe(entitlementOf(membership, 'cloud').productSupportIncidents);
      expect(cites).toEqual(expect.arrayContaining(TABLE_SEGMENTS));
    },
  );

  it('states only the known competency kind', () => {
    const { outcome, states } = entitlement({ membership: 'gold', competency: 'cloud' });
    expect(outcome).toBe('gold_cloud');
    expect(states).toMatchObject({ competency: 'cloud', 'signatureCloudSupport.cloud': 'unlimited' });
    expect(states).not.toHaveProperty(['signatureCloudSupport.other']);
  });
});
