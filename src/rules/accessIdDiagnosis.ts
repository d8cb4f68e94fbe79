/**
 * The Azure portal error "This Access ID is already associated to an account…" (segments 178–194):
 * which scenario of the article the partner is in, or which question decides it.
 */
import type { Decision } from './decision';
import type { ContractHistory, Membership } from './facts';

const ERROR_EXPLAINED = [179, 181, 182, 184, 185];

export function diagnoseAccessIdError(facts: { membership?: Membership; contractHistory?: ContractHistory }): Decision {
  const topic = 'access_id_already_associated';
  if (facts.membership === 'action_pack') {
    return {
      topic,
      outcome: 'action_pack_has_no_cloud_support',
      cites: [180, 196, 197],
      states: { signatureCloudSupport: 'none' },
      portals: ['compare_support_plans'],
    };
  }
  if (!facts.membership) {
    return { topic, outcome: 'needs_membership', cites: ERROR_EXPLAINED, states: {}, portals: [], ask: 'membership' };
  }
  switch (facts.contractHistory) {
    case 'linked_before':
      return {
        topic,
        outcome: 'scenario_1_already_linked',
        cites: [182, 187, 188, 189, 190],
        states: { ignoreError: true, nextStep: '+ New support request' },
        portals: ['azure_support'],
      };
    case 'expired_or_used_up':
      return {
        topic,
        outcome: 'scenario_2_contract_hidden',
        cites: [191, 192, 193, 196, 197],
        states: { ignoreError: false, buyNewPlan: true },
        portals: ['compare_support_plans'],
      };
    case 'first_time':
      return {
        topic,
        outcome: 'not_a_known_scenario',
        cites: [...ERROR_EXPLAINED, 183, 190],
        states: { ignoreError: true, nextStep: '+ New support request' },
        portals: ['azure_support'],
      };
    default:
      return {
        topic,
        outcome: 'needs_contract_history',
        cites: ERROR_EXPLAINED,
        states: {},
        portals: [],
        ask: 'contractHistory',
      };
  }
}
