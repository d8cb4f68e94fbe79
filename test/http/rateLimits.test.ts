/**
 * Every public route is limited per client address (429 with Retry-After), /api/messages also per user; the
 * health routes never are; RATE_LIMIT=off switches both off (benchmarks).
 */
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

async function statuses(count: number, request: () => Promise<Response | { status: number }>): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await request()).status);
  return result;
}

describe('rate limits', () => {
  it('answers 429 with Retry-After past the per-address burst of a public route', async () => {
    app = await startApp({ env: { RATE_LIMIT_IP_PER_SECOND: '0.5', RATE_LIMIT_IP_BURST: '3' } });
    const seen = await statuses(5, () => fetch(`${app!.url}/embed.js`));
    expect(seen.slice(0, 3)).toEqual([200, 200, 200]);
    const refused = await fetch(`${app.url}/embed.js`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('never limits /healthz and /readyz', async () => {
    app = await startApp({ env: { RATE_LIMIT_IP_PER_SECOND: '0.5', RATE_LIMIT_IP_BURST: '1' } });
    const seen = await statuses(10, () => fetch(`${app!.url}/healthz`));
    expect(seen.every((status) => status === 200)).toBe(true);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });

  it('limits messages per user on /api/messages', async () => {
    connector = await new FakeConnector().start();
    app = await startApp({
      env: { RATE_LIMIT_USER_PER_SECOND: '0.2', RATE_LIMIT_USER_BURST: '2', RATE_LIMIT_IP_BURST: '100' },
    });
    const send = () =>
      post(app!.url, messageActivity(connector!.serviceUrl, 'hello', { from: { id: 'same-user', name: 'Same' } }));
    const seen = await statuses(3, send);
    expect(seen).toEqual([200, 200, 429]);
    const other = await post(
      app.url,
      messageActivity(connector.serviceUrl, 'hello', { from: { id: 'another-user', name: 'Other' } }),
    );
    expect(other.status).toBe(200);
  });

  it('RATE_LIMIT=off switches the limits off', async () => {
    app = await startApp({ env: { RATE_LIMIT: 'off', RATE_LIMIT_IP_PER_SECOND: '0.5', RATE_LIMIT_IP_BURST: '1' } });
    const seen = await statuses(8, () => fetch(`${app!.url}/embed.js`));
    expect(seen.every((status) => status === 200)).toBe(true);
  });
});
