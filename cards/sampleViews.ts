/**
 * Every card a partner can get, in every language: the fixture the card tests check one by one and the
 * gallery (cards/galleryCli.ts) shows side by side.
 */
import { clarifyView } from '../src/answers/clarifyView';
import { decisionView } from '../src/answers/decisionView';
import { feedbackView } from '../src/answers/feedbackView';
import { ticketView, type TicketSummary } from '../src/answers/ticketView';
import { viewFor } from '../src/answers/viewFor';
import { LANGS, type Lang } from '../src/i18n/locales';
import { INTENTS, isTopic, type Intent } from '../src/nlu/intents';
import { decide } from '../src/rules/decide';
import { FACT_NAMES, FACT_VALUES, type PartnerFacts } from '../src/rules/facts';
import { whereToFile } from '../src/rules/requestRoute';
import type { CardView } from './cardData';

/** One card in one language, named after what produced it. */
export interface SampleView {
  /** What produced the card, the same in every language, e.g. `entitlement {membership: gold}`. */
  name: string;
  lang: Lang;
  view: CardView;
  /** The facts the card was built with (empty for cards that take none). */
  facts: PartnerFacts;
  /** The intent the card answers, when it answers one. */
  intent?: Intent;
}

/**
 * The facts every intent is asked with: nothing known, each value of each fact alone, and each membership
 * with each value of the facts the rules read beside it. A fact set that leads a topic to the same
 * decision as an earlier set is dropped: the list holds each rule branch once.
 */
export const SAMPLE_FACTS: readonly PartnerFacts[] = [
  {},
  ...FACT_NAMES.flatMap((name) => FACT_VALUES[name].map((value) => ({ [name]: value }) as PartnerFacts)),
  ...FACT_VALUES.membership.flatMap((membership) =>
    (['competency', 'csp', 'contractHistory'] as const).flatMap((name) =>
      FACT_VALUES[name].map((value) => ({ membership, [name]: value }) as PartnerFacts),
    ),
  ),
];

/** A ticket as the hand-off would file it, for the ticket card. */
export const SAMPLE_TICKET: TicketSummary = {
  number: 'MPN-2024-0042',
  status: 'assigned',
  createdAt: new Date(Date.UTC(2024, 4, 17, 9, 30)),
  summary: 'Azure support request: "This Access ID is already associated to an account"',
  facts: { membership: 'gold', productKind: 'cloud', csp: 'not_csp', contractHistory: 'first_time' },
};

const CLARIFY_CANDIDATES = ['entitlement', 'remaining_incidents', 'human_handoff'] as const;

interface Sample {
  name: string;
  facts: PartnerFacts;
  intent?: Intent;
  build: (lang: Lang) => CardView;
}

/** `{membership: gold, csp: csp}`, or `{}` when nothing is known. */
export function factsLabel(facts: PartnerFacts): string {
  return `{${Object.entries(facts)
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ')}}`;
}

function intentSamples(): Sample[] {
  return INTENTS.flatMap((intent) => {
    const seen = new Set<string>();
    return SAMPLE_FACTS.flatMap((facts): Sample[] => {
      const build = (lang: Lang) => viewFor(intent, facts, lang);
      const key = isTopic(intent) ? JSON.stringify(decide(intent, facts)) : 'no rule';
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ name: `${intent} ${factsLabel(facts)}`, facts, intent, build }];
    });
  });
}

/**
 * Cards that no intent leads to through viewFor, built by their own composers. handoffUnavailableView is
 * not here: it is what viewFor gives human_handoff (a card test checks they stay the same).
 */
function otherSamples(): Sample[] {
  return [
    {
      // viewFor forces the product kind for both request topics, so this question only comes from whereToFile itself.
      name: 'whereToFile question: productKind {}',
      facts: {},
      intent: 'cloud_support_request',
      build: (lang) => decisionView(whereToFile({}), {}, lang),
    },
    { name: `clarifyView [${CLARIFY_CANDIDATES.join(', ')}]`, facts: {}, build: (lang) => clarifyView(CLARIFY_CANDIDATES, lang) },
    { name: 'feedbackView helpful', facts: {}, intent: 'entitlement', build: (lang) => feedbackView(true, 'entitlement', lang) },
    { name: 'feedbackView not helpful', facts: {}, intent: 'entitlement', build: (lang) => feedbackView(false, 'entitlement', lang) },
    { name: `ticketView ${SAMPLE_TICKET.number}`, facts: SAMPLE_TICKET.facts, build: (lang) => ticketView(SAMPLE_TICKET, lang) },
  ];
}

let cached: SampleView[] | undefined;

/**
 * Every sample card in every language, samples in order and each one's languages in LANGS order.
 * @example sampleViews().filter((s) => s.view.kind === 'entitlement' && s.lang === 'pt')
 */
export function sampleViews(): SampleView[] {
  cached ??= [...intentSamples(), ...otherSamples()].flatMap(({ build, ...sample }) =>
    LANGS.map((lang) => ({ ...sample, lang, view: build(lang) })),
  );
  return cached;
}
