/** Paid partner support plans (segments 195–199): Premier, Advanced (cloud only), and the comparison. */
import type { Decision } from './decision';

export function paidPlans(): Decision {
  return {
    topic: 'paid_support_plans',
    outcome: 'partner_support_plans',
    cites: [196, 197, 198, 199],
    states: { plans: 'premier_support|advanced_support', advancedCloudOnly: true },
    portals: ['compare_support_plans', 'premier_support', 'advanced_support'],
  };
}
