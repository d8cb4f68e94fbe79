/**
 * Insights events in PostgreSQL (tables `insights_events` and `insights_salt`, migration 30), shared by every
 * instance using the database: each instance appends the events of its turns, and all of them count the same rows.
 */
import type { PostgresDatabase } from '../../storage/postgresDatabase';
import { newSalt } from '../conversationKey';
import type { InsightEvent } from '../insightEvent';
import type { InsightsStore } from './insightsStore';
import { eventOfRow, rowValuesOf, type EventRow } from './eventRow';

export class PostgresInsightsStore implements InsightsStore {
  /** @param db the bot's database (its pool is shared with the state; closing the store leaves it open) */
  constructor(private readonly db: Pick<PostgresDatabase, 'pool'>) {}

  async record(event: InsightEvent): Promise<void> {
    await this.db.pool.query(
      'INSERT INTO insights_events (at, lang, channel, conversation_key, outcome, intent) VALUES ($1, $2, $3, $4, $5, $6)',
      rowValuesOf(event),
    );
  }

  async eventsBetween(from: Date, to: Date): Promise<InsightEvent[]> {
    const { rows } = await this.db.pool.query<EventRow>(
      'SELECT at, lang, channel, conversation_key, outcome, intent FROM insights_events WHERE at >= $1 AND at < $2 ORDER BY at, id',
      [from.toISOString(), to.toISOString()],
    );
    return rows.map(eventOfRow);
  }

  async salt(): Promise<string> {
    // Two instances starting at once both try; the first insert wins and both read its salt.
    await this.db.pool.query('INSERT INTO insights_salt (id, salt) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [
      newSalt(),
    ]);
    const { rows } = await this.db.pool.query<{ salt: string }>('SELECT salt FROM insights_salt WHERE id = 1');
    const salt = rows[0]?.salt;
    if (!salt) throw new Error('insights_salt has no row after inserting one');
    return salt;
  }

  async deleteBefore(date: Date): Promise<number> {
    return (await this.db.pool.query('DELETE FROM insights_events WHERE at < $1', [date.toISOString()])).rowCount ?? 0;
  }

  async close(): Promise<void> {}
}
