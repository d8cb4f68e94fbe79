/**
 * Every card a partner or the support team can get, in every language: the fixture the card tests check one
 * by one and the gallery (tools/gallery/galleryCli.ts) shows side by side.
 */
import { clarifyView } from '../../cards/views/clarifyView';
import { articleAnswerView } from '../../cards/views/articleAnswerView';
import { decisionView } from '../../cards/views/decisionView';
import { feedbackView } from '../../cards/views/feedbackView';
import { handoffConsentQuestion, handoffSummaryQuestion } from '../../cards/views/handoffQuestions';
import { handoffOfferView } from '../../cards/views/handoffView';
import { ticketView, type TicketSummary } from '../../cards/views/ticketView';
import { viewFor } from '../../cards/views/viewFor';
import { LANGS, type Lang } from '../../src/i18n/locales';
import { INTENTS, isTopic, type Intent } from '../../src/nlu/intents';
import { MASKS } from '../../src/privacy/redact';
import { decide } from '../../src/rules/decide';
import type { Topic } from '../../src/rules/decision';
import { FACT_NAMES, FACT_VALUES, type PartnerFacts } from '../../src/rules/facts';
import { whereToFile } from '../../src/rules/requestRoute';
import type { Ticket } from '../../src/tickets/ticket';
import { triageCardView } from '../../cards/views/triageCardView';
import type { CardView } from '../../cards/cardData';

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
  ...FACT_NAMES.flatMap((name) => FACT_VALUES[name].map((value) => ({ [name]: value }))),
  ...FACT_VALUES.membership.flatMap((membership) =>
    (['competency', 'csp', 'contractHistory'] as const).flatMap((name) =>
      FACT_VALUES[name].map((value) => ({ membership, [name]: value })),
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

/** A ticket as the triage channel shows it while it is new; SAMPLE_TRIAGE_TICKETS has it in every status. */
const NEW_TICKET: Ticket = {
  number: 'MPN-000042',
  createdAt: '2024-05-17T09:30:00.000Z',
  updatedAt: '2024-05-17T09:30:00.000Z',
  status: 'new',
  lang: 'pt',
  summary: `Azure diz que o ID de acesso ${MASKS.accessId} já está associado a uma conta`,
  intents: [
    { intent: 'access_id_already_associated', confidence: 0.87 },
    { intent: 'activate_benefits', confidence: 0.06 },
  ],
  facts: { membership: 'gold', productKind: 'cloud', contractHistory: 'linked_before' },
  excerpt: [
    {
      from: 'user',
      text: `O Azure diz que o ID de acesso ${MASKS.accessId} já está associado, escreva para ${MASKS.email}`,
      at: '2024-05-17T09:28:00.000Z',
    },
    { from: 'bot', text: 'Qual é a associação da sua empresa no MPN?', at: '2024-05-17T09:28:01.000Z' },
    { from: 'user', text: '[fact]', at: '2024-05-17T09:29:00.000Z' },
  ],
  requester: {
    userKey: 'sample-requester',
    conversation: {
      channelId: 'msteams',
      conversation: { id: 'a:sample-personal-chat', conversationType: 'personal', isGroup: false, name: '' },
    },
  },
  sourceActivityId: 'msteams:a:sample-personal-chat:sample-activity',
  version: 1,
};

const ENGINEER = { id: '00000000-0000-0000-0000-0000000000e1', name: 'Sam Support' };

/** The triage channel's ticket card in each status: new, assigned, resolved with a note. */
export const SAMPLE_TRIAGE_TICKETS: readonly Ticket[] = [
  NEW_TICKET,
  { ...NEW_TICKET, status: 'assigned', assignee: ENGINEER, updatedAt: '2024-05-17T09:40:00.000Z', version: 2 },
  {
    ...NEW_TICKET,
    status: 'resolved',
    assignee: ENGINEER,
    resolution: {
      note: 'The Access ID was unlinked from the old account; you can add it in the Azure portal again.',
      by: ENGINEER,
      at: '2024-05-17T10:05:00.000Z',
    },
    updatedAt: '2024-05-17T10:05:00.000Z',
    version: 3,
  },
];

/** The question a hand-off starts with, as it appears in SAMPLE cards. */
export const SAMPLE_LAST_QUESTION = `Azure says Access ID ${MASKS.accessId} is already associated with an account`;

const CLARIFY_CANDIDATES = ['entitlement', 'remaining_incidents', 'human_handoff'] as const;

/** A topic's answer (an answer card, the entitlement table, a question) led by retrieved segments. */
const LEADING_SAMPLES: readonly { topic: Topic; segments: number[] }[] = [
  { topic: 'activate_benefits', segments: [121, 125] },
  { topic: 'entitlement', segments: [180] },
  { topic: 'access_id_already_associated', segments: [182, 191] },
];

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
 * Cards that no intent leads to through viewFor, built by their own composers. handoffOfferView(lang) is not
 * here: it is what viewFor gives human_handoff (a card test checks they stay the same); the offer after two
 * misses is.
 */
function otherSamples(): Sample[] {
  const consentFacts = NEW_TICKET.facts;
  return [
    {
      // viewFor forces the product kind for both request topics, so this question only comes from whereToFile itself.
      name: 'whereToFile question: productKind {}',
      facts: {},
      intent: 'cloud_support_request',
      build: (lang) => decisionView(whereToFile({}), {}, lang),
    },
    // Answers led by the sentences a detail question retrieved (fixed segments, so the gallery does not move with tuning).
    ...LEADING_SAMPLES.map(({ topic, segments }) => ({
      name: `${topic} led by segments [${segments.join(', ')}]`,
      facts: {},
      intent: topic,
      build: (lang: Lang) =>
        decisionView(
          decide(topic, {}),
          {},
          lang,
          segments.map((segment) => ({ segment, score: 1 })),
        ),
    })),
    {
      name: 'articleAnswerView [155, 175]',
      facts: {},
      intent: 'out_of_scope',
      build: (lang) =>
        articleAnswerView(
          [155, 175].map((segment) => ({ segment, score: 1 })),
          lang,
        ),
    },
    {
      name: `clarifyView [${CLARIFY_CANDIDATES.join(', ')}]`,
      facts: {},
      build: (lang) => clarifyView(CLARIFY_CANDIDATES, lang),
    },
    {
      name: 'feedbackView helpful',
      facts: {},
      intent: 'entitlement',
      build: (lang) => feedbackView(true, 'entitlement', lang),
    },
    {
      name: 'feedbackView not helpful',
      facts: {},
      intent: 'entitlement',
      build: (lang) => feedbackView(false, 'entitlement', lang),
    },
    { name: 'handoffOfferView after two misses', facts: {}, build: (lang) => handoffOfferView(lang, true) },
    {
      name: 'hand-off summary question, no last question',
      facts: {},
      intent: 'human_handoff',
      build: (lang) => handoffSummaryQuestion(lang),
    },
    {
      name: 'hand-off summary question with the last question',
      facts: {},
      intent: 'human_handoff',
      build: (lang) => handoffSummaryQuestion(lang, SAMPLE_LAST_QUESTION),
    },
    {
      name: `hand-off consent question ${factsLabel(consentFacts)}`,
      facts: consentFacts,
      intent: 'human_handoff',
      build: (lang) => handoffConsentQuestion(lang, SAMPLE_LAST_QUESTION, consentFacts),
    },
    {
      name: `ticketView ${SAMPLE_TICKET.number}`,
      facts: SAMPLE_TICKET.facts,
      build: (lang) => ticketView(SAMPLE_TICKET, lang),
    },
    ...SAMPLE_TRIAGE_TICKETS.map((ticket) => ({
      name: `triageCardView ${ticket.number} ${ticket.status}`,
      facts: ticket.facts,
      build: (lang: Lang) => triageCardView(ticket, lang),
    })),
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
