/** What the bot may know about a partner: the facts the rules decide on, each with its closed set of values. */

export const FACT_VALUES = {
  membership: ['action_pack', 'silver', 'gold'],
  competency: ['cloud', 'other'],
  productKind: ['on_premises', 'cloud'],
  csp: ['csp', 'not_csp'],
  role: ['global_admin', 'mpn_partner_admin', 'admin_agent', 'other_role'],
  contractHistory: ['linked_before', 'expired_or_used_up', 'first_time'],
} as const;

export type FactName = keyof typeof FACT_VALUES;
export type FactValue<F extends FactName> = (typeof FACT_VALUES)[F][number];
export type Membership = FactValue<'membership'>;
export type CompetencyKind = FactValue<'competency'>;
export type ProductKind = FactValue<'productKind'>;
export type Role = FactValue<'role'>;
export type ContractHistory = FactValue<'contractHistory'>;

/** The facts known about one partner; a missing key is a fact not known yet. */
export type PartnerFacts = { [F in FactName]?: FactValue<F> };

export const FACT_NAMES = Object.keys(FACT_VALUES) as FactName[];

export function isFactName(value: unknown): value is FactName {
  return typeof value === 'string' && (FACT_NAMES as string[]).includes(value);
}

export function isFactValue<F extends FactName>(fact: F, value: unknown): value is FactValue<F> {
  return typeof value === 'string' && (FACT_VALUES[fact] as readonly string[]).includes(value);
}

/** Keeps only well-formed facts: whatever comes from storage or a card submit passes through here. */
export function sanitizeFacts(input: unknown): PartnerFacts {
  if (typeof input !== 'object' || input === null) return {};
  const facts: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (isFactName(name) && isFactValue(name, value)) facts[name] = value;
  }
  return facts;
}
