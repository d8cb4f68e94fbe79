/** Insights events in the embedded SQLite database (tables `insights_events` and `insights_salt`, migration 30). */
import type { SqliteDatabase } from '../../storage/sqliteDatabase';
import { newSalt } from '../conversationKey';
import type { InsightEvent } from '../insightEvent';
import type { InsightsStore } from './insightsStore';
import { eventOfRow, rowValuesOf, type EventRow } from './eventRow';

export class SqliteInsightsStore implements InsightsStore {
  constructor(private readonly db: SqliteDatabase) {}

  async record(event: InsightEvent): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO insights_events (at, lang, channel, conversation_key, outcome, intent) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(...rowValuesOf(event));
  }

  async eventsBetween(from: Date, to: Date): Promise<InsightEvent[]> {
    return this.db
      .prepare<[string, string], EventRow>(
        'SELECT at, lang, channel, conversation_key, outcome, intent FROM insights_events WHERE at >= ? AND at < ? ORDER BY at, id',
      )
      .all(from.toISOString(), to.toISOString())
      .map(eventOfRow);
  }

  async salt(): Promise<string> {
    this.db.prepare('INSERT OR IGNORE INTO insights_salt (id, salt) VALUES (1, ?)').run(newSalt());
    return (
      this.db.prepare<[], { salt: string }>('SELECT salt FROM insights_salt WHERE id = 1').get() as { salt: string }
    ).salt;
  }

  async deleteBefore(date: Date): Promise<number> {
    return this.db.prepare('DELETE FROM insights_events WHERE at < ?').run(date.toISOString()).changes;
  }

  async close(): Promise<void> {}
}
