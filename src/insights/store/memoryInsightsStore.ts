/** Insights events in this process's memory (STORAGE_URL=memory:, tests). */
import { newSalt } from '../conversationKey';
import type { InsightEvent } from '../insightEvent';
import type { InsightsStore } from './insightsStore';

export class MemoryInsightsStore implements InsightsStore {
  private events: InsightEvent[] = [];
  private readonly key = newSalt();

  async record(event: InsightEvent): Promise<void> {
    this.events.push({ ...event });
  }

  async eventsBetween(from: Date, to: Date): Promise<InsightEvent[]> {
    const [start, end] = [from.getTime(), to.getTime()];
    return this.events
      .filter((event) => Date.parse(event.at) >= start && Date.parse(event.at) < end)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .map((event) => ({ ...event }));
  }

  async salt(): Promise<string> {
    return this.key;
  }

  async deleteBefore(date: Date): Promise<number> {
    const before = this.events.length;
    this.events = this.events.filter((event) => Date.parse(event.at) >= date.getTime());
    return before - this.events.length;
  }

  async close(): Promise<void> {}
}
