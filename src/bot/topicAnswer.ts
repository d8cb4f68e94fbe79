/**
 * Answers on a topic for what is known (the partner's remembered facts, with a follow-up's in their place),
 * or asks for the fact still missing, and records it as the conversation's context. The card leads with the
 * sentences that answer the typed question when it is one about this topic. "I don't know" gets what each
 * case would mean.
 */
import type { TurnContext } from 'botbuilder';
import { decisionView } from '../../cards/views/decisionView';
import { decide } from '../rules/decide';
import type { Decision, Topic } from '../rules/decision';
import { FACT_NAMES, FACT_VALUES, type FactName, type PartnerFacts } from '../rules/facts';
import { articleRetriever, topicQuestionSegments, type RetrievedSegment } from '../nlu/retrieval';
import type { QuestionPart } from '../nlu/splitQuestions';
import type { BotStateAccessors } from './botState';
import { recordDecision } from './conversationContext';
import { sendString, sendView } from './send';
import { turnOf } from './turn';

/** How a topic's answer is given, besides the partner's remembered facts. */
export interface TopicAnswerOptions {
  /** Facts that hold for this answer only: a hypothetical ("what about gold?") or the facts in play. */
  assume?: PartnerFacts;
  /** The part of the message this answers, when the message asked several things. */
  question?: QuestionPart;
  /** The sentences a detail question on this topic retrieved ("which link is it?"), to lead the answer. */
  detail?: RetrievedSegment[];
}

export async function sendTopicDecision(
  context: TurnContext,
  state: BotStateAccessors,
  topic: Topic,
  { assume = {}, question, detail }: TopicAnswerOptions = {},
): Promise<Decision> {
  const { lang, at, input: said } = turnOf(context);
  const input = question ? { kind: 'text' as const, ...question } : said;
  const { facts: own } = await state.profile.get(context, { facts: {} });
  const facts = { ...own, ...assume };
  const decision = decide(topic, facts);
  const retrieved =
    detail ??
    (input.kind === 'text'
      ? topicQuestionSegments(articleRetriever(), input.text, input.classification, topic, lang)
      : []);
  const supposed = FACT_NAMES.filter((fact) => assume[fact] !== undefined && assume[fact] !== own[fact]);
  await sendView(context, decisionView(decision, facts, lang, retrieved, supposed));
  await recordDecision(
    context,
    state,
    decision,
    facts,
    at,
    retrieved.map((r) => r.segment),
  );
  return decision;
}

/**
 * "I don't know" to the question for `fact`: what each of its values would mean, one answer per value that
 * decides the topic (a value that would need yet another fact is left out), after a lead-in. The question is
 * no longer pending and nothing is remembered. Returns whether any case could be answered.
 */
export async function sendEachCase(
  context: TurnContext,
  state: BotStateAccessors,
  topic: Topic,
  fact: FactName,
  assume: PartnerFacts = {},
): Promise<boolean> {
  const { lang, at } = turnOf(context);
  const { facts: own } = await state.profile.get(context, { facts: {} });
  const facts = { ...own, ...assume };
  const cases = (FACT_VALUES[fact] as readonly string[])
    .map((value) => ({ ...facts, [fact]: value }))
    .map((each) => ({ facts: each, decision: decide(topic, each) }))
    .filter(({ decision }) => !decision.ask);
  if (!cases.length) return false;
  await sendString(context, lang, 'conversation.dont_know');
  for (const each of cases) await sendView(context, decisionView(each.decision, each.facts, lang));
  const { ask: _ask, ...undecided } = decide(topic, facts);
  await recordDecision(context, state, undecided, facts, at);
  return true;
}
