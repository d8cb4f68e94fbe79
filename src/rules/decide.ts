/** One entry to the rules: the decision for a topic and what is known about the partner. */
import { activation } from './activation';
import { diagnoseAccessIdError } from './accessIdDiagnosis';
import type { Decision, Topic } from './decision';
import { entitlement } from './entitlement';
import type { FactName, PartnerFacts } from './facts';
import { noBenefits, notAuthorized } from './portalMessages';
import { paidPlans } from './paidPlans';
import { remainingIncidents } from './remainingIncidents';
import { whereToFile } from './requestRoute';

interface Rule {
  decide: (facts: PartnerFacts) => Decision;
  /** The facts the rule reads: an answer shows the known ones, so the partner sees what it assumed. */
  reads: readonly FactName[];
}

const RULES: Record<Topic, Rule> = {
  activate_benefits: { decide: activation, reads: ['role'] },
  remaining_incidents: { decide: remainingIncidents, reads: [] },
  access_id_already_associated: { decide: diagnoseAccessIdError, reads: ['membership', 'contractHistory'] },
  entitlement: { decide: entitlement, reads: ['membership', 'competency'] },
  onprem_support_request: {
    decide: (facts) => whereToFile({ ...facts, productKind: 'on_premises' }, 'onprem_support_request'),
    reads: [],
  },
  cloud_support_request: {
    decide: (facts) => whereToFile({ ...facts, productKind: 'cloud' }, 'cloud_support_request'),
    reads: ['membership', 'csp'],
  },
  not_authorized_error: { decide: notAuthorized, reads: [] },
  no_benefits_error: { decide: noBenefits, reads: [] },
  paid_support_plans: { decide: paidPlans, reads: [] },
};

/**
 * @example decide('entitlement', { membership: 'gold' }).states.productSupportIncidents // 20
 */
export function decide(topic: Topic, facts: PartnerFacts): Decision {
  return RULES[topic].decide(facts);
}

/** The facts a topic's rule reads. */
export function factsReadBy(topic: Topic): readonly FactName[] {
  return RULES[topic].reads;
}
