/** The two Partner Center messages of the article and what each one means (segments 112–119). */
import type { Decision } from './decision';

/** "You are not authorized for this action": the account is associated to CSP only, not to MPN. */
export function notAuthorized(): Decision {
  return {
    topic: 'not_authorized_error',
    outcome: 'account_not_mpn_associated',
    cites: [113, 114, 112],
    states: { cause: 'csp_only_account', fix: 'sign_in_with_mpn_associated_account' },
    portals: ['partner_center_benefits'],
  };
}

/** "Looks like you don't have any benefits yet": no active membership, or the wrong account signed in. */
export function noBenefits(): Decision {
  return {
    topic: 'no_benefits_error',
    outcome: 'no_membership_or_wrong_account',
    cites: [117, 118, 119],
    states: { causes: 'no_active_membership|wrong_account', fix: 'check_signed_in_account' },
    portals: ['partner_center_benefits'],
  };
}
