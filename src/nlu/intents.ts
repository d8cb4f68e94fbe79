/** The labels the classifier gives a question: the rules' topics and the conversation's own intents. */
import { TOPICS, type Topic } from '../rules/decision';

export const CONVERSATION_INTENTS = ['human_handoff', 'greeting', 'help', 'out_of_scope'] as const;
export const INTENTS = [...TOPICS, ...CONVERSATION_INTENTS] as const;
export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

export function isTopic(intent: Intent): intent is Topic {
  return (TOPICS as readonly string[]).includes(intent);
}
