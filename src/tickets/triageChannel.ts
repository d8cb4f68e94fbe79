/**
 * The support team's triage channel: the Teams channel where someone said "triage here". Tickets are posted
 * there. One per bot. Tickets carry partner data, so the channel belongs to one team, the triage team:
 * TRIAGE_TEAM_ID when configured, else the first team that said "triage here" (remembered apart from the
 * channel, so it outlives the bot's removal from it). Only a channel of the triage team may become the triage
 * channel (so the team may move it among its channels), and only the triage team may act on tickets.
 */
import type { ConversationReference, Storage } from 'botbuilder';
import type { Lang } from '../i18n/locales';
import { TEAMS_CHANNEL_ID, channelConversationId, type TriageOrigin } from './triageOrigin';

export interface TriageChannel {
  reference: Partial<ConversationReference>;
  /** The language the team spoke when it set the channel: tickets are posted in it. */
  lang: Lang;
  /** The team of the channel (Teams' `channelData.team.id`); absent on channels set before teams were kept. */
  teamId?: string;
  setAt: string;
}

/** The team that owns triage, once one has claimed it. */
interface TriageTeam {
  id: string;
  setAt: string;
}

const KEY = 'triage/channel';
const TEAM_KEY = 'triage/team';

export class TriageChannels {
  /** @param configuredTeamId TRIAGE_TEAM_ID: the only team that may hold the triage channel and act on tickets. */
  constructor(
    private readonly storage: Storage,
    private readonly configuredTeamId?: string,
  ) {}

  /** The triage channel; with TRIAGE_TEAM_ID, none while the channel kept is another team's (set before it was configured). */
  async get(): Promise<TriageChannel | undefined> {
    const items = await this.storage.read([KEY]);
    const channel = items[KEY] as TriageChannel | undefined;
    return this.configuredTeamId && channel?.teamId !== this.configuredTeamId ? undefined : channel;
  }

  /** Writes the channel as given; "triage here" goes through `claim`, which checks who says it. */
  async set(channel: Omit<TriageChannel, 'setAt'>): Promise<void> {
    await this.storage.write({ [KEY]: { ...channel, setAt: new Date().toISOString(), eTag: '*' } });
  }

  /**
   * "triage here": makes the channel the triage channel when its team is the triage team (the first team to
   * claim it becomes the triage team). A channel kept from before teams were remembered is moved only from
   * itself. @returns false when refused (nothing changes).
   */
  async claim(channel: Omit<TriageChannel, 'setAt'>): Promise<boolean> {
    const owner = await this.team();
    if (owner !== undefined) {
      if (channel.teamId !== owner) return false;
    } else {
      const current = await this.get();
      if (
        current &&
        channelConversationId(current.reference.conversation?.id ?? '') !==
          channelConversationId(channel.reference.conversation?.id ?? '')
      )
        return false;
      if (channel.teamId) {
        await this.storage.write({
          [TEAM_KEY]: { id: channel.teamId, setAt: new Date().toISOString(), eTag: '*' } satisfies TriageTeam & {
            eTag: string;
          },
        });
        // Two teams claiming at once: the one whose write stayed wins, the other is refused.
        if ((await this.team()) !== channel.teamId) return false;
      }
    }
    await this.set(channel);
    return true;
  }

  /** The triage team: TRIAGE_TEAM_ID, else the team that claimed the channel first; undefined before any. */
  async team(): Promise<string | undefined> {
    if (this.configuredTeamId) return this.configuredTeamId;
    const items = await this.storage.read([TEAM_KEY]);
    return (items[TEAM_KEY] as TriageTeam | undefined)?.id;
  }

  /**
   * Whether an action on a ticket may come from there: a Teams channel of the triage team; while no team is
   * known (a channel kept from before), the triage channel itself. Never web chat or any other channel.
   */
  async admits(origin: TriageOrigin): Promise<boolean> {
    if (origin.channelId !== TEAMS_CHANNEL_ID || origin.conversationType !== 'channel') return false;
    const owner = await this.team();
    if (owner !== undefined) return origin.teamId === owner;
    const current = await this.get();
    return (
      current !== undefined && channelConversationId(current.reference.conversation?.id ?? '') === origin.conversationId
    );
  }

  /** The bot was removed from the channel: forget it, so tickets stop being sent there (the triage team stays). */
  async clear(): Promise<void> {
    await this.storage.delete([KEY]);
  }
}
