/**
 * Reads a message in the conversation's context, before it is taken as a new question: an answer to the
 * question the bot asked (a choice, its place, any fact the topic can use, "I don't know"), or a follow-up on
 * the current topic that names another case ("and gold?", "а для облака?") or corrects a fact ("we're silver").
 */
import type { Lang } from '../i18n/locales';
import { factsReadBy } from '../rules/decide';
import type { Topic } from '../rules/decision';
import { FACT_VALUES, type FactName, type PartnerFacts } from '../rules/facts';
import type { Classification } from './classifier';
import { factAnswer } from './factAnswer';
import { isTopic } from './intents';
import { asksSomething, followUpForm, ordinalOf, saysDontKnow, type FollowUpForm } from './replyWords';

/** What the conversation is about, as the reading needs it. */
export interface TopicContext {
  topic: Topic;
  /** The facts the last answer on the topic rested on. */
  facts: PartnerFacts;
  /** The fact the bot asked for and is waiting on. */
  asked?: FactName;
}

export type Reading =
  /** The pending question answered, maybe with other facts the topic uses, or with those instead. */
  | { kind: 'answer'; facts: PartnerFacts }
  /** "I don't know" to the pending question. */
  | { kind: 'dont_know'; fact: FactName }
  /** The current topic again, for the case these facts make; `hypothetical`: asked about, not said of the partner. */
  | { kind: 'follow_up'; topic: Topic; facts: PartnerFacts; hypothetical: boolean }
  | { kind: 'new' };

/** An ellipsis: at most this many words past its opening ("and what about", "мы"), the value among them. */
const ELLIPTICAL_WORDS = 3;
/** The same, for a message the classifier puts on another topic with OTHER_TOPIC_CONFIDENCE ("cloud platform"). */
const ELLIPTICAL_WORDS_ELSEWHERE = 2;
const OTHER_TOPIC_CONFIDENCE = 0.6;
/**
 * A follow-up with nothing before it ("and gold?", "золото" as a first message) asks what that membership or
 * competency includes: the topic whose rule reads those facts.
 */
const ELLIPTICAL_TOPIC: Topic = 'entitlement';

/**
 * @example readInContext('and what about silver?', classification, { topic: 'entitlement', facts: { membership: 'gold' } }, 'en')
 *   // { kind: 'follow_up', topic: 'entitlement', facts: { membership: 'silver' }, hypothetical: true }
 */
export function readInContext(
  text: string,
  classification: Classification,
  context: TopicContext | undefined,
  lang: Lang,
): Reading {
  if (!context)
    return followUp(text, classification, { topic: ELLIPTICAL_TOPIC, facts: {} }, lang, true) ?? { kind: 'new' };
  if (context.asked) {
    const answer = answerToQuestion(text, classification, context, context.asked, lang);
    if (answer) return answer;
  }
  return followUp(text, classification, context, lang) ?? { kind: 'new' };
}

/**
 * The fact asked, by place, label, answer word or name, with any other fact the topic reads. A statement is
 * an answer ("the contract was linked before", whatever topic the classifier would give it alone); a question
 * that is not on this topic is not, unless it is an ellipsis ("and gold?"): it is asked anew, and the facts
 * it names are remembered there all the same.
 */
function answerToQuestion(
  text: string,
  classification: Classification,
  { topic }: TopicContext,
  asked: FactName,
  lang: Lang,
): Reading | undefined {
  const { entities } = classification;
  if (saysDontKnow(text)) return { kind: 'dont_know', fact: asked };
  if (
    classification.intent !== topic &&
    asksSomething(text) &&
    followUpForm(text).rest.split(' ').length > ELLIPTICAL_WORDS
  )
    return undefined;
  const values = FACT_VALUES[asked] as readonly string[];
  const place = ordinalOf(text);
  const chosen =
    place !== undefined
      ? values[place - 1]
      : (factAnswer(asked, text, entities, lang) ?? factAnswer(asked, followUpForm(text).rest, {}, lang));
  const facts: Record<string, string> = chosen ? { [asked]: chosen } : {};
  for (const fact of factsReadBy(topic)) {
    const named = entities[fact];
    if (named && !facts[fact]) facts[fact] = named;
  }
  return Object.keys(facts).length ? { kind: 'answer', facts } : undefined;
}

/**
 * A message naming a fact the topic reads that is an ellipsis, or a question on the same topic ("what does a
 * silver partner get?" after the Gold answer).
 * @param alone there is no conversation to follow: only an ellipsis is read as one.
 */
function followUp(
  text: string,
  classification: Classification,
  { topic }: TopicContext,
  lang: Lang,
  alone = false,
): Reading | undefined {
  const form = followUpForm(text);
  const facts = factsNamed(classification, form, topic, lang);
  if (!Object.keys(facts).length) return undefined;
  if (!isElliptical(classification, form, topic) && (alone || classification.intent !== topic)) return undefined;
  return { kind: 'follow_up', topic, facts, hypothetical: form.hypothetical && !form.aboutUs };
}

/**
 * Whether a message is an ellipsis on `topic`: it names a case the topic's rule reads and, past its opening
 * words, little more than that ("and for silver?", "а для облака?"). It asks nothing but the topic's answer for
 * that case, so no sentence of the article answers it better.
 * @example isEllipsisOn('and for silver?', classification, 'entitlement', 'en') // true
 */
export function isEllipsisOn(text: string, classification: Classification, topic: Topic, lang: Lang): boolean {
  const form = followUpForm(text);
  return (
    Object.keys(factsNamed(classification, form, topic, lang)).length > 0 && isElliptical(classification, form, topic)
  );
}

/** The facts `topic` reads that a message names: its entities, or else the first its words past the opening give. */
function factsNamed({ entities }: Classification, form: FollowUpForm, topic: Topic, lang: Lang): PartnerFacts {
  const reads = factsReadBy(topic);
  const facts: Record<string, string> = {};
  for (const fact of reads) {
    const named = entities[fact];
    if (named) facts[fact] = named;
  }
  if (Object.keys(facts).length || !form.rest || /^\d+$/.test(form.rest)) return facts;
  for (const fact of reads) {
    const value = factAnswer(fact, form.rest, {}, lang);
    if (value) return { [fact]: value };
  }
  return facts;
}

/**
 * Past its opening words, an ellipsis is little more than the value ("cloud platform", "для облака"); a
 * message the classifier puts on another topic must be even shorter to be one.
 */
function isElliptical(classification: Classification, form: FollowUpForm, topic: Topic): boolean {
  const restWords = form.rest.split(' ').length;
  return restWords <= (isElsewhere(classification, topic) ? ELLIPTICAL_WORDS_ELSEWHERE : ELLIPTICAL_WORDS);
}

/** Whether the classifier puts the message on another topic with confidence. */
function isElsewhere({ intent, confidence }: Pick<Classification, 'intent' | 'confidence'>, topic: Topic): boolean {
  return isTopic(intent) && intent !== topic && confidence >= OTHER_TOPIC_CONFIDENCE;
}
