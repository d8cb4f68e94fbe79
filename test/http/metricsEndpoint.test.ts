/**
 * GET /metrics: Prometheus text of the bot's own metrics; open to this machine (never to what a reverse proxy on
 * it forwards), or behind METRICS_TOKEN, which TRUST_PROXY requires.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/config';
import { ConfigError } from '../../src/config/configError';
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
    expect(
      (await post(app.url, messageActivity(connector.serviceUrl, 'what is the weather in Lisbon tomorrow?'))).status,
    ).toBe(200);
    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/bot_turns_total\{channel="msteams",intent="entitlement"\} 1/);
    expect(text).toMatch(/bot_classification_confidence_count 2/);
    expect(text).toMatch(/bot_turn_duration_seconds_count\{channel="msteams"\} 2/);
    expect(text).toMatch(/bot_fallbacks_total\{kind="(out_of_scope|clarify)"\} 1/);
    for (const name of [
      'bot_handoffs_total',
      'directline_websocket_connections',
      'bot_storage_errors_total',
      'process_resident_memory_bytes',
    ]) {
      expect(text).toContain(name);
    }
    // A label is a closed set: nothing the user typed becomes one.
    expect(text).not.toContain('Lisbon');
  });

  it('with METRICS_TOKEN, answers 401 without the token and 200 with it', async () => {
    const token = 'metrics-token-0123456789';
    app = await startApp({ env: { METRICS_TOKEN: token } });
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
    ).toBe(401);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('without METRICS_TOKEN, refuses (403) a loopback request a proxy forwarded: any forwarding header', async () => {
    app = await startApp();
    const forwarded: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.5' },
      { forwarded: 'for=203.0.113.5;proto=https' },
      { 'x-real-ip': '203.0.113.5' },
      { 'x-forwarded-host': 'bot.example.com' },
      { 'x-forwarded-proto': 'https' },
      { via: '1.1 nginx' },
    ];
    for (const headers of forwarded) {
      const response = await fetch(`${app.url}/metrics`, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).not.toContain('bot_turns_total');
    }
    expect((await fetch(`${app.url}/metrics`)).status).toBe(200);
  });

  it('refuses to start with TRUST_PROXY on and no METRICS_TOKEN; with both, the token opens /metrics through the proxy', async () => {
    for (const trustProxy of ['true', '2']) {
      expect(() => readConfig({ TRUST_PROXY: trustProxy }), trustProxy).toThrow(ConfigError);
      expect(() => readConfig({ TRUST_PROXY: trustProxy }), trustProxy).toThrow(/METRICS_TOKEN/);
    }
    const token = 'metrics-token-0123456789';
    app = await startApp({ env: { TRUST_PROXY: 'true', METRICS_TOKEN: token } });
    const headers = { 'x-forwarded-for': '203.0.113.5' };
    expect((await fetch(`${app.url}/metrics`, { headers })).status).toBe(401);
    expect(
      (await fetch(`${app.url}/metrics`, { headers: { ...headers, authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });
});
