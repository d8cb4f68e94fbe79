/**
 * When a typed message is a question about a topic, the segments that answer it: what a topic's answer leads
 * with. A command-menu title or a pasted portal message is the topic's own question, and a message that asks
 * another topic (a typed answer to the dialog's question, "gold") asks no detail: none for those.
 */
import type { Lang } from '../../i18n/locales';
import type { Topic } from '../../rules/decision';
import type { Classification } from '../classifier';
import type { RetrievedSegment, Retriever } from './retriever';

export function topicQuestionSegments(retriever: Retriever, text: string, classification: Classification, topic: Topic, lang: Lang): RetrievedSegment[] {
  if (classification.by === 'command' || classification.by === 'portal_message' || classification.intent !== topic) return [];
  return retriever.retrieve(text, lang, { topic });
}
