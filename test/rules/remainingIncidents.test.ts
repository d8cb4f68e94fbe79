/** Remaining incidents are shown only in Support for Business, never in the cloud portals. */
import { describe, expect, it } from 'vitest';
import { remainingIncidents } from '../../src/rules/remainingIncidents';
import { expectCitesSaying } from './articleSegments';

describe('remainingIncidents', () => {
  const decision = remainingIncidents();

  it('checks the count in Support for Business, with the article on remaining incidents as help', () => {
    expect(decision).toMatchObject({ topic: 'remaining_incidents', outcome: 'check_in_support_for_business' });
    expect(decision.portals).toEqual(['support_for_business', 'remaining_incidents_help']);
  });

  it('states the cloud portals do not show the count, citing the segment that says so', () => {
    expect(decision.states.cloudPortalsShowIt).toBe(false);
    expectCitesSaying(
      decision,
      'do not show this information',
      'only get this information from the Support for Business',
    );
  });

  it('cites the two steps of the walk-through', () => {
    expectCitesSaying(decision, 'Step 1 Select', 'Step 2 Add the support contract');
  });
});
