/**
 * Direct Line conversations in the bot's SQLite file (tables of migration 2): they survive restarts, and every
 * process opening the same file sees them. An append takes the next sequence number and stores the activity in
 * one transaction, so two writers never share a number.
 */
import type { SqliteDatabase } from '../../storage/sqliteDatabase';
import { activityId } from '../activityIds';
import {
  UnknownConversationError,
  type DirectLineActivity,
  type DirectLineStore,
  type NewConversation,
  type StoredActivity,
  type StoredConversation,
} from './directLineStore';

interface ConversationRow {
  id: string;
  user_id: string | null;
  created_at: string;
  next_seq: number;
}

export class SqliteDirectLineStore implements DirectLineStore {
  readonly shared = true;
  private readonly insertConversation;
  private readonly selectConversation;
  private readonly selectWatermarks;
  private readonly takeSeq;
  private readonly insertActivity;
  private readonly selectSince;
  private readonly updateActivity;
  private readonly append;
  private readonly deleteInactive;
  private readonly selectClientActivity;
  private readonly selectReply;

  constructor(db: SqliteDatabase) {
    this.insertConversation = db.prepare<[string, string | null, string]>(
      'INSERT INTO directline_conversations (id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    this.selectConversation = db.prepare<[string], ConversationRow>(
      'SELECT id, user_id, created_at, next_seq FROM directline_conversations WHERE id = ?',
    );
    this.selectWatermarks = db.prepare<[string], { id: string; next_seq: number }>(
      'SELECT id, next_seq FROM directline_conversations WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.takeSeq = db.prepare<[string], { seq: number }>(
      'UPDATE directline_conversations SET next_seq = next_seq + 1 WHERE id = ? RETURNING next_seq - 1 AS seq',
    );
    this.insertActivity = db.prepare<[string, number, string]>(
      'INSERT INTO directline_activities (conversation_id, seq, activity) VALUES (?, ?, ?)',
    );
    this.selectSince = db.prepare<[string, number, number], { seq: number; activity: string }>(
      'SELECT seq, activity FROM directline_activities WHERE conversation_id = ? AND seq >= ? ORDER BY seq LIMIT ?',
    );
    this.selectClientActivity = db.prepare<[string, string], { seq: number; activity: string }>(
      "SELECT seq, activity FROM directline_activities WHERE conversation_id = ? AND json_extract(activity, '$.channelData.clientActivityID') = ? ORDER BY seq LIMIT 1",
    );
    this.selectReply = db.prepare<[string, number, string], { found: number }>(
      "SELECT 1 AS found FROM directline_activities WHERE conversation_id = ? AND seq > ? AND json_extract(activity, '$.replyToId') = ? LIMIT 1",
    );
    this.updateActivity = db.prepare<[string, string, number]>(
      'UPDATE directline_activities SET activity = ? WHERE conversation_id = ? AND seq = ?',
    );
    this.append = db.transaction((conversationId: string, json: string): number => {
      const taken = this.takeSeq.get(conversationId);
      if (!taken) throw new UnknownConversationError(conversationId);
      this.insertActivity.run(conversationId, taken.seq, json);
      return taken.seq;
    });
    // The last activity's time is read from the activities themselves (the service stamps each one), so the
    // tables of migration 2 need no column for it.
    const selectInactive = db.prepare<[string], { id: string }>(
      `SELECT c.id FROM directline_conversations c WHERE coalesce(
        (SELECT json_extract(a.activity, '$.timestamp') FROM directline_activities a
          WHERE a.conversation_id = c.id AND json_extract(a.activity, '$.timestamp') IS NOT NULL ORDER BY a.seq DESC LIMIT 1),
        c.created_at) < ?`,
    );
    // Foreign keys are not enforced on this connection (no PRAGMA foreign_keys), so the activities go first.
    const deleteActivities = db.prepare<[string]>('DELETE FROM directline_activities WHERE conversation_id = ?');
    const deleteConversation = db.prepare<[string]>('DELETE FROM directline_conversations WHERE id = ?');
    this.deleteInactive = db.transaction((cutoff: string): string[] => {
      const ids = selectInactive.all(cutoff).map((row) => row.id);
      for (const id of ids) {
        deleteActivities.run(id);
        deleteConversation.run(id);
      }
      return ids;
    });
  }

  async createConversation(conversation: NewConversation): Promise<boolean> {
    return (
      this.insertConversation.run(conversation.id, conversation.userId ?? null, conversation.createdAt).changes === 1
    );
  }

  async getConversation(id: string): Promise<StoredConversation | undefined> {
    const row = this.selectConversation.get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      ...(row.user_id ? { userId: row.user_id } : {}),
      createdAt: row.created_at,
      watermark: row.next_seq,
    };
  }

  async watermarks(ids: readonly string[]): Promise<Map<string, number>> {
    return new Map(this.selectWatermarks.all(JSON.stringify(ids)).map((row) => [row.id, row.next_seq]));
  }

  async appendActivity(conversationId: string, activity: DirectLineActivity): Promise<number> {
    // IMMEDIATE: take the write lock before reading the sequence number, so another process waits instead of failing.
    return this.append.immediate(conversationId, JSON.stringify(activity));
  }

  async activitiesSince(conversationId: string, watermark: number, limit: number): Promise<StoredActivity[]> {
    return this.selectSince
      .all(conversationId, watermark, limit)
      .map((row) => ({ seq: row.seq, activity: JSON.parse(row.activity) as DirectLineActivity }));
  }

  async findClientActivity(
    conversationId: string,
    clientActivityId: string,
  ): Promise<{ stored: StoredActivity; replied: boolean } | undefined> {
    const row = this.selectClientActivity.get(conversationId, clientActivityId);
    if (!row) return undefined;
    const replied = this.selectReply.get(conversationId, row.seq, activityId(conversationId, row.seq)) !== undefined;
    return { stored: { seq: row.seq, activity: JSON.parse(row.activity) as DirectLineActivity }, replied };
  }

  async replaceActivity(conversationId: string, seq: number, activity: DirectLineActivity): Promise<boolean> {
    return this.updateActivity.run(JSON.stringify(activity), conversationId, seq).changes === 1;
  }

  async deleteInactiveBefore(date: Date): Promise<string[]> {
    return this.deleteInactive.immediate(date.toISOString());
  }
}
