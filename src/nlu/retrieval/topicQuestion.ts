/**
 * Which segments answer a typed question, as the dialogs ask the retriever: for a question about a topic, what
 * its answer leads with; for a question the classifier put out of scope, what the article says anyway.
 */
import type { Lang } from '../../i18n/locales';
import { TOPICS, type Topic } from '../../rules/decision';
import type { Classification } from '../classifier';
import { isEllipsisOn } from '../contextReading';
import { isTopic } from '../intents';
import { RETRIEVAL_SETTINGS } from './retrievalSettings';
import type { RetrievedSegment, Retriever } from './retriever';

/**
 * A command-menu title or a pasted portal message is the topic's own question, a message that asks another topic
 * (a typed answer to the dialog's question, "gold") asks no detail, and neither does one that only names another
 * case of the topic ("and for silver?": the rule's answer for that case is all it asks): none for those.
 */
export function topicQuestionSegments(
  retriever: Retriever,
  text: string,
  classification: Classification,
  topic: Topic,
  lang: Lang,
): RetrievedSegment[] {
  if (classification.by === 'command' || classification.by === 'portal_message' || classification.intent !== topic)
    return [];
  if (isEllipsisOn(text, classification, topic, lang)) return [];
  return retriever.retrieve(text, lang, { topic, ruledOut: ruledOutTopics(classification, topic) });
}

/** When the classifier is sure of `topic`, the other topics it gave less than a runner-up's share of confidence. */
function ruledOutTopics(classification: Classification, topic: Topic): Topic[] {
  if (classification.confidence < RETRIEVAL_SETTINGS.sureTopicConfidence) return [];
  const plausible = new Set(
    classification.alternatives
      .filter((a) => a.confidence >= RETRIEVAL_SETTINGS.runnerUpConfidence)
      .map((a) => a.intent),
  );
  return TOPICS.filter((other) => other !== topic && !plausible.has(other));
}

/**
 * An out-of-scope question: the whole article at the strict threshold, then, when the classifier's runner-up is
 * a topic it found likely enough, that topic's sections first at the topic threshold (measured on the training
 * set's out-of-scope questions: it answers none more of them).
 */
export function outOfScopeSegments(
  retriever: Retriever,
  text: string,
  classification: Classification,
): RetrievedSegment[] {
  const retrieved = retriever.retrieve(text, classification.lang);
  if (retrieved.length) return retrieved;
  const runnerUp = classification.alternatives[0];
  if (!runnerUp || !isTopic(runnerUp.intent) || runnerUp.confidence < RETRIEVAL_SETTINGS.runnerUpConfidence) return [];
  return retriever.retrieve(text, classification.lang, { topic: runnerUp.intent });
}
