/**
 * The self-hosted Direct Line as the app serves it, fed arbitrary requests (any method, any path under
 * /v3/directline, malformed escapes, any credential from none to forged or another conversation's token, any
 * Origin, any body) and arbitrary WebSocket frames on an open stream (text, binary, oversized, invalid UTF-8,
 * raw bytes that are no frame at all). Properties: no 5xx for a client's mistake, no exception text, no
 * error logged, the process answers /healthz after each request, and afterwards the conversations still read
 * back, a new conversation gets the bot's answer on its stream, and every stored row parses.
 */
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newConversation,
  openStream,
  postActivity,
  userMessage,
  type Conversation,
} from '../directline/directLineClient';
import { jsonArb, runs, submitValueArb, textArb } from './support/arbitraries';
import { HARNESS_DIRECTLINE_SECRET, request, startHarness, type Harness } from './support/appHarness';
import { errorsSince, expectClientAnswer, expectNoPrototypePollution } from './support/properties';
import { rawRequest } from '../support/rawHttp';

let harness: Harness;
let first: Conversation;
let second: Conversation;

beforeAll(async () => {
  harness = await startHarness();
  first = await newConversation(harness.url, HARNESS_DIRECTLINE_SECRET);
  second = await newConversation(harness.url, HARNESS_DIRECTLINE_SECRET);
});

afterAll(async () => {
  await harness?.close();
});

const GOLD_QUESTION = 'how many incidents does a Gold partner get?';

async function expectHealthy(context: string): Promise<void> {
  expect((await request(harness.url, '/healthz')).status, `${context}: /healthz`).toBe(200);
}

/** A token with one character changed, a JWT that says alg "none", and other things that look like credentials. */
function forgedCredentials(token: string): string[] {
  const middle = Math.floor(token.length / 2);
  const flipped = `${token.slice(0, middle)}${token[middle] === 'A' ? 'B' : 'A'}${token.slice(middle + 1)}`;
  const [, payload] = token.split('.');
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
  return [
    flipped,
    none,
    `${token}x`,
    token.split('.').slice(0, 2).join('.'),
    'eyJhbGciOiJIUzI1NiJ9.e30.',
    HARNESS_DIRECTLINE_SECRET.toUpperCase(),
    `${HARNESS_DIRECTLINE_SECRET} extra`,
  ];
}

function requestArb() {
  const conversationSegment = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(first.conversationId, second.conversationId) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'not-a-conversation',
        '..',
        '.',
        '%ZZ',
        '%00',
        '%E0%A4%A',
        '%2F..%2F',
        '%u0041',
        'a'.repeat(3000),
        '',
        'A|0000001',
        '%0D%0ASet-Cookie:x=1',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent) },
  );
  const watermark = fc.oneof(
    fc.nat().map(String),
    fc.constantFrom('-1', 'abc', '1e309', '99999999999999999999', '', '%ZZ', '0x10'),
  );
  const templates = [
    'conversations',
    'conversations/{c}',
    'conversations/{c}?watermark={w}',
    'conversations/{c}/activities',
    'conversations/{c}/activities?watermark={w}',
    'conversations/{c}/activities/{c}',
    'conversations/{c}/upload',
    'conversations/{c}/stream?t={c}&watermark={w}',
    'tokens/generate',
    'tokens/refresh',
    'session/getsessionid',
    '{c}',
    '{c}/{c}/{c}',
  ];
  const path = fc
    .tuple(fc.constantFrom(...templates), conversationSegment, watermark)
    .map(
      ([template, conversation, mark]) =>
        `/v3/directline/${template.replaceAll('{c}', conversation).replaceAll('{w}', mark)}`,
    );
  const credential = fc.oneof(
    fc.constant(undefined),
    fc
      .constantFrom(HARNESS_DIRECTLINE_SECRET, first.token, second.token, ...forgedCredentials(first.token))
      .map((value) => `Bearer ${value}`),
    fc.constantFrom(
      'Basic dXNlcjpwYXNz',
      'Bearer',
      'Bearer ',
      `bearer   ${first.token}  `,
      `Bearer ${first.token} ${second.token}`,
    ),
    fc.string({ maxLength: 60 }).map((text) => text.replace(/[^\x20-\x7e]/g, '')),
  );
  const origin = fc.option(
    fc.constantFrom(harness.url, 'https://evil.example', 'null', 'file://', 'http://127.0.0.1:1', 'not an origin'),
    { nil: undefined },
  );
  const activityBody = fc.record(
    {
      type: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constantFrom(
            'message',
            'message',
            'message',
            'event',
            'typing',
            'conversationUpdate',
            'invoke',
            '',
          ),
        },
        { weight: 1, arbitrary: fc.string({ maxLength: 70 }) },
        { weight: 1, arbitrary: jsonArb },
      ),
      text: fc.oneof({ weight: 4, arbitrary: textArb }, { weight: 1, arbitrary: jsonArb }),
      value: submitValueArb,
      locale: fc.oneof(fc.constantFrom('en-US', 'ru-RU', 'pt-BR', 'fr-FR', 'x'), jsonArb),
      from: fc.oneof(
        { weight: 3, arbitrary: fc.record({ id: fc.string({ maxLength: 300 }), name: fc.oneof(textArb, jsonArb) }) },
        { weight: 1, arbitrary: jsonArb },
      ),
      channelData: fc.oneof(fc.record({ clientActivityID: fc.string() }), jsonArb),
      attachments: jsonArb,
      entities: jsonArb,
      name: fc.oneof(fc.string(), jsonArb),
    },
    { requiredKeys: [] },
  );
  const body = fc.oneof(
    fc.constant(undefined),
    activityBody.map((value) => JSON.stringify(value)),
    jsonArb.map((value) => JSON.stringify(value) ?? 'null'),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    fc.constantFrom(
      '',
      '{',
      'null',
      '[]',
      '{"type":"message","text":"hi"}',
      'x'.repeat(20_000),
      `{"type":"message","text":"${'y'.repeat(270_000)}"}`,
    ),
  );
  const contentType = fc.option(
    fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16',
    ),
    { nil: undefined },
  );
  const method = fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD');
  const upgrade = fc.boolean();
  const anything = fc.record({ method, path, credential, origin, body, contentType, upgrade });
  // Activities aimed right (a conversation, its token or the secret, JSON): strange content reaches the bot.
  const aimed = fc
    .tuple(
      fc.constantFrom(
        [first, `Bearer ${first.token}`],
        [second, `Bearer ${second.token}`],
        [first, `Bearer ${HARNESS_DIRECTLINE_SECRET}`],
      ),
      activityBody,
      origin,
    )
    .map(([[conversation, auth], activity, from]) => ({
      method: 'POST',
      path: `/v3/directline/conversations/${conversation.conversationId}/activities`,
      credential: auth,
      origin: from,
      body: JSON.stringify(activity),
      contentType: 'application/json',
      upgrade: false,
    }));
  return fc.oneof({ weight: 3, arbitrary: anything }, { weight: 2, arbitrary: aimed });
}

describe('Direct Line with arbitrary requests', () => {
  it('answers arbitrary requests without a server error, exception text or an error logged, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb(), async ({ method, path, credential, origin, body, contentType, upgrade }) => {
        const headers: Record<string, string> = {};
        if (credential !== undefined) headers.authorization = credential;
        if (origin !== undefined) headers.origin = origin;
        if (contentType !== undefined) headers['content-type'] = contentType;
        const asUpgrade = upgrade && method === 'GET';
        if (asUpgrade)
          Object.assign(headers, {
            connection: 'Upgrade',
            upgrade: 'websocket',
            'sec-websocket-version': '13',
            'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
          });
        const before = harness.logs.lines.length;
        const exchange = await rawRequest(harness.url, {
          method,
          path,
          headers,
          ...(body !== undefined && method !== 'GET' && method !== 'HEAD' ? { body } : {}),
        });
        const context = `${method} ${path.slice(0, 200)} ${JSON.stringify(headers)} ${String(body).slice(0, 200)}`;
        expectClientAnswer(exchange, context);
        expect(errorsSince(harness.logs.lines, before), `${context}: errors logged`).toEqual([]);
        await expectHealthy(context);
      }),
      runs(300),
    );
    expectNoPrototypePollution();

    // The conversations that got the garbage read back; a new one gets the bot's answer on its stream.
    for (const conversation of [first, second]) {
      const read = await request(
        harness.url,
        `/v3/directline/conversations/${conversation.conversationId}/activities`,
        { headers: { authorization: `Bearer ${conversation.token}` } },
      );
      expect(read.status).toBe(200);
      expect(() => JSON.parse(read.text)).not.toThrow();
    }
    await expectAnAnswerOnANewStream();
    expectStoredRowsParse();
  }, 120_000);

  it('keeps serving whatever frames a client writes to its stream', async () => {
    const frames = fc.array(
      fc.oneof(
        textArb.map((text) => ({ kind: 'text' as const, data: Buffer.from(text) })),
        fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'binary' as const, data: Buffer.from(bytes) })),
        fc.constant({ kind: 'text' as const, data: Buffer.alloc(5000, 'x') }),
        fc.constant({ kind: 'text' as const, data: Buffer.from([0xff, 0xfe, 0xc3, 0x28]) }),
        fc
          .uint8Array({ minLength: 1, maxLength: 64 })
          .map((bytes) => ({ kind: 'raw' as const, data: Buffer.from(bytes) })),
        fc.constant({ kind: 'ping' as const, data: Buffer.from('are you there') }),
        fc.integer({ min: 0, max: 5000 }).map((code) => ({ kind: 'close' as const, data: Buffer.from(String(code)) })),
      ),
      { minLength: 1, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(frames, async (sequence) => {
        const before = harness.logs.lines.length;
        const streamUrl = await freshStreamUrl(first);
        const stream = await openStream(streamUrl);
        for (const frame of sequence) {
          if (stream.socket.readyState !== WebSocket.OPEN) break;
          if (frame.kind === 'text') stream.socket.send(frame.data, { binary: false });
          else if (frame.kind === 'binary') stream.socket.send(frame.data, { binary: true });
          else if (frame.kind === 'ping') stream.socket.ping(frame.data);
          else if (frame.kind === 'close') stream.socket.close(validCloseCode(Number(frame.data.toString())));
          // Bytes that are no WebSocket frame, past the client library, straight on the connection.
          else (stream.socket as unknown as { _socket: { write(data: Buffer): void } })._socket.write(frame.data);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
        stream.socket.terminate();
        const context = `frames ${JSON.stringify(sequence.map((f) => [f.kind, f.data.toString('hex').slice(0, 40)]))}`;
        expect(errorsSince(harness.logs.lines, before), `${context}: errors logged`).toEqual([]);
        await expectHealthy(context);
      }),
      runs(150),
    );
    await expectAnAnswerOnANewStream();
  }, 120_000);
});

/** A close code the client library lets a test send (1000, or 3000–4999); other values become 1000. */
function validCloseCode(code: number): number {
  return code >= 3000 && code <= 4999 ? code : 1000;
}

async function freshStreamUrl(conversation: Conversation): Promise<string> {
  const reconnect = await request(harness.url, `/v3/directline/conversations/${conversation.conversationId}`, {
    headers: { authorization: `Bearer ${conversation.token}` },
  });
  expect(reconnect.status).toBe(200);
  return (JSON.parse(reconnect.text) as Conversation).streamUrl;
}

async function expectAnAnswerOnANewStream(): Promise<void> {
  const conversation = await newConversation(harness.url, HARNESS_DIRECTLINE_SECRET);
  const stream = await openStream(conversation.streamUrl);
  try {
    const posted = await postActivity(
      harness.url,
      conversation.conversationId,
      conversation.token,
      userMessage(GOLD_QUESTION),
    );
    expect(posted.status).toBe(200);
    const reply = await stream.waitFor(
      (activity) => activity.from.role === 'bot' && activity.replyToId === posted.body.id,
    );
    expect(reply.attachments?.length).toBeGreaterThan(0);
  } finally {
    stream.close();
  }
}

/** Every stored value is still JSON; the conversations above stored some, so there are rows to read. */
function expectStoredRowsParse(): void {
  const { state = [], directline_activities: activities = [] } = harness.readTables();
  expect(state.length, 'conversation state rows').toBeGreaterThan(0);
  expect(activities.length, 'Direct Line activity rows').toBeGreaterThan(0);
  for (const row of state) expect(() => JSON.parse(String(row.value)), `state ${String(row.key)}`).not.toThrow();
  for (const row of activities)
    expect(
      () => JSON.parse(String(row.activity)),
      `activity ${String(row.conversation_id)}/${String(row.seq)}`,
    ).not.toThrow();
}
