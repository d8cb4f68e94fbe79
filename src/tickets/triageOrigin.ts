/**
 * Where an activity comes from, as the triage rules read it: the Bot Framework channel, the kind of Teams
 * conversation, the conversation without its thread (`19:…@thread.tacv2;messageid=…` → `19:…@thread.tacv2`),
 * and the team Teams names in `channelData.team.id` on a channel's activities.
 */
import type { Activity } from 'botbuilder';

export const TEAMS_CHANNEL_ID = 'msteams';

export interface TriageOrigin {
  channelId: string;
  conversationType: string | undefined;
  /** The channel's conversation, a thread's suffix removed. */
  conversationId: string;
  teamId: string | undefined;
}

/** @example triageOriginOf(invoke) // { channelId: 'msteams', conversationType: 'channel', conversationId: '19:triage@thread.tacv2', teamId: '19:general@thread.tacv2' } */
export function triageOriginOf(activity: Partial<Activity>): TriageOrigin {
  const team: unknown = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  return {
    channelId: activity.channelId ?? '',
    conversationType: activity.conversation?.conversationType,
    conversationId: channelConversationId(activity.conversation?.id ?? ''),
    teamId: typeof team === 'string' && team ? team : undefined,
  };
}

/** A Teams channel conversation id without the thread a message was posted in. */
export function channelConversationId(id: string): string {
  return id.split(';')[0] ?? '';
}
