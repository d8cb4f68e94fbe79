/**
 * The fake Bot Framework connector as most tests read it: the activities the bot posted to each conversation
 * (replies and proactive messages), in order. The server is FakeTeamsConnector's (which also records in-place
 * updates for Universal Actions); this adds the simpler reading.
 */
import { FakeTeamsConnector, type ConnectorActivity } from './fakeTeamsConnector';

export interface ReceivedActivity {
  conversationId: string;
  activity: ConnectorActivity;
}

export class FakeConnector extends FakeTeamsConnector {
  /** Every activity posted, in order. */
  get received(): ReceivedActivity[] {
    return this.requests
      .filter((r) => r.method === 'POST')
      .map(({ conversationId, activity }) => ({ conversationId, activity }));
  }

  /** The activities posted to one conversation, in order. */
  activitiesOf(conversationId: string): ConnectorActivity[] {
    return this.posted(conversationId).map((r) => r.activity);
  }

  /** Waits until `count` activities arrived for the conversation (or fails after `timeoutMs`). */
  async waitFor(conversationId: string, count: number, timeoutMs = 10_000): Promise<ConnectorActivity[]> {
    return (await this.waitForPosts(conversationId, count, timeoutMs)).map((r) => r.activity);
  }
}
