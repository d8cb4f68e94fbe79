/** Paid partner support plans: Premier, Advanced (cloud only), and where to compare them. */
import { describe, expect, it } from 'vitest';
import { paidPlans } from '../../src/rules/paidPlans';
import { PORTALS } from '../../src/rules/portals';
import { english, expectCitesSaying } from './articleSegments';

describe('paidPlans', () => {
  const decision = paidPlans();

  it('cites the paid support offer and both partner plans', () => {
    expect(decision).toMatchObject({ topic: 'paid_support_plans', outcome: 'partner_support_plans' });
    expectCitesSaying(
      decision,
      'paid support from Microsoft',
      'Premier Support for Partners',
      'Advanced Support for Partners',
    );
  });

  it('states Advanced Support is for cloud products only, as its segment says', () => {
    expect(decision.states.advancedCloudOnly).toBe(true);
    expect(english(PORTALS.advanced_support.segment)).toMatch(/cloud products only/i);
  });

  it('links the comparison and each plan, from segments it cites', () => {
    expect(decision.portals).toEqual(['compare_support_plans', 'premier_support', 'advanced_support']);
    const { compare_support_plans: compare, premier_support: premier, advanced_support: advanced } = PORTALS;
    expect(decision.cites).toEqual(expect.arrayContaining([compare.segment, premier.segment, advanced.segment]));
  });
});
