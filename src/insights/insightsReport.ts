/**
 * The insights of a period, counted from what storage holds (the events of the turns and the tickets), so every
 * instance on one database counts the same numbers. One pure function does the counting for every store.
 *
 * - conversations: distinct conversation keys with any event in the period;
 * - questions: turns answered, answered with "did you mean" (clarify) or rejected;
 * - deflected: conversations with an answered question and no hand-off in the period;
 * - tickets: created in the period, by their status now.
 */
import { LANGS, type Lang } from '../i18n/locales';
import type { Intent } from '../nlu/intents';
import { channelLabel } from '../observability/metrics';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from '../tickets/ticket';
import { OUTCOMES, type InsightEvent, type Outcome } from './insightEvent';
import { daysOf, type InsightsQuery } from './insightsQuery';

export interface OutcomeCounts {
  conversations: number;
  questions: number;
  answered: number;
  clarify: number;
  rejected: number;
  handoffs: number;
  /** Conversations with an answered question and no hand-off. */
  deflected: number;
  /** deflected ÷ conversations, or null without conversations. */
  deflectionRate: number | null;
  tickets: number;
}

export interface DayCounts {
  day: string;
  answered: number;
  clarify: number;
  rejected: number;
  handoffs: number;
}

export type TicketCounts = Record<TicketStatus, number> & { total: number };

export interface TopicFeedback {
  intent: Intent;
  helpful: number;
  notHelpful: number;
}

/** A rejected question as the review store keeps it: redacted text and how often it came. */
export interface RejectedQuestion {
  text: string;
  lang: Lang;
  count: number;
}

export interface InsightsReport {
  period: { from: string; to: string; days: number };
  filter: { lang?: Lang; channel?: string };
  /** The channels with anything counted in the period, whatever the filter (the page offers them as filters). */
  channels: string[];
  totals: OutcomeCounts;
  tickets: TicketCounts;
  feedback: { helpful: number; notHelpful: number };
  byDay: DayCounts[];
  byLang: ({ lang: Lang } & OutcomeCounts)[];
  byChannel: ({ channel: string } & OutcomeCounts)[];
  feedbackByTopic: TopicFeedback[];
  /** Most frequent first; undefined when this build keeps no rejected questions. */
  topRejected?: RejectedQuestion[];
}

/** The channel a ticket came from, as the events name channels ("other" once the requester asked to be forgotten). */
export const ticketChannel = (ticket: Ticket): string => channelLabel(ticket.requester?.conversation?.channelId);

/**
 * @param events the period's events (any lang and channel: the filter is applied here)
 * @param tickets the tickets created in the period
 */
export function insightsReport(
  query: InsightsQuery,
  events: readonly InsightEvent[],
  tickets: readonly Ticket[],
  topRejected?: RejectedQuestion[],
): InsightsReport {
  const ticketsInFilter = tickets.filter(
    (t) => (!query.lang || t.lang === query.lang) && (!query.channel || ticketChannel(t) === query.channel),
  );
  const days = daysOf(query);
  const byDay = new Map(days.map((day) => [day, { day, answered: 0, clarify: 0, rejected: 0, handoffs: 0 }]));
  // One pass over the events: each is added to the totals, its language's and its channel's tallies.
  const totals = new Tally();
  const langs = new Map<Lang, Tally>();
  const channels = new Map<string, Tally>();
  const topics = new Map<Intent, TopicFeedback>();
  for (const event of events) {
    if ((query.lang && event.lang !== query.lang) || (query.channel && event.channel !== query.channel)) continue;
    totals.add(event);
    tallyOf(langs, event.lang).add(event);
    tallyOf(channels, event.channel).add(event);
    const counts = byDay.get(event.at.slice(0, 10));
    if (counts && event.outcome === 'handoff') counts.handoffs++;
    else if (counts && (event.outcome === 'answered' || event.outcome === 'clarify' || event.outcome === 'rejected'))
      counts[event.outcome]++;
    if ((event.outcome === 'helpful' || event.outcome === 'not_helpful') && event.intent) {
      const topic = topics.get(event.intent) ?? { intent: event.intent, helpful: 0, notHelpful: 0 };
      if (event.outcome === 'helpful') topic.helpful++;
      else topic.notHelpful++;
      topics.set(event.intent, topic);
    }
  }
  for (const ticket of ticketsInFilter) {
    tallyOf(langs, ticket.lang).tickets++;
    tallyOf(channels, ticketChannel(ticket)).tickets++;
  }
  return {
    period: { from: query.from, to: query.to, days: days.length },
    filter: { ...(query.lang ? { lang: query.lang } : {}), ...(query.channel ? { channel: query.channel } : {}) },
    channels: [...new Set([...events.map((e) => e.channel), ...tickets.map(ticketChannel)])].sort(),
    totals: totals.counts(ticketsInFilter.length),
    tickets: ticketCounts(ticketsInFilter),
    feedback: { helpful: totals.outcomes.helpful, notHelpful: totals.outcomes.not_helpful },
    byDay: [...byDay.values()],
    byLang: LANGS.filter((lang) => langs.has(lang)).map((lang) => ({ lang, ...(langs.get(lang) as Tally).counts() })),
    byChannel: [...channels.keys()]
      .sort()
      .map((channel) => ({ channel, ...(channels.get(channel) as Tally).counts() })),
    // Topics with any feedback, the most answered first.
    feedbackByTopic: [...topics.values()].sort(
      (a, b) => b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || a.intent.localeCompare(b.intent),
    ),
    ...(topRejected ? { topRejected } : {}),
  };
}

/** The counts of one group of events (all of them, a language's, a channel's), added to one event at a time. */
class Tally {
  readonly outcomes = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  /** Per conversation key: bit 1 answered, bit 2 handed off. */
  private readonly conversations = new Map<string, number>();
  tickets = 0;

  add(event: InsightEvent): void {
    this.outcomes[event.outcome]++;
    const flags = this.conversations.get(event.conversation) ?? 0;
    this.conversations.set(
      event.conversation,
      flags | (event.outcome === 'answered' ? 1 : 0) | (event.outcome === 'handoff' ? 2 : 0),
    );
  }

  counts(tickets = this.tickets): OutcomeCounts {
    let deflected = 0;
    for (const flags of this.conversations.values()) if (flags === 1) deflected++;
    const { answered, clarify, rejected, handoff } = this.outcomes;
    const conversations = this.conversations.size;
    return {
      conversations,
      questions: answered + clarify + rejected,
      answered,
      clarify,
      rejected,
      handoffs: handoff,
      deflected,
      deflectionRate: conversations ? deflected / conversations : null,
      tickets,
    };
  }
}

function tallyOf<K>(tallies: Map<K, Tally>, key: K): Tally {
  let tally = tallies.get(key);
  if (!tally) tallies.set(key, (tally = new Tally()));
  return tally;
}

function ticketCounts(tickets: readonly Ticket[]): TicketCounts {
  const counts = Object.fromEntries(
    TICKET_STATUSES.map((status) => [status, tickets.filter((t) => t.status === status).length]),
  ) as Record<TicketStatus, number>;
  return { ...counts, total: tickets.length };
}
