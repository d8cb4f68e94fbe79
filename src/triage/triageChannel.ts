/**
 * The support team's triage channel: the Teams channel where someone said "triage here". Tickets are posted
 * there. One per bot; saying it in another channel moves it.
 */
import type { ConversationReference, Storage } from 'botbuilder';
import type { Lang } from '../i18n/locales';

export interface TriageChannel {
  reference: Partial<ConversationReference>;
  /** The language the team spoke when it set the channel: tickets are posted in it. */
  lang: Lang;
  setAt: string;
}

const KEY = 'triage/channel';

export class TriageChannels {
  constructor(private readonly storage: Storage) {}

  async get(): Promise<TriageChannel | undefined> {
    const items = await this.storage.read([KEY]);
    return items[KEY] as TriageChannel | undefined;
  }

  async set(channel: Omit<TriageChannel, 'setAt'>): Promise<void> {
    await this.storage.write({ [KEY]: { ...channel, setAt: new Date().toISOString(), eTag: '*' } });
  }

  /** The bot was removed from the channel: forget it, so tickets stop being sent there. */
  async clear(): Promise<void> {
    await this.storage.delete([KEY]);
  }
}
