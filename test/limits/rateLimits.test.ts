/**
 * Rate limits as a client meets them: past the per-address burst a public route answers 429 with Retry-After
 * and a body that says when (no exception text), and accepts again once that time has passed; each client
 * address has its own bucket (a second client on 127.0.0.2); X-Forwarded-For moves nobody to another bucket
 * unless TRUST_PROXY says proxies of ours wrote it, and then only the entry our proxy appended counts (what the
 * client wrote before it does not); the per-user limit of /api/messages stops a user's messages before the bot
 * sees them, other users go on; /healthz and /readyz answer whatever the bucket says; RATE_LIMIT=off switches it
 * all off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../robustness/support/appHarness';
import { expectClientAnswer } from '../robustness/support/properties';
import { rawRequest, type RawExchange } from '../support/rawHttp';
import { TeamsChat } from '../robustness/support/teamsChat';

let harness: Harness | undefined;
/** TRUST_PROXY requires one. */
const METRICS_TOKEN = 'metrics-token-of-the-limits-test';

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(env: NodeJS.ProcessEnv): Promise<Harness> {
  harness = await startHarness({ env: { RATE_LIMIT: 'on', ...env }, storage: 'memory' });
  return harness;
}

/** A request from `from` (a loopback address) with optional headers. */
function send(
  method: string,
  path: string,
  options: { from?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawExchange> {
  return rawRequest(harness!.url, {
    method,
    path,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: options.body } : {}),
    localAddress: options.from ?? '127.0.0.1',
  });
}

function expectTooMany(exchange: RawExchange, context: string): number {
  expect(exchange.status, context).toBe(429);
  expectClientAnswer(exchange, context);
  const retryAfter = Number(exchange.headers.get('retry-after'));
  expect(
    Number.isInteger(retryAfter) && retryAfter >= 1,
    `${context}: Retry-After ${exchange.headers.get('retry-after')}`,
  ).toBe(true);
  expect(JSON.parse(exchange.text)).toEqual({
    error: { code: 'TooManyRequests', message: expect.stringContaining(String(retryAfter)) },
  });
  return retryAfter;
}

describe('per-address limit', () => {
  it('answers 429 with Retry-After on POST /api/webchat/token past the burst, and accepts again after that time', async () => {
    await start({ RATE_LIMIT_IP_PER_SECOND: '2', RATE_LIMIT_IP_BURST: '2' });
    expect((await send('POST', '/api/webchat/token')).status).toBe(200);
    expect((await send('POST', '/api/webchat/token')).status).toBe(200);
    const retryAfter = expectTooMany(await send('POST', '/api/webchat/token'), 'third token');
    expect(retryAfter).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    expect((await send('POST', '/api/webchat/token')).status).toBe(200);
  });

  it('limits /api/messages in anonymous mode per address, whichever users the activities name', async () => {
    const { url, connector } = await start({
      RATE_LIMIT_IP_PER_SECOND: '0.1',
      RATE_LIMIT_IP_BURST: '3',
      RATE_LIMIT_USER_BURST: '100',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await new TeamsChat({ url, connector }).say('hello')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const received = connector.received.length;
    const refused = await send('POST', '/api/messages', {
      body: JSON.stringify(new TeamsChat({ url, connector }).activity({ text: 'hello' })),
    });
    expectTooMany(refused, 'fourth message from one address');
    expect(connector.received.length, 'the bot did not run the refused turn').toBe(received);
  });

  it('gives each client address its own bucket', async () => {
    await start({ RATE_LIMIT_IP_PER_SECOND: '0.1', RATE_LIMIT_IP_BURST: '1' });
    expect((await send('GET', '/embed.js')).status).toBe(200);
    expectTooMany(await send('GET', '/embed.js'), 'second request from 127.0.0.1');
    expect((await send('GET', '/embed.js', { from: '127.0.0.2' })).status).toBe(200);
    expectTooMany(await send('GET', '/embed.js', { from: '127.0.0.2' }), 'second request from 127.0.0.2');
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: a client cannot pick another bucket', async () => {
    await start({ RATE_LIMIT_IP_PER_SECOND: '0.1', RATE_LIMIT_IP_BURST: '1' });
    expect((await send('GET', '/', { headers: { 'x-forwarded-for': '203.0.113.1' } })).status).toBe(200);
    expectTooMany(
      await send('GET', '/', { headers: { 'x-forwarded-for': '203.0.113.2' } }),
      'a new X-Forwarded-For, same socket address',
    );
  });

  it('with TRUST_PROXY=true, limits the address our proxy appended (the last X-Forwarded-For entry): rotating the first bypasses nothing', async () => {
    await start({ RATE_LIMIT_IP_PER_SECOND: '0.1', RATE_LIMIT_IP_BURST: '1', TRUST_PROXY: 'true', METRICS_TOKEN });
    // nginx's $proxy_add_x_forwarded_for keeps what the client sent and appends the address it saw.
    expect((await send('GET', '/', { headers: { 'x-forwarded-for': '203.0.113.1, 198.51.100.7' } })).status).toBe(200);
    expectTooMany(
      await send('GET', '/', { headers: { 'x-forwarded-for': '203.0.113.2, 198.51.100.7' } }),
      'the same client, a forged first entry',
    );
    expectTooMany(
      await send('GET', '/', { headers: { 'x-forwarded-for': '198.51.100.7' } }),
      'the same client, no forged entry',
    );
    expect((await send('GET', '/', { headers: { 'x-forwarded-for': '203.0.113.1, 198.51.100.8' } })).status).toBe(200);
  });

  it('with TRUST_PROXY=2 (a CDN in front of our proxy), limits the second entry from the right', async () => {
    await start({ RATE_LIMIT_IP_PER_SECOND: '0.1', RATE_LIMIT_IP_BURST: '1', TRUST_PROXY: '2', METRICS_TOKEN });
    expect(
      (await send('GET', '/', { headers: { 'x-forwarded-for': '203.0.113.1, 198.51.100.7, 10.0.0.1' } })).status,
    ).toBe(200);
    expectTooMany(
      await send('GET', '/', { headers: { 'x-forwarded-for': '203.0.113.2, 198.51.100.7, 10.0.0.2' } }),
      'the same client through another CDN node',
    );
    expect(
      (await send('GET', '/', { headers: { 'x-forwarded-for': '203.0.113.1, 198.51.100.8, 10.0.0.1' } })).status,
    ).toBe(200);
  });

  it('never limits /healthz and /readyz, even for an address whose bucket is empty', async () => {
    await start({ RATE_LIMIT_IP_PER_SECOND: '0.1', RATE_LIMIT_IP_BURST: '1' });
    expect((await send('GET', '/')).status).toBe(200);
    expectTooMany(await send('GET', '/'), 'the bucket is empty');
    for (let i = 0; i < 20; i++) {
      expect((await send('GET', '/healthz')).status).toBe(200);
      expect((await send('GET', '/readyz')).status).toBe(200);
    }
  });

  it('RATE_LIMIT=off lets every request through', async () => {
    harness = await startHarness({
      env: {
        RATE_LIMIT: 'off',
        RATE_LIMIT_IP_PER_SECOND: '0.1',
        RATE_LIMIT_IP_BURST: '1',
        RATE_LIMIT_USER_PER_SECOND: '0.1',
        RATE_LIMIT_USER_BURST: '1',
      },
      storage: 'memory',
    });
    const { url, connector } = harness;
    for (let i = 0; i < 10; i++) expect((await send('POST', '/api/webchat/token')).status).toBe(200);
    const chat = new TeamsChat({ url, connector });
    for (let i = 0; i < 5; i++) expect((await chat.say('hello')).status).toBe(200);
  });
});

describe('per-user limit on /api/messages', () => {
  it("answers 429 with Retry-After past a user's burst, before the bot sees the message; other users go on", async () => {
    const { url, connector } = await start({
      RATE_LIMIT_USER_PER_SECOND: '0.1',
      RATE_LIMIT_USER_BURST: '2',
      RATE_LIMIT_IP_BURST: '100',
    });
    const chat = new TeamsChat({ url, connector });
    expect((await chat.say('hello')).status).toBe(200);
    expect((await chat.say('how many incidents does a Gold partner get?')).status).toBe(200);
    const received = connector.received.length;
    const refused = await send('POST', '/api/messages', { body: JSON.stringify(chat.activity({ text: 'one more' })) });
    expectTooMany(refused, 'third message of one user');
    expect(connector.received.length).toBe(received);
    // The same user in another conversation is the same user; another user in this one is not.
    expectTooMany(
      await send('POST', '/api/messages', {
        body: JSON.stringify(new TeamsChat({ url, connector, userId: chat.userId }).activity({ text: 'elsewhere' })),
      }),
      'same user elsewhere',
    );
    expect((await new TeamsChat({ url, connector, conversationId: chat.conversationId }).say('hello')).status).toBe(
      200,
    );
  });

  it('does not count what is not a message (a conversation update) against the user', async () => {
    const { url, connector } = await start({
      RATE_LIMIT_USER_PER_SECOND: '0.1',
      RATE_LIMIT_USER_BURST: '1',
      RATE_LIMIT_IP_BURST: '100',
    });
    const chat = new TeamsChat({ url, connector });
    for (let i = 0; i < 3; i++) {
      const update = chat.activity({ type: 'conversationUpdate', membersAdded: [{ id: '28:mpn-support-assistant' }] });
      expect((await send('POST', '/api/messages', { body: JSON.stringify(update) })).status).toBe(200);
    }
    expect((await chat.say('hello')).status).toBe(200);
  });
});
