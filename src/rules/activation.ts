/**
 * Viewing and activating technical benefits (segments 104–126): where, who may, the prerequisite, how long,
 * and what activation gives.
 */
import type { Decision } from './decision';
import type { Role } from './facts';

/** The roles that may activate (segment 123); an Admin agent (segment 107) may see the benefits only. */
export const ACTIVATING_ROLES: readonly Role[] = ['global_admin', 'mpn_partner_admin'];

export function activation(facts: { role?: Role }): Decision {
  const { role } = facts;
  const states: Decision['states'] = {
    where: 'Partner Center > Benefits > Technical benefits',
    prerequisite: 'mpn_associated_account',
    duration: 'a_few_days',
    result: 'access_id_and_contract_id',
  };
  if (role) states.mayActivate = ACTIVATING_ROLES.includes(role);
  const outcome = !role
    ? 'how_to_activate'
    : ACTIVATING_ROLES.includes(role)
      ? 'role_may_activate'
      : 'role_may_not_activate';
  return {
    topic: 'activate_benefits',
    outcome,
    cites: [111, 112, 114, 115, 116, 120, 121, 122, 123, 124, 125, 126],
    states,
    portals: ['partner_center_benefits'],
  };
}
