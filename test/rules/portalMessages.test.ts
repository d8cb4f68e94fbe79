/** The two Partner Center messages of the article: what each means and which segments say so. */
import { describe, expect, it } from 'vitest';
import { noBenefits, notAuthorized } from '../../src/rules/portalMessages';
import { expectCitesSaying } from './articleSegments';

describe('portal messages', () => {
  it('reads "not authorized" as an account associated to CSP only', () => {
    const decision = notAuthorized();
    expect(decision).toMatchObject({ topic: 'not_authorized_error', outcome: 'account_not_mpn_associated' });
    expect(decision.states.cause).toBe('csp_only_account');
    expectCitesSaying(decision, 'only associated to CSP', 'must have an MPN associated account');
  });

  it('reads "no benefits yet" as no active membership or the wrong account signed in', () => {
    const decision = noBenefits();
    expect(decision).toMatchObject({ topic: 'no_benefits_error', outcome: 'no_membership_or_wrong_account' });
    expectCitesSaying(
      decision,
      'no active membership offers',
      'signed in using the wrong account',
      'Sign-in with another account',
    );
  });

  it('sends the partner to the Partner Center benefits for either message', () => {
    expect([notAuthorized().portals, noBenefits().portals]).toEqual([
      ['partner_center_benefits'],
      ['partner_center_benefits'],
    ]);
  });
});
