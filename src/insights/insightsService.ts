/** Counts the insights of a request from the three stores they come from: events, tickets and review items. */
import type { ReviewStore } from '../review/reviewStore';
import type { TicketStore } from '../tickets/store/ticketStore';
import { periodTimes, type InsightsQuery } from './insightsQuery';
import { insightsReport, type InsightsReport } from './insightsReport';
import type { InsightsStore } from './store/insightsStore';
import { topRejectedQuestions } from './topRejected';

export interface InsightsSources {
  events: Pick<InsightsStore, 'eventsBetween'>;
  tickets: Pick<TicketStore, 'list'>;
  /** Without it the report has no top rejected questions. */
  reviews?: Pick<ReviewStore, 'list'>;
}

export async function countInsights(sources: InsightsSources, query: InsightsQuery): Promise<InsightsReport> {
  const { start, end } = periodTimes(query);
  const [events, tickets, topRejected] = await Promise.all([
    sources.events.eventsBetween(start, end),
    sources.tickets.list({ from: query.from, to: query.to }),
    sources.reviews ? topRejectedQuestions(sources.reviews, query) : Promise.resolve(undefined),
  ]);
  return insightsReport(query, events, tickets, topRejected);
}
