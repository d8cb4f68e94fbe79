/**
 * Direct Line conversations in PostgreSQL (tables of migration 2), next to the bot's state: every instance
 * using the database serves the same conversations. An append is one statement that takes the conversation's
 * next sequence number under its row lock and stores the activity, so appends from several instances get
 * distinct numbers in commit order, and a watermark read never runs ahead of the activities it covers.
 */
import { SEQ_DIGITS } from '../activityIds';
import type { PostgresDatabase } from '../../storage/postgresDatabase';
import { postgresJson } from '../../storage/postgresJson';
import {
  activityTime,
  UnknownConversationError,
  type DirectLineActivity,
  type DirectLineStore,
  type NewConversation,
  type StoredActivity,
  type StoredConversation,
} from './directLineStore';

/** The row lock of UPDATE makes a concurrent append wait until this one commits, then read the new next_seq. */
const APPEND = `WITH taken AS (
    UPDATE directline_conversations SET next_seq = next_seq + 1, active_at = coalesce($3::timestamptz, active_at)
    WHERE id = $1 RETURNING next_seq - 1 AS seq
  )
  INSERT INTO directline_activities (conversation_id, seq, activity) SELECT $1, seq, $2 FROM taken RETURNING seq`;

/** The client's activity ($2: its clientActivityID) and whether a later one replies to it ($3: its id's prefix "<conversation>|"). */
const FIND_CLIENT_ACTIVITY = `WITH found AS (
    SELECT seq, activity FROM directline_activities
    WHERE conversation_id = $1 AND activity::json -> 'channelData' ->> 'clientActivityID' = $2 ORDER BY seq LIMIT 1
  )
  SELECT f.seq, f.activity, EXISTS (
    SELECT 1 FROM directline_activities r
    WHERE r.conversation_id = $1 AND r.seq > f.seq AND r.activity::json ->> 'replyToId' = $3 || lpad(f.seq::text, ${SEQ_DIGITS}, '0')
  ) AS replied FROM found f`;

interface ConversationRow {
  id: string;
  user_id: string | null;
  created_at: Date;
  next_seq: number;
}

export class PostgresDirectLineStore implements DirectLineStore {
  readonly shared = true;

  /** @param db the bot's database (its pool is shared with the other stores; openStorage() closes it) */
  constructor(private readonly db: Pick<PostgresDatabase, 'pool'>) {}

  async createConversation(conversation: NewConversation): Promise<boolean> {
    const { rowCount } = await this.db.pool.query(
      'INSERT INTO directline_conversations (id, user_id, created_at, active_at) VALUES ($1, $2, $3, $3) ON CONFLICT (id) DO NOTHING',
      [conversation.id, conversation.userId ?? null, conversation.createdAt],
    );
    return rowCount === 1;
  }

  async getConversation(id: string): Promise<StoredConversation | undefined> {
    const { rows } = await this.db.pool.query<ConversationRow>(
      'SELECT id, user_id, created_at, next_seq FROM directline_conversations WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      ...(row.user_id ? { userId: row.user_id } : {}),
      createdAt: row.created_at.toISOString(),
      watermark: row.next_seq,
    };
  }

  async watermarks(ids: readonly string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const { rows } = await this.db.pool.query<{ id: string; next_seq: number }>(
      'SELECT id, next_seq FROM directline_conversations WHERE id = ANY($1::text[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.next_seq]));
  }

  async appendActivity(conversationId: string, activity: DirectLineActivity): Promise<number> {
    const { rows } = await this.db.pool.query<{ seq: number }>(APPEND, [
      conversationId,
      postgresJson(activity),
      activityTime(activity) ?? null,
    ]);
    const seq = rows[0]?.seq;
    if (seq === undefined) throw new UnknownConversationError(conversationId);
    return seq;
  }

  async activitiesSince(conversationId: string, watermark: number, limit: number): Promise<StoredActivity[]> {
    const { rows } = await this.db.pool.query<{ seq: number; activity: string }>(
      'SELECT seq, activity FROM directline_activities WHERE conversation_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3',
      [conversationId, watermark, limit],
    );
    return rows.map((row) => ({ seq: row.seq, activity: JSON.parse(row.activity) as DirectLineActivity }));
  }

  async findClientActivity(
    conversationId: string,
    clientActivityId: string,
  ): Promise<{ stored: StoredActivity; replied: boolean } | undefined> {
    const { rows } = await this.db.pool.query<{ seq: number; activity: string; replied: boolean }>(
      FIND_CLIENT_ACTIVITY,
      [conversationId, clientActivityId, `${conversationId}|`],
    );
    const row = rows[0];
    return row
      ? { stored: { seq: row.seq, activity: JSON.parse(row.activity) as DirectLineActivity }, replied: row.replied }
      : undefined;
  }

  async replaceActivity(conversationId: string, seq: number, activity: DirectLineActivity): Promise<boolean> {
    const { rowCount } = await this.db.pool.query(
      'UPDATE directline_activities SET activity = $1 WHERE conversation_id = $2 AND seq = $3',
      [postgresJson(activity), conversationId, seq],
    );
    return rowCount === 1;
  }

  async deleteInactiveBefore(date: Date): Promise<string[]> {
    // The activities go with their conversation (ON DELETE CASCADE).
    const { rows } = await this.db.pool.query<{ id: string }>(
      'DELETE FROM directline_conversations WHERE active_at < $1 RETURNING id',
      [date.toISOString()],
    );
    return rows.map((row) => row.id);
  }
}
