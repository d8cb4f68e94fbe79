/** The Azure portal error "Access ID is already associated": every branch of the diagnosis. */
import { describe, expect, it } from 'vitest';
import { diagnoseAccessIdError } from '../../src/rules/accessIdDiagnosis';
import { FACT_VALUES } from '../../src/rules/facts';
import { expectCitesSaying, segmentSaying, stepSegments } from './articleSegments';

const SCENARIOS = segmentSaying('See the scenarios below');
const topic = 'access_id_already_associated';

describe('diagnoseAccessIdError', () => {
  it.each([undefined, ...FACT_VALUES.contractHistory])(
    'tells an Action Pack member there is no Signature Cloud Support (history %s)',
    (contractHistory) => {
      const decision = diagnoseAccessIdError({ membership: 'action_pack', contractHistory });
      expect(decision).toMatchObject({ topic, outcome: 'action_pack_has_no_cloud_support' });
      expect(decision.ask).toBeUndefined();
      expectCitesSaying(decision, 'Action Pack you do not get Cloud support');
    },
  );

  it.each([undefined, ...FACT_VALUES.contractHistory])(
    'asks the membership first when it is not known (history %s)',
    (contractHistory) => {
      const decision = diagnoseAccessIdError({ contractHistory });
      expect(decision).toMatchObject({ topic, outcome: 'needs_membership', ask: 'membership' });
    },
  );

  it.each(['silver', 'gold'] as const)(
    'asks the contract history of a %s member when it is not known',
    (membership) => {
      const decision = diagnoseAccessIdError({ membership });
      expect(decision).toMatchObject({ topic, outcome: 'needs_contract_history', ask: 'contractHistory' });
      expectCitesSaying(decision, 'more than once when using the Azure portal');
    },
  );

  it('puts a contract linked before in scenario 1: ignore the error, open a new request', () => {
    const decision = diagnoseAccessIdError({ membership: 'gold', contractHistory: 'linked_before' });
    expect(decision).toMatchObject({ topic, outcome: 'scenario_1_already_linked', portals: ['azure_support'] });
    expect(decision.states.ignoreError).toBe(true);
    expect(stepSegments(SCENARIOS, 1)).toEqual([187, 188, 189, 190]);
    expect(decision.cites).toEqual(expect.arrayContaining(stepSegments(SCENARIOS, 1)));
    expect(decision.ask).toBeUndefined();
  });

  it('puts an expired or used-up contract in scenario 2: buy a new plan', () => {
    const decision = diagnoseAccessIdError({ membership: 'silver', contractHistory: 'expired_or_used_up' });
    expect(decision).toMatchObject({ topic, outcome: 'scenario_2_contract_hidden' });
    expect(decision.states).toMatchObject({ ignoreError: false, buyNewPlan: true });
    expect(stepSegments(SCENARIOS, 2)).toEqual([191, 192, 193]);
    expect(decision.cites).toEqual(expect.arrayContaining(stepSegments(SCENARIOS, 2)));
    expectCitesSaying(decision, 'purchase a new support plan');
  });

  it('treats a first link as no known scenario: the error is to be ignored', () => {
    const decision = diagnoseAccessIdError({ membership: 'gold', contractHistory: 'first_time' });
    expect(decision).toMatchObject({ topic, outcome: 'not_a_known_scenario', portals: ['azure_support'] });
    expect(decision.states.ignoreError).toBe(true);
    expectCitesSaying(decision, 'invalid and should be ignored');
    expect(decision.cites).not.toEqual(expect.arrayContaining(stepSegments(SCENARIOS, 2)));
  });
});
