/**
 * The conversations of the Direct Line service: creating them, appending activities (stamped with their id and
 * time, then announced to the sockets), reading them back by watermark. Typing activities are live only, as in
 * the real service: pushed to open sockets, never stored, never returned by GET.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { activityId } from './activityIds';
import type { DirectLineActivity, DirectLineStore, StoredActivity, StoredConversation } from './store/directLineStore';

/** Who hears about new activities: the WebSocket streams of this instance. */
export interface ActivityFeed {
  /** New activities were stored in the conversation. */
  published(conversationId: string): void;
  /** An activity for the open sockets only (typing, an update in place), without a watermark. */
  pushLive(conversationId: string, activity: DirectLineActivity): void;
}

export interface ActivityPage {
  activities: DirectLineActivity[];
  watermark: number;
}

export class DirectLineConversations {
  constructor(
    private readonly store: DirectLineStore,
    private readonly feed: ActivityFeed,
    private readonly clock: Clock,
  ) {}

  /** A new conversation id: 24 URL-safe random characters. */
  static newId(): string {
    return randomBytes(18).toString('base64url');
  }

  /** @returns true when this call created the conversation, false when it existed. */
  create(id: string, userId?: string): Promise<boolean> {
    return this.store.createConversation({
      id,
      ...(userId ? { userId } : {}),
      createdAt: new Date(this.clock.now()).toISOString(),
    });
  }

  get(id: string): Promise<StoredConversation | undefined> {
    return this.store.getConversation(id);
  }

  /** Stores an activity (or, for typing, only shows it) and returns it as clients see it, with id and timestamp. */
  async append(conversationId: string, activity: DirectLineActivity): Promise<DirectLineActivity> {
    const { id: _clientId, ...rest } = activity;
    const stamped: DirectLineActivity = { ...rest, timestamp: new Date(this.clock.now()) };
    if (activity.type === 'typing') {
      const live = { ...stamped, id: `${conversationId}|typing-${randomBytes(6).toString('base64url')}` };
      this.feed.pushLive(conversationId, live);
      return live;
    }
    const seq = await this.store.appendActivity(conversationId, stamped);
    this.feed.published(conversationId);
    return withId(conversationId, { seq, activity: stamped });
  }

  /** The activity a client posted with this clientActivityID (as clients see it), and whether the bot replied to it. */
  async findClientActivity(
    conversationId: string,
    clientActivityId: string,
  ): Promise<{ activity: DirectLineActivity; replied: boolean } | undefined> {
    const found = await this.store.findClientActivity(conversationId, clientActivityId);
    return found && { activity: withId(conversationId, found.stored), replied: found.replied };
  }

  /**
   * Replaces a stored activity, keeping its time (clients order by it), and shows the new version on open
   * sockets. @returns false when there is none.
   */
  async replace(conversationId: string, seq: number, activity: DirectLineActivity): Promise<boolean> {
    const [original] = await this.store.activitiesSince(conversationId, seq, 1);
    if (original?.seq !== seq) return false;
    const { id: _id, ...rest } = activity;
    const replacement: DirectLineActivity = {
      ...rest,
      timestamp: original.activity.timestamp ?? new Date(this.clock.now()),
    };
    if (!(await this.store.replaceActivity(conversationId, seq, replacement))) return false;
    this.feed.pushLive(conversationId, withId(conversationId, { seq, activity: replacement }));
    return true;
  }

  /** Up to `limit` activities after the watermark, and the watermark after them. */
  async page(conversationId: string, watermark: number, limit: number): Promise<ActivityPage> {
    const stored = await this.store.activitiesSince(conversationId, watermark, limit);
    const last = stored.at(-1);
    return { activities: stored.map((s) => withId(conversationId, s)), watermark: last ? last.seq + 1 : watermark };
  }
}

/** A stored activity as clients see it: its id comes from its place in the conversation. */
export function withId(conversationId: string, { seq, activity }: StoredActivity): DirectLineActivity {
  return { ...activity, id: activityId(conversationId, seq) };
}
