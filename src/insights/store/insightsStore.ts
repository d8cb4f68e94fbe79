/** Where the insights' events live: one interface, with memory, SQLite and PostgreSQL behind it. */
import type { InsightEvent } from '../insightEvent';

export interface InsightsStore {
  record(event: InsightEvent): Promise<void>;
  /** The events from `from` (inclusive) to `to` (exclusive), oldest first. */
  eventsBetween(from: Date, to: Date): Promise<InsightEvent[]>;
  /** The salt conversation keys are made with: made once, then the same for every handle on this storage. */
  salt(): Promise<string>;
  /** Retention: deletes the events before the date; returns how many. */
  deleteBefore(date: Date): Promise<number>;
  close(): Promise<void>;
}
