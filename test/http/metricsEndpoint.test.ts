/** GET /metrics: Prometheus text of the bot's own metrics; open to this machine, or behind METRICS_TOKEN. */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeConnector } from '../support/fakeConnector';
import { startApp, type RunningApp } from '../support/testApp';
import { messageActivity, post } from './messageActivity';

let app: RunningApp | undefined;
let connector: FakeConnector | undefined;

afterEach(async () => {
  await app?.close();
  await connector?.stop();
  app = undefined;
  connector = undefined;
});

describe('/metrics', () => {
  it('counts turns by channel and intent, confidence and latency, after a conversation', async () => {
    connector = await new FakeConnector().start();
    app = await startApp();
    const activity = messageActivity(connector.serviceUrl, 'how many incidents does a Gold partner get?');
    expect((await post(app.url, activity)).status).toBe(200);
    expect((await post(app.url, messageActivity(connector.serviceUrl, 'what is the weather in Lisbon tomorrow?'))).status).toBe(200);
    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/bot_turns_total\{channel="msteams",intent="entitlement"\} 1/);
    expect(text).toMatch(/bot_classification_confidence_count 2/);
    expect(text).toMatch(/bot_turn_duration_seconds_count\{channel="msteams"\} 2/);
    expect(text).toMatch(/bot_fallbacks_total\{kind="(out_of_scope|clarify)"\} 1/);
    for (const name of ['bot_handoffs_total', 'directline_websocket_connections', 'bot_storage_errors_total', 'process_resident_memory_bytes']) {
      expect(text).toContain(name);
    }
    // A label is a closed set: nothing the user typed becomes one.
    expect(text).not.toContain('Lisbon');
  });

  it('with METRICS_TOKEN, answers 401 without the token and 200 with it', async () => {
    const token = 'metrics-token-0123456789';
    app = await startApp({ env: { METRICS_TOKEN: token } });
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
