/**
 * How a conversation test knows which card came back: the cards carry no kind marker and two kinds can share a
 * shape (a fallback card with suggestions and no person text looks like a clarify card), so the expected card
 * is rebuilt with the product's own view function for the expected kind, language and the user's stored facts,
 * and the sent card must equal it. When it does not, `identifyCard` rebuilds every card the bot could have sent
 * and names the one that matches.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CardView } from '../../cards/cardData';
import { renderView, type AdaptiveCardJson } from '../../cards/renderCard';
import { articleAnswerView } from '../../cards/views/articleAnswerView';
import { clarifyView } from '../../cards/views/clarifyView';
import { decisionView } from '../../cards/views/decisionView';
import { fallbackView } from '../../cards/views/fallbackView';
import { feedbackView } from '../../cards/views/feedbackView';
import { handoffOfferView } from '../../cards/views/handoffView';
import { ticketView } from '../../cards/views/ticketView';
import { handoffConsentQuestion, handoffSummaryQuestion } from '../../cards/views/handoffQuestions';
import { helpView, welcomeView } from '../../cards/views/welcomeView';
import type { SuggestedIntent } from '../../cards/views/buttons';
import { LANGS, type Lang } from '../../src/i18n/locales';
import { CARD_ACTIONS } from '../../cards/verbs';
import { decide } from '../../src/rules/decide';
import { TOPICS, type Topic } from '../../src/rules/decision';
import { classifier } from '../../src/nlu/classifier';
import {
  articleRetriever,
  outOfScopeSegments,
  topicQuestionSegments,
  type RetrievedSegment,
} from '../../src/nlu/retrieval';
import { FACT_NAMES, type PartnerFacts } from '../../src/rules/facts';
import type { Ticket } from '../../src/tickets/ticket';
import { submitButtons } from './conversationHarness';
import type { BotExpectation } from './scenario';

type CardExpectation = Extract<BotExpectation, { expect: 'card' }>;

/** What the bot's cards are rebuilt from: the state after the turn, as read back through the storage. */
export interface CardContext {
  /** The partner facts the user's profile holds. */
  facts: PartnerFacts;
  /** The conversation's last question (redacted), which the hand-off offers as its summary. */
  lastQuestion?: string;
  /** The summary a hand-off consent card should show, as the runner worked it out from the scenario. */
  summary?: string;
  /** Every ticket in the store. */
  tickets: readonly Ticket[];
  /** What the user typed in the turn that got this reply (none for a click), and the Teams client's language. */
  said?: { text: string; localeLang?: Lang };
}

/** The segments a topic's card leads with: those answering the typed question, as the topic dialog retrieves them. */
export function retrievedFor(state: CardContext, topic: Topic, lang: Lang): RetrievedSegment[] {
  if (!state.said) return [];
  const { text, localeLang } = state.said;
  return topicQuestionSegments(
    articleRetriever(),
    text,
    classifier().classify(text, localeLang ? { locale: localeLang } : {}),
    topic,
    lang,
  );
}

/** The intents a clarify card offers, read from its candidate buttons (its follow-ups are not candidates). */
export function clarifyCandidates(card: AdaptiveCardJson): SuggestedIntent[] {
  const body = JSON.stringify(card.body);
  return submitButtons({ ...card, actions: [] })
    .filter(({ data }) => data.action === CARD_ACTIONS.ask && body.includes(JSON.stringify(data)))
    .map(({ data }) => data.intent as SuggestedIntent);
}

/** The view the bot should have sent for an expectation, given the state after the turn and the card it did send. */
export function expectedView(expectation: CardExpectation, state: CardContext, sent: AdaptiveCardJson): CardView {
  const { kind, lang, topic, view, helpful, handoff, number } = expectation;
  const facts = assumedFacts(expectation, state);
  switch (kind) {
    case 'question':
      if (handoff === 'summary') return handoffSummaryQuestion(lang, state.lastQuestion);
      if (handoff === 'consent')
        return handoffConsentQuestion(lang, required(state.summary, 'the summary the consent card shows'), facts);
      return topicView(required(topic, 'a question card needs its topic'), facts, state, lang, expectation.detail);
    case 'answer':
      if (view === 'article')
        return articleAnswerView(outOfScopeFor(required(state.said, 'the question typed'), state), lang);
      return topicView(required(topic, `a ${kind} card needs its topic`), facts, state, lang, expectation.detail);
    case 'entitlement':
      return topicView(required(topic, `a ${kind} card needs its topic`), facts, state, lang, expectation.detail);
    case 'welcome':
      return view === 'help' ? helpView(lang) : welcomeView(lang);
    case 'fallback':
      if (view === 'handoff') return handoffOfferView(lang);
      if (view === 'handoff_after_misses') return handoffOfferView(lang, true);
      return fallbackView(lang);
    case 'clarify':
      return clarifyView(clarifyCandidates(sent), lang);
    case 'feedback':
      return feedbackView(helpful ?? true, required(topic, 'a feedback card needs its topic'), lang);
    case 'ticket': {
      const ticket = state.tickets.find((t) => t.number === number);
      if (!ticket)
        throw new ExpectationError(
          `the store holds no ticket ${String(number)} (it holds ${state.tickets.map((t) => t.number).join(', ') || 'none'})`,
        );
      return ticketView(ticket, lang);
    }
    case 'triage':
      throw new ExpectationError(
        'the triage card goes to the triage channel, not to the user: check it with a "posted" step',
      );
  }
}

/** The facts a card rests on: the user's profile, with a hypothetical follow-up's facts in their place. */
export function assumedFacts(expectation: CardExpectation, state: CardContext): PartnerFacts {
  return { ...state.facts, ...expectation.assumes };
}

function topicView(topic: Topic, facts: PartnerFacts, state: CardContext, lang: Lang, detail?: boolean): CardView {
  const supposed = FACT_NAMES.filter((fact) => facts[fact] !== undefined && facts[fact] !== state.facts[fact]);
  return decisionView(
    decide(topic, facts),
    facts,
    lang,
    detail ? detailFor(state, topic, lang) : retrievedFor(state, topic, lang),
    supposed,
  );
}

/** The segments a detail question on the current topic retrieves, the topic's section first. */
function detailFor(state: CardContext, topic: Topic, lang: Lang): RetrievedSegment[] {
  if (!state.said) throw new ExpectationError('a detail answer answers a typed question, and the user typed none');
  return articleRetriever().retrieve(state.said.text, lang, { topic });
}

/** The segments an out-of-scope question retrieves, as the main dialog asks for them. */
function outOfScopeFor(said: NonNullable<CardContext['said']>, state: CardContext): RetrievedSegment[] {
  const classification = classifier().classify(said.text, said.localeLang ? { locale: said.localeLang } : {});
  const retrieved = outOfScopeSegments(articleRetriever(), said.text, classification);
  if (!retrieved.length)
    throw new ExpectationError(
      `the article answers nothing for ${JSON.stringify(said.text)} (facts ${JSON.stringify(state.facts)})`,
    );
  return retrieved;
}

/** An expectation that cannot be rebuilt from the stored state: a failure of the scenario, not of the runner. */
export class ExpectationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpectationError';
  }
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ExpectationError(`${what} is not known`);
  return value;
}

/** Every card the bot could send in this state, named the way a scenario would state it. */
function candidates(state: CardContext, sent: AdaptiveCardJson): { name: string; view: CardView }[] {
  const { facts } = state;
  return LANGS.flatMap((lang: Lang) => [
    ...TOPICS.flatMap((topic) => {
      const decision = decide(topic, facts);
      const view = decisionView(decision, facts, lang, retrievedFor(state, topic, lang));
      const what = decision.ask ? `asking ${decision.ask}` : `outcome ${decision.outcome}`;
      return [
        { name: `${view.kind} card of ${topic} (${what})`, view },
        ...[true, false].map((helpful) => ({
          name: `feedback card (helpful: ${helpful}) for ${topic}`,
          view: feedbackView(helpful, topic, lang),
        })),
      ];
    }),
    { name: 'welcome card', view: welcomeView(lang) },
    { name: 'help card (welcome kind)', view: helpView(lang) },
    { name: 'fallback card', view: fallbackView(lang) },
    { name: 'offer of a person (fallback kind, view handoff)', view: handoffOfferView(lang) },
    {
      name: 'offer of a person after two misses (fallback kind, view handoff_after_misses)',
      view: handoffOfferView(lang, true),
    },
    { name: 'hand-off summary question without a last question', view: handoffSummaryQuestion(lang) },
    ...(state.lastQuestion
      ? [
          {
            name: 'hand-off summary question offering the last question',
            view: handoffSummaryQuestion(lang, state.lastQuestion),
          },
        ]
      : []),
    ...(state.summary
      ? [
          {
            name: `hand-off consent question for the summary ${JSON.stringify(state.summary)}`,
            view: handoffConsentQuestion(lang, state.summary, facts),
          },
        ]
      : []),
    ...state.tickets.map((ticket) => ({ name: `ticket card of ${ticket.number}`, view: ticketView(ticket, lang) })),
    {
      name: `clarify card offering ${clarifyCandidates(sent).join(', ')}`,
      view: clarifyView(clarifyCandidates(sent), lang),
    },
  ]).map(({ name, view }) => ({ name: `${name}, in ${view.data.lang}`, view }));
}

/**
 * What a sent card is, as a scenario would say it, or undefined when the bot could not have built it. Some
 * views render the same card (a "helpful: yes" feedback card does not name its topic): all of them are named.
 */
export function identifyCard(card: AdaptiveCardJson, state: CardContext): string | undefined {
  const names = candidates(state, card)
    .filter(({ view }) => isDeepStrictEqual(JSON.parse(JSON.stringify(renderView(view))), card))
    .map(({ name }) => name);
  if (names.length <= 1) return names[0];
  return names.length <= 3
    ? `one of: ${names.join(' | ')}`
    : `${names[0]} (or any of ${names.length - 1} other views that render this same card)`;
}
