/** What a membership entitles a partner to: the article's entitlement table (segments 131–151) as a rule. */
import type { Decision } from './decision';
import type { CompetencyKind, Membership } from './facts';

/** Signature Cloud Support: none, unlimited, or a number of incidents. */
export type CloudSupport = { kind: 'none' } | { kind: 'unlimited' } | { kind: 'incidents'; count: number };

export interface Entitlement {
  /** Microsoft Product Support incidents, for recent on-premises products. */
  productSupportIncidents: number;
  signatureCloudSupport: CloudSupport;
}

const PRODUCT_SUPPORT: Record<Membership, number> = { action_pack: 10, silver: 15, gold: 20 };
const OTHER_COMPETENCY_CLOUD_INCIDENTS: Record<Exclude<Membership, 'action_pack'>, number> = { silver: 5, gold: 10 };

/** The cloud competencies of segment 151, as ids the entity extractor recognises. */
export const CLOUD_COMPETENCIES = [
  'security',
  'cloud_business_applications',
  'cloud_platform',
  'cloud_productivity',
  'enterprise_mobility_management',
  'small_midmarket_cloud_solutions',
] as const;

/**
 * The support one membership and competency kind give.
 * @example entitlementOf('gold', 'other') // { productSupportIncidents: 20, signatureCloudSupport: { kind: 'incidents', count: 10 } }
 */
export function entitlementOf(membership: Membership, competency: CompetencyKind): Entitlement {
  const productSupportIncidents = PRODUCT_SUPPORT[membership];
  if (membership === 'action_pack') return { productSupportIncidents, signatureCloudSupport: { kind: 'none' } };
  if (competency === 'cloud') return { productSupportIncidents, signatureCloudSupport: { kind: 'unlimited' } };
  return {
    productSupportIncidents,
    signatureCloudSupport: { kind: 'incidents', count: OTHER_COMPETENCY_CLOUD_INCIDENTS[membership] },
  };
}

const TABLE_SEGMENTS = [
  130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151,
];

/** The entitlement decision for what is known: one membership (and competency) or the whole table. */
export function entitlement(facts: { membership?: Membership; competency?: CompetencyKind }): Decision {
  const { membership, competency } = facts;
  const cites = [128, 129, ...TABLE_SEGMENTS];
  if (!membership)
    return { topic: 'entitlement', outcome: 'whole_table', cites, states: {}, portals: ['partner_center_benefits'] };

  const states: Decision['states'] = { membership, productSupportIncidents: PRODUCT_SUPPORT[membership] };
  if (membership === 'action_pack') {
    states.signatureCloudSupport = 'none';
    return {
      topic: 'entitlement',
      outcome: 'action_pack',
      cites: [...cites, 180],
      states,
      portals: ['partner_center_benefits'],
    };
  }
  for (const kind of competency ? [competency] : (['cloud', 'other'] as const)) {
    const cloud = entitlementOf(membership, kind).signatureCloudSupport;
    states[`signatureCloudSupport.${kind}`] = cloud.kind === 'incidents' ? cloud.count : cloud.kind;
  }
  if (competency) states.competency = competency;
  return {
    topic: 'entitlement',
    outcome: competency ? `${membership}_${competency}` : membership,
    cites,
    states,
    portals: ['partner_center_benefits'],
  };
}
