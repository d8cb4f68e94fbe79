/**
 * Two instances of the bot on one PostgreSQL schema (each its own pools, as two processes would have) show the
 * same insights: a conversation whose turns alternate between them counts once (the salt of the conversation
 * keys is one, in the database), and each instance counts what the other recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app';
import type { InsightsReport } from '../../src/insights/insightsReport';
import { messageActivity, post } from '../http/messageActivity';
import { FakeConnector } from '../support/fakeConnector';
import { useTestSchema } from '../support/postgres';
import { startApp } from '../support/testApp';

const KEY = 'insights-two-instances-key-0123';
const schema = useTestSchema('insights_two');

describe('insights of two instances on one PostgreSQL', () => {
  let connector: FakeConnector;
  const apps: { app: App; url: string }[] = [];

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    for (let i = 0; i < 2; i++) {
      const app = await startApp({
        env: { STORAGE_URL: schema().url, TICKETS_API_KEY: KEY, RATE_LIMIT: 'off' },
        storageFromUrl: true,
      });
      apps.push({ app, url: app.url });
    }
  }, 60_000);
  afterAll(async () => {
    for (const { app } of apps) await app.close();
    await connector?.stop();
  });

  const say = async (instance: number, conversationId: string, text: string) => {
    const activity = messageActivity(connector.serviceUrl, text, {
      conversation: { id: conversationId, conversationType: 'personal' },
      from: { id: `${conversationId}-user`, name: 'Partner' },
    });
    expect((await post(apps[instance]!.url, activity)).status).toBe(200);
  };
  const insightsOf = async (instance: number): Promise<InsightsReport> => {
    const response = await fetch(`${apps[instance]!.url}/api/insights`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as InsightsReport;
  };

  it('count the same numbers, a conversation that moved between them once', async () => {
    // One conversation, its turns alternating: a miss on the first instance, an answer on the second.
    await say(0, 'moving', "What's the weather in Paris tomorrow?");
    await say(1, 'moving', 'Which paid support plans are there for partners?');
    // Another conversation on the second instance only.
    await say(1, 'staying', 'How many support incidents does a Gold partner get?');

    const [first, second] = [await insightsOf(0), await insightsOf(1)];
    expect(second).toEqual(first);
    expect(first.totals).toMatchObject({ conversations: 2, questions: 3, answered: 2, rejected: 1, deflected: 2 });
  });
});
