/**
 * Where Direct Line conversations and their activities live: in the bot's storage, so every instance that
 * shares it serves the same conversations. An activity's place in its conversation is its sequence number
 * (0, 1, …); the watermark after it is seq + 1, and activity ids are derived from it (activityIds.ts).
 */
import type { Activity } from 'botbuilder';

export type DirectLineActivity = Partial<Activity>;

export interface StoredConversation {
  id: string;
  /** The user the conversation was started for, when known. */
  userId?: string;
  createdAt: string;
  /** How many activities it holds: the watermark of everything so far. */
  watermark: number;
}

export interface StoredActivity {
  seq: number;
  activity: DirectLineActivity;
}

export interface NewConversation {
  id: string;
  userId?: string;
  createdAt: string;
}

export interface DirectLineStore {
  /** Whether other processes may write to it as well (their activities then reach this one's sockets by polling). */
  readonly shared: boolean;
  /** Creates the conversation unless it exists. @returns true when this call created it. */
  createConversation(conversation: NewConversation): Promise<boolean>;
  getConversation(id: string): Promise<StoredConversation | undefined>;
  /** The watermarks of several conversations in one read (polled while sockets are open); unknown ids are left out. */
  watermarks(ids: readonly string[]): Promise<Map<string, number>>;
  /** @returns the activity's sequence number. @throws UnknownConversationError */
  appendActivity(conversationId: string, activity: DirectLineActivity): Promise<number>;
  /** Activities with seq >= watermark, oldest first, at most `limit`. */
  activitiesSince(conversationId: string, watermark: number, limit: number): Promise<StoredActivity[]>;
  /**
   * The first activity of the conversation a client posted with this channelData.clientActivityID (a retry of a
   * post that failed is recognised by it), and whether an activity after it replies to it (replyToId).
   */
  findClientActivity(
    conversationId: string,
    clientActivityId: string,
  ): Promise<{ stored: StoredActivity; replied: boolean } | undefined>;
  /** Replaces an activity in place (an update or a deletion by the bot). @returns false when there is none. */
  replaceActivity(conversationId: string, seq: number, activity: DirectLineActivity): Promise<boolean>;
  /**
   * Retention: deletes the conversations, with their activities, whose last activity (the latest `timestamp`
   * of a stored activity, or the creation time while none has one) is before the date.
   * @returns the ids of the conversations deleted
   */
  deleteInactiveBefore(date: Date): Promise<string[]>;
}

/** The channelData.clientActivityID a client gave its activity (Web Chat gives every one), if any. */
export function clientActivityIdOf(activity: DirectLineActivity): string | undefined {
  const id = (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
  return typeof id === 'string' ? id : undefined;
}

/** An activity's `timestamp` (a Date, or the ISO text it is stored as) in ISO form; undefined when it has none. */
export function activityTime(activity: DirectLineActivity): string | undefined {
  const { timestamp } = activity as { timestamp?: unknown };
  const time =
    timestamp instanceof Date ? timestamp.getTime() : typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

export class UnknownConversationError extends Error {
  constructor(readonly conversationId: string) {
    super(`Direct Line conversation ${conversationId} does not exist`);
    this.name = 'UnknownConversationError';
  }
}
