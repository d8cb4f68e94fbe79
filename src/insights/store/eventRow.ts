/** An insights event as a row of `insights_events`: the values the SQL stores write, and a row read back as an InsightEvent. */
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

/** The values an INSERT writes, in the column order at, lang, channel, conversation_key, outcome, intent. */
export function rowValuesOf(event: InsightEvent): [string, string, string, string, string, string | null] {
  return [
    new Date(event.at).toISOString(),
    event.lang,
    event.channel,
    event.conversation,
    event.outcome,
    event.intent ?? null,
  ];
}
