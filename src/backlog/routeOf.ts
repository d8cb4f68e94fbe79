/** Where a question goes, for a support team's backlog: the place that answers it, or a person. */
import type { Intent } from '../nlu/intents';
import { isTopic } from '../nlu/intents';
import { decide } from '../rules/decide';
import type { PartnerFacts } from '../rules/facts';
import type { Route } from '../rules/requestRoute';

const TOPIC_ROUTES: Partial<Record<Intent, Route>> = {
  activate_benefits: 'partner_center_benefits',
  entitlement: 'partner_center_benefits',
  not_authorized_error: 'partner_center_benefits',
  no_benefits_error: 'partner_center_benefits',
  remaining_incidents: 'support_for_business',
  onprem_support_request: 'support_for_business',
  access_id_already_associated: 'cloud_product_portal',
};

/**
 * The request topics take their route from the rules (a CSP partner's cloud request goes to Service
 * Management); buying support, asking for a person and anything out of scope go to a person.
 */
export function routeOf(intent: Intent, facts: PartnerFacts): Route {
  if (intent === 'cloud_support_request' && isTopic(intent)) {
    const route = decide(intent, facts).states.route;
    return typeof route === 'string' ? (route as Route) : 'cloud_product_portal';
  }
  return TOPIC_ROUTES[intent] ?? 'person';
}
