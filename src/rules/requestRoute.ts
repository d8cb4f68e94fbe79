/**
 * Where to open a support request (segments 152–157 and 171–180): on-premises products in Support for
 * Business, cloud products through Signature Cloud Support, CSP partners through their own plan.
 */
import type { Decision, Topic } from './decision';
import type { PartnerFacts } from './facts';

/** The place a request goes, also the route of the triage CLI. */
export type Route =
  'partner_center_benefits' | 'support_for_business' | 'cloud_product_portal' | 'csp_service_management' | 'person';

/**
 * @param asked the topic the question was classified as; a question that could be either kind of request
 *   (and no product named) gets the question "on-premises or cloud?".
 */
export function whereToFile(facts: PartnerFacts, asked: Topic = 'cloud_support_request'): Decision {
  const { productKind } = facts;
  if (!productKind) {
    return {
      topic: asked,
      outcome: 'needs_product_kind',
      cites: [153, 172],
      states: {},
      portals: [],
      ask: 'productKind',
    };
  }
  if (productKind === 'on_premises') {
    return {
      topic: 'onprem_support_request',
      outcome: 'support_for_business',
      cites: [153, 154, 155, 156, 157],
      states: { route: 'support_for_business' satisfies Route, anyAccount: 'AAD or MSA' },
      portals: ['support_for_business', 'supported_products'],
    };
  }
  if (facts.membership === 'action_pack') {
    return {
      topic: 'cloud_support_request',
      outcome: 'action_pack_has_no_cloud_support',
      cites: [172, 180, 196, 197, 198, 199],
      states: { route: 'person' satisfies Route, signatureCloudSupport: 'none' },
      portals: ['compare_support_plans'],
    };
  }
  if (!facts.csp) {
    return {
      topic: 'cloud_support_request',
      outcome: 'needs_csp',
      cites: [172, 175],
      states: {},
      portals: [],
      ask: 'csp',
    };
  }
  if (facts.csp === 'csp') {
    return {
      topic: 'cloud_support_request',
      outcome: 'csp_plan',
      cites: [175, 176, 177],
      states: {
        route: 'csp_service_management' satisfies Route,
        supportPlan: 'Cloud Solution Provider',
        role: 'admin_agent',
      },
      portals: ['csp_customers', 'azure_support'],
    };
  }
  if (!facts.membership) {
    return {
      topic: 'cloud_support_request',
      outcome: 'needs_membership',
      cites: [172, 180],
      states: {},
      portals: [],
      ask: 'membership',
    };
  }
  return {
    topic: 'cloud_support_request',
    outcome: 'signature_cloud_support',
    cites: [172, 173, 174, 179],
    states: { route: 'cloud_product_portal' satisfies Route, plan: 'Signature Cloud Support' },
    portals: ['azure_support'],
  };
}
