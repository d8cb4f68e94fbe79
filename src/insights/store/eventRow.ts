/** An insights event as the SQL stores return it, and back to an InsightEvent. */
import type { Lang } from '../../i18n/locales';
import type { Intent } from '../../nlu/intents';
import type { InsightEvent, Outcome } from '../insightEvent';

export interface EventRow {
  at: string | Date;
  lang: string;
  channel: string;
  conversation_key: string;
  outcome: string;
  intent: string | null;
}

export function eventOfRow(row: EventRow): InsightEvent {
  return {
    at: new Date(row.at).toISOString(),
    lang: row.lang as Lang,
    channel: row.channel,
    conversation: row.conversation_key,
    outcome: row.outcome as Outcome,
    ...(row.intent ? { intent: row.intent as Intent } : {}),
  };
}
