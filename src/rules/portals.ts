/** The portals answers send partners to; where the article links one, its URL is read from that segment. */

export const PORTALS = {
  partner_center_benefits: { segment: 112 },
  support_for_business: { segment: 157 },
  remaining_incidents_help: { segment: 170 },
  supported_products: { segment: 169 },
  csp_customers: { segment: 176 },
  azure_support: { url: 'https://portal.azure.com/#view/Microsoft_Azure_Support/HelpAndSupportBlade' },
  compare_support_plans: { segment: 197 },
  premier_support: { segment: 198 },
  advanced_support: { segment: 199 },
} as const satisfies Record<string, { segment: number } | { url: string }>;

export type PortalId = keyof typeof PORTALS;
