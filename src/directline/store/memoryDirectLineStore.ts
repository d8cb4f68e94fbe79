/** Direct Line conversations in process memory (`STORAGE_URL=memory:`): one instance, gone at restart. */
import { activityId } from '../activityIds';
import {
  activityTime,
  clientActivityIdOf,
  UnknownConversationError,
  type DirectLineActivity,
  type DirectLineStore,
  type NewConversation,
  type StoredActivity,
  type StoredConversation,
} from './directLineStore';

interface MemoryConversation {
  id: string;
  userId?: string;
  createdAt: string;
  /** The time of the last activity that had one, or the creation time. */
  activeAt: string;
  activities: string[];
}

export class MemoryDirectLineStore implements DirectLineStore {
  readonly shared = false;
  private readonly conversations = new Map<string, MemoryConversation>();

  async createConversation(conversation: NewConversation): Promise<boolean> {
    if (this.conversations.has(conversation.id)) return false;
    this.conversations.set(conversation.id, { ...conversation, activeAt: conversation.createdAt, activities: [] });
    return true;
  }

  async getConversation(id: string): Promise<StoredConversation | undefined> {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    const { activities, activeAt: _activeAt, ...rest } = conversation;
    return { ...rest, watermark: activities.length };
  }

  async watermarks(ids: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const id of ids) {
      const conversation = this.conversations.get(id);
      if (conversation) found.set(id, conversation.activities.length);
    }
    return found;
  }

  async appendActivity(conversationId: string, activity: DirectLineActivity): Promise<number> {
    const conversation = this.existing(conversationId);
    conversation.activeAt = activityTime(activity) ?? conversation.activeAt;
    // Kept as JSON so a caller's later change to its object never alters what was stored (as with SQLite).
    return conversation.activities.push(JSON.stringify(activity)) - 1;
  }

  async activitiesSince(conversationId: string, watermark: number, limit: number): Promise<StoredActivity[]> {
    const activities = this.conversations.get(conversationId)?.activities ?? [];
    return activities
      .slice(watermark, watermark + limit)
      .map((json, index) => ({ seq: watermark + index, activity: JSON.parse(json) as DirectLineActivity }));
  }

  async findClientActivity(
    conversationId: string,
    clientActivityId: string,
  ): Promise<{ stored: StoredActivity; replied: boolean } | undefined> {
    const activities = (this.conversations.get(conversationId)?.activities ?? []).map(
      (json) => JSON.parse(json) as DirectLineActivity,
    );
    const seq = activities.findIndex((activity) => clientActivityIdOf(activity) === clientActivityId);
    if (seq < 0) return undefined;
    const id = activityId(conversationId, seq);
    return {
      stored: { seq, activity: activities[seq] as DirectLineActivity },
      replied: activities.slice(seq + 1).some((activity) => activity.replyToId === id),
    };
  }

  async replaceActivity(conversationId: string, seq: number, activity: DirectLineActivity): Promise<boolean> {
    const conversation = this.conversations.get(conversationId);
    if (!conversation || seq < 0 || seq >= conversation.activities.length) return false;
    conversation.activities[seq] = JSON.stringify(activity);
    return true;
  }

  async deleteInactiveBefore(date: Date): Promise<string[]> {
    const cutoff = date.toISOString();
    const inactive = [...this.conversations.values()].filter((c) => c.activeAt < cutoff).map((c) => c.id);
    for (const id of inactive) this.conversations.delete(id);
    return inactive;
  }

  private existing(id: string): MemoryConversation {
    const conversation = this.conversations.get(id);
    if (!conversation) throw new UnknownConversationError(id);
    return conversation;
  }
}
