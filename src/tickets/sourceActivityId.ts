/** The key that makes ticket creation idempotent: the incoming activity, unique per channel and conversation. */
import type { Activity } from 'botbuilder';

export function sourceActivityId(activity: Pick<Activity, 'channelId' | 'conversation' | 'id'>): string {
  return `${activity.channelId}:${activity.conversation.id}:${activity.id ?? ''}`;
}
