/** whereToFile: on-premises requests go to Support for Business, cloud ones by membership and CSP. */
import { describe, expect, it } from 'vitest';
import { whereToFile } from '../../src/rules/requestRoute';
import { expectCitesSaying } from './articleSegments';

describe('whereToFile', () => {
  it('sends an on-premises request to Support for Business, whatever else is known', () => {
    for (const facts of [{}, { membership: 'action_pack', csp: 'csp' }] as const) {
      const decision = whereToFile({ ...facts, productKind: 'on_premises' });
      expect(decision).toMatchObject({ topic: 'onprem_support_request', outcome: 'support_for_business' });
      expect(decision.states.route).toBe('support_for_business');
      expect(decision.portals[0]).toBe('support_for_business');
      expectCitesSaying(
        decision,
        'to create a support request for an On-Premise product',
        'Any user account (AAD or MSA)',
      );
    }
  });

  it('sends a CSP partner to its own Cloud Solution Provider plan', () => {
    const decision = whereToFile({ productKind: 'cloud', membership: 'gold', csp: 'csp' });
    expect(decision).toMatchObject({
      topic: 'cloud_support_request',
      outcome: 'csp_plan',
      portals: ['csp_customers', 'azure_support'],
    });
    expect(decision.states.route).toBe('csp_service_management');
    expectCitesSaying(decision, 'support plan without adding a support contract', 'select **Service Management**');
  });

  it('sends a Gold or Silver partner outside CSP to Signature Cloud Support', () => {
    const decision = whereToFile({ productKind: 'cloud', membership: 'silver', csp: 'not_csp' });
    expect(decision).toMatchObject({
      topic: 'cloud_support_request',
      outcome: 'signature_cloud_support',
      portals: ['azure_support'],
    });
    expect(decision.states.route).toBe('cloud_product_portal');
    expectCitesSaying(decision, 'competency partners can use');
  });

  it('tells an Action Pack member cloud support is not included, CSP or not', () => {
    for (const csp of [undefined, 'csp', 'not_csp'] as const) {
      const decision = whereToFile({ productKind: 'cloud', membership: 'action_pack', csp });
      expect(decision).toMatchObject({ topic: 'cloud_support_request', outcome: 'action_pack_has_no_cloud_support' });
      expect(decision.ask).toBeUndefined();
      expectCitesSaying(decision, 'Action Pack you do not get Cloud support');
    }
  });

  it('asks whether the partner is a CSP when that is not known', () => {
    const decision = whereToFile({ productKind: 'cloud', membership: 'gold' });
    expect(decision).toMatchObject({ topic: 'cloud_support_request', outcome: 'needs_csp', ask: 'csp', portals: [] });
    expectCitesSaying(decision, 'Cloud Solution Provider');
  });

  it.each(['cloud_support_request', 'onprem_support_request'] as const)(
    'asks on-premises or cloud when no product kind is known, keeping the asked topic %s',
    (asked) => {
      const decision = whereToFile({ membership: 'gold', csp: 'csp' }, asked);
      expect(decision).toMatchObject({ topic: asked, outcome: 'needs_product_kind', ask: 'productKind' });
    },
  );
});
