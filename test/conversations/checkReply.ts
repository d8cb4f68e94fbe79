/**
 * Checks one reply of the bot against one "bot" step of a scenario, through keys and facts: the card rebuilt
 * by the product's view functions (see expectedCards.ts), the rules' decision for the states, the knowledge
 * base for quoted sentences, the string tables for plain messages, the stored ticket for the hand-off event.
 * Returns what is wrong, or nothing.
 */
import type { Activity } from 'botbuilder';
import { isDeepStrictEqual } from 'node:util';
import { CARD_ACTIONS } from '../../cards/verbs';
import type { Lang } from '../../src/i18n/locales';
import { renderView, type AdaptiveCardJson } from '../../cards/renderCard';
import { quote } from '../../cards/views/articleText';
import { cardToText, markdownToPlain } from '../../cards/cardToText';
import { t } from '../../src/i18n/strings';
import { decide } from '../../src/rules/decide';
import { FACT_VALUES } from '../../src/rules/facts';
import { cardOf, submitButtons } from './conversationHarness';
import {
  assumedFacts,
  clarifyCandidates,
  expectedView,
  ExpectationError,
  identifyCard,
  type CardContext,
} from './expectedCards';
import type { BotExpectation, EventName } from './scenario';

type CardExpectation = Extract<BotExpectation, { expect: 'card' }>;

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
/** "a" or "an" before a card kind. */
export const article = (word: string): string => (/^[aeiou]/.test(word) ? 'an' : 'a');
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** What a reply is, in a line, for failure messages. */
export function describeReply(reply: Partial<Activity>, state: CardContext): string {
  if (reply.type === 'event') return `an event ${JSON.stringify(reply.name)} with ${JSON.stringify(reply.value)}`;
  const card = cardOf(reply);
  if (!card) return `a plain message: ${JSON.stringify(reply.text)}`;
  const name = identifyCard(json(card) as AdaptiveCardJson, state);
  return name ?? `a card no view builds for these facts (lang ${String(card.lang)}):\n${cardToText(card)}`;
}

export function checkString(reply: Partial<Activity>, key: string, lang: Lang, state: CardContext): string[] {
  const expected = t(lang, key);
  if (reply.type !== 'message' || reply.attachments?.length || reply.text !== expected)
    return [`expected the plain message ${key} in ${lang}, got ${describeReply(reply, state)}`];
  return [];
}

/**
 * The Bot Framework hand-off event (EventFactory.createHandoffInitiation) for the ticket the bot just told the
 * user about: its number, summary and language in the event's context.
 */
export function checkEvent(
  reply: Partial<Activity>,
  name: EventName,
  lang: Lang,
  state: CardContext,
  ticketNumber: string | undefined,
): string[] {
  if (reply.type !== 'event' || reply.name !== name)
    return [`expected the event ${name}, got ${describeReply(reply, state)}`];
  const ticket = state.tickets.find((t) => t.number === ticketNumber);
  if (!ticket) return [`the event ${name} follows no ticket card (the last ticket card named ${String(ticketNumber)})`];
  const want = { ticket: ticket.number, summary: ticket.summary, lang };
  return isDeepStrictEqual(reply.value, want)
    ? []
    : [`expected the event's context ${JSON.stringify(want)}, it carries ${JSON.stringify(reply.value)}`];
}

export function checkCard(reply: Partial<Activity>, expectation: CardExpectation, said: CardContext): string[] {
  // A card answering one part of a message that asks several things leads with that part's sentences.
  const state = expectation.part && said.said ? { ...said, said: { ...said.said, text: expectation.part } } : said;
  const { facts } = state;
  const sent = cardOf(reply);
  const what = expectation.handoff
    ? ` (hand-off ${expectation.handoff})`
    : expectation.number
      ? ` ${expectation.number}`
      : '';
  const want = `${article(expectation.kind)} ${expectation.kind} card${expectation.topic ? ` of ${expectation.topic}` : ''}${expectation.view ? ` (${expectation.view})` : ''}${what} in ${expectation.lang}`;
  if (!sent) return [`expected ${want}, got ${describeReply(reply, state)}`];
  const card = json(sent) as AdaptiveCardJson;
  const problems: string[] = [];
  if (card.lang !== expectation.lang)
    problems.push(`expected card lang ${expectation.lang}, the card says ${String(card.lang)}`);
  if (expectation.offersLastQuestion !== undefined && expectation.offersLastQuestion !== Boolean(state.lastQuestion)) {
    problems.push(
      `expected the conversation ${expectation.offersLastQuestion ? 'to have' : 'to have no'} last question to offer, it has ${JSON.stringify(state.lastQuestion)}`,
    );
  }
  let expected: unknown;
  try {
    expected = json(renderView(expectedView(expectation, state, card)));
  } catch (error) {
    if (error instanceof ExpectationError)
      return [...problems, `expected ${want}: ${error.message}; got ${describeReply(reply, state)}`];
    throw error;
  }
  if (!isDeepStrictEqual(card, expected)) {
    problems.push(`expected ${want} (facts ${JSON.stringify(facts)}), got ${describeReply(reply, state)}`);
    return problems;
  }
  const text = squash(cardToText(card));
  if (expectation.facts && !isDeepStrictEqual(facts, expectation.facts)) {
    problems.push(
      `expected the answer to rest on the facts ${JSON.stringify(expectation.facts)}, the user's profile holds ${JSON.stringify(facts)}`,
    );
  }
  if (expectation.states && expectation.topic) {
    const { states, outcome } = decide(expectation.topic, assumedFacts(expectation, state));
    for (const [key, value] of Object.entries(expectation.states)) {
      if (states[key] !== value)
        problems.push(
          `expected the decision to state ${key} = ${JSON.stringify(value)}; ${outcome} states ${JSON.stringify(states[key])}`,
        );
      else if (typeof value === 'number' && !new RegExp(`(?<!\\d)${value}(?!\\d)`).test(text))
        problems.push(`the card does not show ${key} = ${value}`);
    }
  }
  for (const id of expectation.quotes ?? []) {
    const sentence = squash(markdownToPlain(quote(id, expectation.lang)));
    if (!text.includes(sentence))
      problems.push(`the card does not quote segment ${id} in ${expectation.lang}: "${sentence}"`);
  }
  if (expectation.leads) {
    const first = firstQuotedText(card);
    // `leads: []`: no retrieved sentence leads the card (its topic's own answer does).
    if (!expectation.leads.length && first)
      problems.push(
        `expected no quoted sentence to lead the card in ${expectation.lang}; its first quoted block is ${JSON.stringify(first)}`,
      );
    if (
      expectation.leads.length &&
      !expectation.leads.some((id) => first.includes(squash(markdownToPlain(quote(id, expectation.lang)))))
    ) {
      problems.push(
        `expected the card to lead with segment ${expectation.leads.join(' or ')} in ${expectation.lang}; its first quoted block is ${JSON.stringify(first)}`,
      );
    }
  }
  if (expectation.asks) {
    const choices = submitButtons(card).filter(({ data }) => data.action === CARD_ACTIONS.fact);
    const asked = [...new Set(choices.map(({ data }) => data.fact))];
    const values = choices.map(({ data }) => data.value);
    if (
      asked.length !== 1 ||
      asked[0] !== expectation.asks ||
      !isDeepStrictEqual(values, [...FACT_VALUES[expectation.asks]])
    ) {
      problems.push(
        `expected the question to ask ${expectation.asks} (${FACT_VALUES[expectation.asks].join(', ')}), its choices are ${JSON.stringify(choices.map((c) => c.data))}`,
      );
    }
  }
  if (expectation.candidates) {
    const offered = clarifyCandidates(card);
    const missing = expectation.candidates.filter((intent) => !offered.includes(intent as (typeof offered)[number]));
    if (missing.length)
      problems.push(
        `expected "did you mean" to offer ${missing.join(', ')}; it offers ${offered.join(', ') || 'nothing'}`,
      );
  }
  return problems;
}

/** The plain text of a card's first quoted block (the retrieved sentences' container, before any other content). */
function firstQuotedText(card: AdaptiveCardJson): string {
  const block = (card.body as Record<string, unknown>[]).find(
    (element) => element.type === 'Container' && element.style === 'accent',
  );
  return block ? squash(cardToText({ ...card, body: [block], actions: [] })) : '';
}
