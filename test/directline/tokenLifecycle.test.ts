/**
 * Tokens as the Direct Line docs describe them: generated from the secret for one conversation (and a `dl_`
 * user), valid 1800 s, refreshable before expiry and not after (403), useless for any other conversation (403),
 * and a stream URL that opens the WebSocket for 60 s only; a token is not valid before its `nbf` (beyond a few
 * seconds of clock skew between instances), and only HS256 with our key is accepted (not alg none, not another
 * algorithm even with the right key). The clock is the test's: nobody waits 30 minutes.
 */
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenSigningKey } from '../../src/directline/tokens/directLineTokens';
import { TEST_SECRET, startDirectLineServer, type DirectLineServer } from '../support/directLineServer';
import {
  call,
  generateToken,
  getActivities,
  newConversation,
  postActivity,
  startConversation,
  streamStatus,
  userMessage,
} from './directLineClient';

let server: DirectLineServer;

beforeAll(async () => {
  server = await startDirectLineServer();
});

afterAll(async () => {
  await server.close();
});

const refresh = (token: string) =>
  call<{ conversationId: string; token: string; expires_in: number }>(server.url, '/v3/directline/tokens/refresh', {
    method: 'POST',
    auth: token,
  });
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

describe('generate token', () => {
  it('exchanges the secret for a token of a new conversation, valid 1800 s', async () => {
    const { status, body } = await generateToken(server.url, TEST_SECRET);
    expect(status).toBe(200);
    expect(body).toEqual({
      conversationId: expect.stringMatching(/^[\w-]{8,}$/),
      token: expect.any(String),
      expires_in: 1800,
    });
  });

  it('embeds the dl_ user it is given (the official client reads the "user" claim)', async () => {
    const { body } = await generateToken(server.url, TEST_SECRET, { user: { id: 'dl_partner-42', name: 'Ana' } });
    expect(claimsOf(body.token)).toMatchObject({ user: 'dl_partner-42', conv: body.conversationId });
  });

  it('makes up an unguessable dl_ user when none is given', async () => {
    const { body } = await generateToken(server.url, TEST_SECRET);
    expect(claimsOf(body.token).user).toMatch(/^dl_[\w-]{20,}$/);
  });

  it('refuses a user id without the dl_ prefix (400)', async () => {
    const { status, body } = await generateToken(server.url, TEST_SECRET, { user: { id: 'partner-42' } });
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'BadArgument', message: expect.stringContaining('dl_') } });
  });

  it('is 401 without credentials and 403 with a wrong secret or a token', async () => {
    expect((await call(server.url, '/v3/directline/tokens/generate', { method: 'POST' })).status).toBe(401);
    expect((await generateToken(server.url, 'not-the-secret')).status).toBe(403);
    const { body } = await generateToken(server.url, TEST_SECRET);
    expect((await generateToken(server.url, body.token)).status).toBe(403);
  });

  it('does not start the conversation: it is unknown until the token starts it', async () => {
    const { body } = await generateToken(server.url, TEST_SECRET);
    expect((await getActivities(server.url, body.conversationId, body.token)).status).toBe(404);
    expect((await startConversation(server.url, body.token)).status).toBe(201);
    expect((await getActivities(server.url, body.conversationId, body.token)).status).toBe(200);
  });
});

describe('refresh token', () => {
  it('gives a new token for the same conversation and user before expiry', async () => {
    const { body: generated } = await generateToken(server.url, TEST_SECRET, { user: { id: 'dl_refresher' } });
    server.clock.advanceSeconds(1799);
    const { status, body } = await refresh(generated.token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ conversationId: generated.conversationId, expires_in: 1800 });
    expect(body.token).not.toBe(generated.token);
    expect(claimsOf(body.token)).toMatchObject({ user: 'dl_refresher', conv: generated.conversationId });
    server.clock.advanceSeconds(1000);
    expect((await refresh(body.token)).status).toBe(200);
  });

  it('refuses an expired token with 403 TokenExpired', async () => {
    const { body: generated } = await generateToken(server.url, TEST_SECRET);
    server.clock.advanceSeconds(1801);
    const { status, body } = await refresh(generated.token);
    expect(status).toBe(403);
    expect(body).toEqual({ error: { code: 'TokenExpired', message: expect.any(String) } });
  });

  it('refreshes tokens, not the secret (400), and needs credentials (401)', async () => {
    expect((await refresh(TEST_SECRET)).status).toBe(400);
    expect((await call(server.url, '/v3/directline/tokens/refresh', { method: 'POST' })).status).toBe(401);
  });
});

describe('a token is good for its own conversation only', () => {
  it('is 403 on another conversation, for every operation', async () => {
    const mine = await newConversation(server.url, TEST_SECRET);
    const theirs = await newConversation(server.url, TEST_SECRET);
    const foreign = mine.token;
    expect((await getActivities(server.url, theirs.conversationId, foreign)).status).toBe(403);
    expect((await postActivity(server.url, theirs.conversationId, foreign, userMessage('hello'))).status).toBe(403);
    expect(
      (await call(server.url, `/v3/directline/conversations/${theirs.conversationId}`, { auth: foreign })).status,
    ).toBe(403);
  });

  it('is 403 when signed by another secret (another deployment)', async () => {
    const other = await startDirectLineServer({ secret: 'another-directline-secret-9876543210zyxwvu' });
    try {
      const theirs = await newConversation(other.url, 'another-directline-secret-9876543210zyxwvu');
      expect((await getActivities(server.url, theirs.conversationId, theirs.token)).status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it('is 403 TokenExpired once expired, on every operation', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    server.clock.advanceSeconds(1800);
    const answers = await Promise.all([
      getActivities(server.url, conversation.conversationId, conversation.token),
      postActivity(server.url, conversation.conversationId, conversation.token, userMessage('hello')),
      startConversation(server.url, conversation.token),
    ]);
    for (const { status, body } of answers)
      expect([status, body]).toEqual([403, { error: { code: 'TokenExpired', message: expect.any(String) } }]);
  });
});

describe('what a token must be', () => {
  const forbidden = { error: { code: 'Forbidden', message: expect.any(String) } };
  /** The same claims as a good token, re-encoded with another header. */
  const resigned = (token: string, algorithm: jwt.Algorithm) =>
    jwt.sign(claimsOf(token), algorithm === 'none' ? '' : tokenSigningKey(TEST_SECRET), { algorithm });

  it('is 403 before its nbf (a token from an instance whose clock is ahead), and accepted within a few seconds of skew', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    try {
      server.clock.advanceSeconds(-120);
      const early = await getActivities(server.url, conversation.conversationId, conversation.token);
      expect([early.status, early.body]).toEqual([403, forbidden]);
      expect((await refresh(conversation.token)).status).toBe(403);
      server.clock.advanceSeconds(118);
      expect((await getActivities(server.url, conversation.conversationId, conversation.token)).status).toBe(200);
    } finally {
      server.clock.advanceSeconds(2);
    }
  });

  it('is 403 with alg none, or HS512 / HS384 with the right key and claims: HS256 only', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    expect(
      (await getActivities(server.url, conversation.conversationId, resigned(conversation.token, 'HS256'))).status,
    ).toBe(200);
    for (const algorithm of ['none', 'HS512', 'HS384'] as const) {
      const forged = resigned(conversation.token, algorithm);
      const answer = await getActivities(server.url, conversation.conversationId, forged);
      expect([algorithm, answer.status, answer.body]).toEqual([algorithm, 403, forbidden]);
    }
    const streamToken = new URL(conversation.streamUrl).searchParams.get('t') ?? '';
    const bare = conversation.streamUrl.replace(/[?&]t=[^&]+/, '');
    expect(await streamStatus(bare + `&t=${encodeURIComponent(resigned(streamToken, 'none'))}`)).toBe(403);
    expect(await streamStatus(bare + `&t=${encodeURIComponent(resigned(streamToken, 'HS512'))}`)).toBe(403);
  });
});

describe('start conversation', () => {
  it("starts the token's conversation once (201), then opens it again (200)", async () => {
    const { body: generated } = await generateToken(server.url, TEST_SECRET);
    const first = await startConversation(server.url, generated.token);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      conversationId: generated.conversationId,
      token: generated.token,
      expires_in: 1800,
      streamUrl: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?/),
    });
    const again = await startConversation(server.url, generated.token);
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(generated.conversationId);
  });

  it('with the secret, starts a new conversation and hands out a token for it', async () => {
    const { status, body } = await startConversation(server.url, TEST_SECRET, { user: { id: 'service-user-1' } });
    expect(status).toBe(201);
    expect(claimsOf(body.token)).toMatchObject({ conv: body.conversationId, user: 'service-user-1' });
  });

  it('is 401 without credentials', async () => {
    expect((await call(server.url, '/v3/directline/conversations', { method: 'POST' })).status).toBe(401);
    expect(
      (
        await call(server.url, '/v3/directline/conversations', {
          method: 'POST',
          headers: { authorization: 'Basic dXNlcjpwYXNz' },
        })
      ).status,
    ).toBe(401);
  });
});

describe('stream URL', () => {
  it('opens the WebSocket within 60 s of issue, not after (403); reconnecting gives a new one', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    server.clock.advanceSeconds(59);
    expect(await streamStatus(conversation.streamUrl)).toBe(0);
    server.clock.advanceSeconds(2);
    expect(await streamStatus(conversation.streamUrl)).toBe(403);
    const reconnect = await call<{ streamUrl: string; token: string; conversationId: string }>(
      server.url,
      `/v3/directline/conversations/${conversation.conversationId}?watermark=0`,
      { auth: conversation.token },
    );
    expect(reconnect.status).toBe(200);
    expect(reconnect.body).toMatchObject({ conversationId: conversation.conversationId, token: conversation.token });
    expect(await streamStatus(reconnect.body.streamUrl)).toBe(0);
  });

  it('is 401 without its stream token, 403 with a token of the conversation instead, 403 for another conversation', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const other = await newConversation(server.url, TEST_SECRET);
    const bare = conversation.streamUrl.replace(/[?&]t=[^&]+/, '');
    expect(await streamStatus(bare)).toBe(401);
    expect(await streamStatus(bare + `&t=${encodeURIComponent(conversation.token)}`)).toBe(403);
    const streamToken = new URL(other.streamUrl).searchParams.get('t') ?? '';
    expect(await streamStatus(bare + `&t=${encodeURIComponent(streamToken)}`)).toBe(403);
  });

  it('is 404 on reconnect to an unknown conversation (with the secret)', async () => {
    expect(
      (await call(server.url, '/v3/directline/conversations/UnknownConversation1', { auth: TEST_SECRET })).status,
    ).toBe(404);
  });
});
