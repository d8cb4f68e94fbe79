/**
 * Which pages may use Direct Line: this server's own and TRUSTED_ORIGINS. Trusted origins get CORS headers and
 * preflight answers, others 403 (and no CORS headers, so the browser blocks them); the WebSocket Origin is
 * checked against the same list. The web pages' token endpoint (POST /api/webchat/token) hands out tokens
 * without the secret to the same pages only, or to callers on this machine that send no Origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { isLoopbackPeer } from '../../src/directline/http/requestOrigin';
import { TEST_SECRET, startDirectLineServer, type DirectLineServer } from '../support/directLineServer';
import { call, newConversation, postActivity, startConversation, streamStatus, userMessage } from './directLineClient';

const PARTNER = 'https://support.partner.example';
const STRANGER = 'https://evil.example';
let server: DirectLineServer;

beforeAll(async () => {
  server = await startDirectLineServer({ trustedOrigins: [PARTNER] });
});

afterAll(async () => {
  await server.close();
});

const preflight = (path: string, origin: string) =>
  fetch(`${server.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,x-ms-bot-agent',
    },
  });

describe('CORS on /v3/directline', () => {
  it('lets a trusted origin read the answer', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const reply = await call(server.url, `/v3/directline/conversations/${conversation.conversationId}/activities`, {
      auth: conversation.token,
      headers: { origin: PARTNER },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-origin')).toBe(PARTNER);
    expect(reply.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('refuses another origin with 403 and no CORS header', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    const reply = await postActivity(server.url, conversation.conversationId, conversation.token, userMessage('hi'), {
      origin: STRANGER,
    });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ error: { code: 'OriginNotAllowed' } });
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("accepts this server's own pages without CORS headers", async () => {
    const { body } = await call<{ token: string }>(server.url, '/v3/directline/tokens/generate', {
      method: 'POST',
      auth: TEST_SECRET,
    });
    const reply = await startConversation(server.url, body.token);
    const own = await call(server.url, `/v3/directline/conversations/${reply.body.conversationId}/activities`, {
      auth: body.token,
      headers: { origin: server.url },
    });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the preflight of a trusted origin with the methods and headers it asked for', async () => {
    const response = await preflight('/v3/directline/conversations', PARTNER);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PARTNER);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-ms-bot-agent');
  });

  it('refuses the preflight of another origin', async () => {
    const response = await preflight('/v3/directline/conversations/abc/activities', STRANGER);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('WebSocket Origin', () => {
  it("opens for a trusted origin and for this server's own pages", async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    expect(await streamStatus(conversation.streamUrl, { origin: PARTNER })).toBe(0);
    const again = await call<{ streamUrl: string }>(
      server.url,
      `/v3/directline/conversations/${conversation.conversationId}`,
      { auth: conversation.token },
    );
    expect(await streamStatus(again.body.streamUrl, { origin: server.url })).toBe(0);
  });

  it('is refused (403) for another origin', async () => {
    const conversation = await newConversation(server.url, TEST_SECRET);
    expect(await streamStatus(conversation.streamUrl, { origin: STRANGER })).toBe(403);
    expect(await streamStatus(conversation.streamUrl)).toBe(0);
  });
});

describe('POST /api/webchat/token', () => {
  const webchatToken = (headers: Record<string, string> = {}) =>
    call<{ token: string; conversationId: string; expires_in: number; userId: string }>(
      server.url,
      '/api/webchat/token',
      { method: 'POST', headers },
    );

  it("gives this server's pages a token, a conversation and a dl_ user, without the secret", async () => {
    const { status, body, headers } = await webchatToken({ origin: server.url });
    expect(status).toBe(200);
    expect(body).toEqual({
      token: expect.any(String),
      conversationId: expect.any(String),
      expires_in: 1800,
      userId: expect.stringMatching(/^dl_/),
    });
    expect(headers.get('cache-control')).toBe('no-store');
    const started = await startConversation(server.url, body.token);
    expect(started.status).toBe(201);
    expect(started.body.conversationId).toBe(body.conversationId);
  });

  it('gives trusted origins one too, with CORS headers and a preflight', async () => {
    const { status, headers } = await webchatToken({ origin: PARTNER });
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe(PARTNER);
    expect((await preflight('/api/webchat/token', PARTNER)).status).toBe(204);
  });

  it('refuses other origins', async () => {
    const { status, body } = await webchatToken({ origin: STRANGER });
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: 'OriginNotAllowed' } });
    expect((await preflight('/api/webchat/token', STRANGER)).status).toBe(403);
  });

  it('without an Origin, answers callers on this machine only', async () => {
    expect((await webchatToken()).status).toBe(200);
    const peer = (remoteAddress: string) => ({ socket: { remoteAddress } }) as unknown as IncomingMessage;
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map((a) => isLoopbackPeer(peer(a)))).toEqual([true, true, true]);
    expect(['10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1'].map((a) => isLoopbackPeer(peer(a)))).toEqual([
      false,
      false,
      false,
    ]);
  });
});
