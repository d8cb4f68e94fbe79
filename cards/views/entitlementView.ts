/**
 * The entitlement card: the article's table quoted cell by cell, as the partner's own entitlement when the
 * membership is known, or every membership's column when it is not.
 */
import type { CardView, Fact, QuotedPassage } from '../cardData';
import type { Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { Decision } from '../../src/rules/decision';
import {
  FACT_VALUES,
  type CompetencyKind,
  type FactName,
  type Membership,
  type PartnerFacts,
} from '../../src/rules/facts';
import { quote, sectionHeading, sourceLink } from './articleText';
import { feedbackFor, handoffButton, portalLinks } from './buttons';

/** The table's column of each membership (column 0 holds the row titles). */
export const MEMBERSHIP_COLUMN: Readonly<Record<Membership, number>> = { action_pack: 1, silver: 2, gold: 3 };
const PRODUCT_SUPPORT_ROW = 1;
const CLOUD_SUPPORT_ROW = 2;

/** Joins a cell's segments: a label ending in ":" runs on, a lowercase continuation runs on, else a new line. */
export function cellText(ids: readonly number[], lang: Lang): string {
  let text = '';
  for (const id of ids) {
    const part = quote(id, lang);
    const runsOn = text === '' || text.endsWith(':') || /^\p{Ll}/u.test(part);
    text += text === '' ? part : runsOn ? ` ${part}` : `\n\n${part}`;
  }
  return text;
}

/** One membership's entitlement as facts quoted from its column of the table; a known competency narrows it. */
function membershipFacts(membership: Membership, competency: CompetencyKind | undefined, lang: Lang): Fact[] {
  const kb = knowledgeBase();
  const column = MEMBERSHIP_COLUMN[membership];
  const cell = (row: number, col: number) => kb.table[row]?.[col] ?? [];
  const cloudCell = cell(CLOUD_SUPPORT_ROW, column);
  // The cloud cell reads "Cloud Competencies: | Unlimited | Other competencies: | N Incidents".
  const cloudPart =
    competency === 'cloud' ? cloudCell.slice(0, 2) : competency === 'other' ? cloudCell.slice(2, 4) : cloudCell;
  return [
    {
      title: cellText(cell(PRODUCT_SUPPORT_ROW, 0).slice(0, 1), lang),
      value: cellText(cell(PRODUCT_SUPPORT_ROW, column), lang),
    },
    {
      title: cellText(cell(CLOUD_SUPPORT_ROW, 0).slice(0, 1), lang),
      value: cloudPart.length ? cellText(cloudPart, lang).replace(/\n\n/g, ' · ') : t(lang, 'entitlement.not_included'),
    },
  ];
}

/**
 * @param quoted the sentences that answer the question asked, shown ahead of the table.
 * @param supposed the facts that hold for this answer only ("and what about gold?"), not the partner's own.
 */
export function entitlementView(
  decision: Decision,
  facts: PartnerFacts,
  lang: Lang,
  quoted: QuotedPassage[] = [],
  supposed: readonly FactName[] = [],
): CardView {
  const { membership, competency } = facts;
  const leadKey = supposed.includes('membership') ? 'entitlement.supposed_membership' : 'entitlement.your_membership';
  return {
    kind: 'entitlement',
    data: {
      lang,
      title: sectionHeading(127, lang),
      quoted,
      intro: quote(128, lang),
      lead: membership
        ? t(lang, leadKey, { membership: t(lang, `fact.membership.${membership}`) })
        : t(lang, 'entitlement.whole_table'),
      facts: membership ? membershipFacts(membership, competency, lang) : [],
      memberships: membership
        ? []
        : FACT_VALUES.membership.map((m) => ({
            title: cellText(knowledgeBase().table[0]?.[MEMBERSHIP_COLUMN[m]] ?? [], lang),
            facts: membershipFacts(m, undefined, lang),
          })),
      footnote: quote(151, lang),
      notes: [129, ...(membership === 'action_pack' ? [180] : [])].map((id) => ({ text: quote(id, lang) })),
      source: sourceLink(127, lang),
      links: portalLinks(decision.portals, lang),
      followUps: [handoffButton(lang)],
      feedback: feedbackFor(decision.topic, lang),
    },
  };
}
