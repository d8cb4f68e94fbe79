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
import { TICKET_STATUSES, type Ticket, type TicketStatus } from '../triage/tickets/ticket';
import type { InsightEvent, Outcome } from './insightEvent';
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
export function insightsReport(query: InsightsQuery, events: readonly InsightEvent[], tickets: readonly Ticket[], topRejected?: RejectedQuestion[]): InsightsReport {
  const inFilter = events.filter((e) => (!query.lang || e.lang === query.lang) && (!query.channel || e.channel === query.channel));
  const ticketsInFilter = tickets.filter((t) => (!query.lang || t.lang === query.lang) && (!query.channel || ticketChannel(t) === query.channel));
  const days = daysOf(query);
  const byDay = new Map(days.map((day) => [day, { day, answered: 0, clarify: 0, rejected: 0, handoffs: 0 }]));
  for (const event of inFilter) {
    const counts = byDay.get(event.at.slice(0, 10));
    if (!counts) continue;
    if (event.outcome === 'handoff') counts.handoffs++;
    else if (event.outcome === 'answered' || event.outcome === 'clarify' || event.outcome === 'rejected') counts[event.outcome]++;
  }
  const langs = LANGS.filter((lang) => inFilter.some((e) => e.lang === lang) || ticketsInFilter.some((t) => t.lang === lang));
  const channels = [...new Set([...inFilter.map((e) => e.channel), ...ticketsInFilter.map(ticketChannel)])].sort();
  return {
    period: { from: query.from, to: query.to, days: days.length },
    filter: { ...(query.lang ? { lang: query.lang } : {}), ...(query.channel ? { channel: query.channel } : {}) },
    channels: [...new Set([...events.map((e) => e.channel), ...tickets.map(ticketChannel)])].sort(),
    totals: outcomeCounts(inFilter, ticketsInFilter.length),
    tickets: ticketCounts(ticketsInFilter),
    feedback: { helpful: count(inFilter, 'helpful'), notHelpful: count(inFilter, 'not_helpful') },
    byDay: [...byDay.values()],
    byLang: langs.map((lang) => ({ lang, ...outcomeCounts(inFilter.filter((e) => e.lang === lang), ticketsInFilter.filter((t) => t.lang === lang).length) })),
    byChannel: channels.map((channel) => ({
      channel,
      ...outcomeCounts(inFilter.filter((e) => e.channel === channel), ticketsInFilter.filter((t) => ticketChannel(t) === channel).length),
    })),
    feedbackByTopic: feedbackByTopic(inFilter),
    ...(topRejected ? { topRejected } : {}),
  };
}

const count = (events: readonly InsightEvent[], outcome: Outcome) => events.filter((e) => e.outcome === outcome).length;

function outcomeCounts(events: readonly InsightEvent[], tickets: number): OutcomeCounts {
  const conversations = new Map<string, { answered: boolean; handedOff: boolean }>();
  for (const event of events) {
    const seen = conversations.get(event.conversation) ?? { answered: false, handedOff: false };
    if (event.outcome === 'answered') seen.answered = true;
    if (event.outcome === 'handoff') seen.handedOff = true;
    conversations.set(event.conversation, seen);
  }
  const deflected = [...conversations.values()].filter((c) => c.answered && !c.handedOff).length;
  const [answered, clarify, rejected] = [count(events, 'answered'), count(events, 'clarify'), count(events, 'rejected')];
  return {
    conversations: conversations.size,
    questions: answered + clarify + rejected,
    answered,
    clarify,
    rejected,
    handoffs: count(events, 'handoff'),
    deflected,
    deflectionRate: conversations.size ? deflected / conversations.size : null,
    tickets,
  };
}

function ticketCounts(tickets: readonly Ticket[]): TicketCounts {
  const counts = Object.fromEntries(TICKET_STATUSES.map((status) => [status, tickets.filter((t) => t.status === status).length])) as Record<TicketStatus, number>;
  return { ...counts, total: tickets.length };
}

/** Topics with any feedback, the most answered first. */
function feedbackByTopic(events: readonly InsightEvent[]): TopicFeedback[] {
  const topics = new Map<Intent, TopicFeedback>();
  for (const event of events) {
    if ((event.outcome !== 'helpful' && event.outcome !== 'not_helpful') || !event.intent) continue;
    const topic = topics.get(event.intent) ?? { intent: event.intent, helpful: 0, notHelpful: 0 };
    if (event.outcome === 'helpful') topic.helpful++;
    else topic.notHelpful++;
    topics.set(event.intent, topic);
  }
  return [...topics.values()].sort((a, b) => b.helpful + b.notHelpful - (a.helpful + a.notHelpful) || a.intent.localeCompare(b.intent));
}
