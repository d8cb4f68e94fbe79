/** Activating the technical benefits: who may, what it takes, how long, and what it gives. */
import { describe, expect, it } from 'vitest';
import { ACTIVATING_ROLES, activation } from '../../src/rules/activation';
import { FACT_VALUES } from '../../src/rules/facts';
import { english, expectCitesSaying, segmentSaying } from './articleSegments';

const OTHER_ROLES = FACT_VALUES.role.filter((role) => !ACTIVATING_ROLES.includes(role));

describe('activation', () => {
  it('explains how to activate when the role is not known, without asking for it', () => {
    const decision = activation({});
    expect(decision).toMatchObject({
      topic: 'activate_benefits',
      outcome: 'how_to_activate',
      portals: ['partner_center_benefits'],
    });
    expect(decision.states).not.toHaveProperty('mayActivate');
    expect(decision.ask).toBeUndefined();
  });

  it('rests on the segments naming the roles, the few days it takes and the IDs it gives', () => {
    expectCitesSaying(
      activation({}),
      'Global Admin or MPN Partner Admin',
      'a few days',
      'Access ID and Contract ID will be displayed',
      'must have an MPN associated account',
    );
  });

  it('takes its activating roles from the segment that names them', () => {
    const roles = english(segmentSaying('Global Admin or MPN Partner Admin')).toLowerCase();
    for (const role of ACTIVATING_ROLES) expect(roles).toContain(role.replaceAll('_', ' '));
    for (const role of OTHER_ROLES) expect(roles).not.toContain(role.replaceAll('_', ' '));
  });

  it.each(ACTIVATING_ROLES)('lets a %s activate', (role) => {
    const decision = activation({ role });
    expect(decision.outcome).toBe('role_may_activate');
    expect(decision.states.mayActivate).toBe(true);
  });

  it.each(OTHER_ROLES)('does not let an %s activate, and still cites the segment naming the required roles', (role) => {
    const decision = activation({ role });
    expect(decision.outcome).toBe('role_may_not_activate');
    expect(decision.states.mayActivate).toBe(false);
    expect(decision.cites).toContain(segmentSaying('Global Admin or MPN Partner Admin'));
  });
});
