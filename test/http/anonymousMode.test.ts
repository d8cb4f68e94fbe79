/**
 * Without MicrosoftAppId (local development) anyone on the network could post to /api/messages, so the bot
 * replies only to service URLs on this machine: an activity naming another host is refused before any call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeConnector } from '../support/fakeConnector';
import { startApp, type RunningApp } from '../support/testApp';
import { messageActivity, post } from './messageActivity';

let connector: FakeConnector;
let app: RunningApp;

beforeAll(async () => {
  connector = await new FakeConnector().start();
  app = await startApp();
});

afterAll(async () => {
  await app.close();
  await connector.stop();
});

describe('anonymous local development', () => {
  it('answers an activity from a loopback service URL through the fake connector', async () => {
    const activity = messageActivity(connector.serviceUrl, 'how many incidents does a Gold partner get?');
    expect((await post(app.url, activity)).status).toBe(200);
    const [reply] = await connector.waitFor((activity.conversation as { id: string }).id, 1);
    const card = reply?.attachments?.[0]?.content;
    expect(JSON.stringify(card)).toContain('20');
  });

  it.each(['https://smba.trafficmanager.net/emea/', 'http://10.0.0.5/', 'http://169.254.169.254/latest/'])(
    'refuses to reply to %s',
    async (serviceUrl) => {
      const before = connector.received.length;
      const response = await post(app.url, messageActivity(serviceUrl, 'hello'));
      expect(response.status).toBe(403);
      expect(connector.received.length).toBe(before);
    },
  );
});
