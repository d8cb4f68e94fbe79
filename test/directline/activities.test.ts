/**
 * Sending and receiving: the user's own activity comes back on the stream with its clientActivityID (Web Chat
 * shows "send failed" otherwise) and the token's user as sender, the bot's reply follows, ids and watermarks are
 * the service's, GET pages by watermark; malformed (400), oversized (413), too many (429 with Retry-After),
 * unknown conversation (404) and a failing bot (502) are refused with a Direct Line ErrorResponse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ACTIVITY_BYTES } from '../../src/server/readJsonBody';
import { TEST_SECRET, startDirectLineServer, type DirectLineServer } from '../support/directLineServer';
import {
  call,
  getActivities,
  newConversation,
  openStream,
  postActivity,
  userMessage,
  type WireActivity,
} from './directLineClient';

let server: DirectLineServer;

beforeAll(async () => {
  server = await startDirectLineServer({
    pageSize: 3,
    rateLimit: { perSecond: 1, burst: 3 },
    timings: { heartbeatMs: 100 },
  });
});

afterAll(async () => {
  await server.close();
});

const noInternals = (body: unknown) =>
  expect(JSON.stringify(body)).not.toMatch(/Error:|\bat \w+ \(|SyntaxError|stack|on purpose/);

describe('the echo and the reply', () => {
  it("echoes the user's activity with its clientActivityID and the service id, then the bot's reply", async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const stream = await openStream(conversation.streamUrl);
    const message = userMessage('hello there');
    const posted = await postActivity(server.url, conversation.conversationId, conversation.token, message);
    expect(posted.status).toBe(200);
    expect(posted.body.id).toMatch(new RegExp(`^${conversation.conversationId}\\|\\d{7}$`));

    const echo = await stream.waitFor((a) => a.id === posted.body.id);
    expect(echo).toMatchObject({
      type: 'message',
      text: 'hello there',
      channelId: 'directline',
      conversation: { id: conversation.conversationId },
    });
    expect(echo.channelData).toEqual(message.channelData);
    expect(echo.timestamp).toEqual(expect.any(String));
    const reply = await stream.waitFor((a) => a.replyToId === posted.body.id);
    expect(reply).toMatchObject({ type: 'message', text: 'echo: hello there', from: { role: 'bot' } });
    expect(stream.sets.at(-1)?.watermark).toBe('2');
    stream.close();
  });

  it('takes the sender from the token: from.id is overridden, role is user', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET, {
      user: { id: 'dl_the-real-user', name: 'Ana' },
    });
    const stream = await openStream(conversation.streamUrl);
    const posted = await postActivity(
      server.url,
      conversation.conversationId,
      conversation.token,
      userMessage('who am I', { from: { id: 'somebody-else', role: 'bot' } }),
    );
    const echo = await stream.waitFor((a) => a.id === posted.body.id);
    expect(echo.from).toEqual({ id: 'dl_the-real-user', name: 'Ana', role: 'user' });
    const reply = await stream.waitFor((a) => a.replyToId === posted.body.id);
    expect(reply.recipient?.id).toBe('dl_the-real-user');
    stream.close();
  });

  it('with the secret, the activity names its sender (400 when it does not)', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const named = await postActivity(
      server.url,
      conversation.conversationId,
      TEST_SECRET,
      userMessage('from a backend', { from: { id: 'backend-user' } }),
    );
    expect(named.status).toBe(200);
    const { body } = await getActivities(server.url, conversation.conversationId, TEST_SECRET);
    expect(body.activities.find((a) => a.id === named.body.id)?.from.id).toBe('backend-user');
    const anonymous = await postActivity(server.url, conversation.conversationId, TEST_SECRET, {
      type: 'message',
      text: 'nobody',
    });
    expect(anonymous.status).toBe(400);
    expect(anonymous.body).toMatchObject({ error: { code: 'MissingProperty' } });
  });

  it('shows typing on the stream only, never in GET', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const stream = await openStream(conversation.streamUrl);
    const typing = await postActivity(server.url, conversation.conversationId, conversation.token, {
      type: 'typing',
      from: { id: 'x' },
    });
    expect(typing.status).toBe(200);
    await stream.waitFor((a) => a.type === 'typing');
    const { body } = await getActivities(server.url, conversation.conversationId, conversation.token);
    expect(body.activities.map((a) => a.type)).not.toContain('typing');
    stream.close();
  });

  it('sends empty heartbeat messages on the stream', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const stream = await openStream(conversation.streamUrl);
    await stream.until(() => (stream.messages.includes('') ? true : undefined), 2000);
    stream.close();
  });
});

describe('watermarks', () => {
  it('pages through the conversation by watermark until no activities are returned', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const sent: string[] = [];
    for (const text of ['one', 'two', 'three']) {
      server.clock.advanceSeconds(1);
      sent.push(
        (await postActivity(server.url, conversation.conversationId, conversation.token, userMessage(text))).body.id,
      );
    }
    const seen: WireActivity[] = [];
    const watermarks: string[] = [];
    let watermark: string | undefined;
    for (;;) {
      const { body } = await getActivities(server.url, conversation.conversationId, conversation.token, watermark);
      if (!body.activities.length) break;
      expect(body.activities.length).toBeLessThanOrEqual(3);
      seen.push(...body.activities);
      watermarks.push((watermark = body.watermark));
    }
    expect(watermarks).toEqual(['3', '6']);
    expect(seen.map((a) => a.text)).toEqual(['one', 'echo: one', 'two', 'echo: two', 'three', 'echo: three']);
    expect(seen.map((a) => a.id)).toEqual(
      [0, 1, 2, 3, 4, 5].map((seq) => `${conversation.conversationId}|${String(seq).padStart(7, '0')}`),
    );
    expect(sent).toEqual([seen[0]?.id, seen[2]?.id, seen[4]?.id]);
  });

  it("replays from the stream URL's watermark, and reconnects from a given one", async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    server.clock.advanceSeconds(1);
    await postActivity(server.url, conversation.conversationId, conversation.token, userMessage('before the socket'));
    const late = await openStream(conversation.streamUrl);
    await late.waitFor((a) => a.text === 'echo: before the socket');
    late.close();
    const reconnect = await call<{ streamUrl: string }>(
      server.url,
      `/v3/directline/conversations/${conversation.conversationId}?watermark=1`,
      { auth: conversation.token },
    );
    const resumed = await openStream(reconnect.body.streamUrl);
    const first = await resumed.waitFor(() => true);
    expect(first.text).toBe('echo: before the socket');
    resumed.close();
  });
});

describe('refusals', () => {
  it('is 404 for an unknown conversation (with the secret)', async () => {
    const posted = await postActivity(
      server.url,
      'NoSuchConversation1',
      TEST_SECRET,
      userMessage('hello', { from: { id: 'u' } }),
    );
    expect(posted.status).toBe(404);
    expect(posted.body).toMatchObject({ error: { code: 'NotFound' } });
    expect((await getActivities(server.url, 'NoSuchConversation1', TEST_SECRET)).status).toBe(404);
  });

  it('is 401 without credentials', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const path = `/v3/directline/conversations/${conversation.conversationId}/activities`;
    expect((await call(server.url, path, { method: 'POST', body: userMessage('hi') })).status).toBe(401);
    expect((await call(server.url, path)).status).toBe(401);
  });

  it.each([
    ['no type', { text: 'hello' }],
    ['an array', [{ type: 'message' }]],
    ['text that is not a string', { type: 'message', text: 42 }],
    ['attachments that are not an array', { type: 'message', attachments: {} }],
    ['a conversationUpdate (the service sends those)', { type: 'conversationUpdate', membersAdded: [] }],
    ['broken JSON', '{"type": "message", '],
  ])('is 400 for an activity with %s, without internals', async (_name, body) => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const posted = await postActivity(server.url, conversation.conversationId, conversation.token, body);
    expect(posted.status).toBe(400);
    noInternals(posted.body);
  });

  it(`is 413 over ${MAX_ACTIVITY_BYTES} bytes`, async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const posted = await postActivity(
      server.url,
      conversation.conversationId,
      conversation.token,
      userMessage('x'.repeat(MAX_ACTIVITY_BYTES)),
    );
    expect(posted.status).toBe(413);
    expect(posted.body).toMatchObject({ error: { code: 'PayloadTooLarge' } });
  });

  it("is 429 with Retry-After past the token's rate, and accepts again once it has refilled", async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const post = () => postActivity(server.url, conversation.conversationId, conversation.token, userMessage('again'));
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toMatchObject({ error: { code: 'TooManyRequests' } });
    server.clock.advanceSeconds(1);
    expect((await post()).status).toBe(200);
  });

  it('shares the rate between a token and its refreshed successor', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const refreshed = (
      await call<{ token: string }>(server.url, '/v3/directline/tokens/refresh', {
        method: 'POST',
        auth: conversation.token,
      })
    ).body.token;
    for (let i = 0; i < 3; i++)
      await postActivity(server.url, conversation.conversationId, conversation.token, userMessage('burst'));
    expect((await postActivity(server.url, conversation.conversationId, refreshed, userMessage('more'))).status).toBe(
      429,
    );
  });

  it('is 502 when the bot fails, and says nothing about why', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const posted = await postActivity(server.url, conversation.conversationId, conversation.token, userMessage('fail'));
    expect(posted.status).toBe(502);
    expect(posted.body).toMatchObject({ error: { code: 'BotError' } });
    noInternals(posted.body);
  });
});
