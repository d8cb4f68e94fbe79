/**
 * WebSocket upgrade requests the app does not serve are answered, not left hanging: any path but a Direct Line
 * stream gets 404 at once (restify's own 'upgrade' listener only re-emits the event, so no other listener ever
 * answers), and a stream path with a malformed escape is refused like any unknown conversation, never 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newConversation } from '../directline/directLineClient';
import { HARNESS_DIRECTLINE_SECRET, request, startHarness, type Harness } from './support/appHarness';
import { expectClientAnswer } from './support/properties';
import { rawRequest } from '../support/rawHttp';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ storage: 'memory' });
});

afterAll(async () => {
  await harness?.close();
});

const UPGRADE = {
  connection: 'Upgrade',
  upgrade: 'websocket',
  'sec-websocket-version': '13',
  'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
};

describe('upgrade requests', () => {
  it.each([
    '/',
    '/api/messages',
    '/v3/directline/conversations',
    '/v3/directline/tokens/generate',
    '/socket.io/?EIO=4&transport=websocket',
    '/v3/directline/conversations/x/stream/extra',
  ])('answers an upgrade to %s with 404 at once', async (path) => {
    const exchange = await rawRequest(harness.url, { method: 'GET', path, headers: UPGRADE, timeoutMs: 2000 });
    expect(exchange.status).toBe(404);
    expectClientAnswer(exchange, path);
  });

  it('refuses a stream path with a malformed escape like an unknown conversation, not with 500', async () => {
    const conversation = await newConversation(harness.url, HARNESS_DIRECTLINE_SECRET);
    const token = new URL(conversation.streamUrl).searchParams.get('t') ?? '';
    for (const id of ['%ZZ', '%E0%A4%A', `${conversation.conversationId}%`]) {
      const exchange = await rawRequest(harness.url, {
        method: 'GET',
        path: `/v3/directline/conversations/${id}/stream?t=${encodeURIComponent(token)}`,
        headers: UPGRADE,
        timeoutMs: 2000,
      });
      expect([403, 404], `${id}: ${exchange.status}`).toContain(exchange.status);
      expectClientAnswer(exchange, id);
    }
    expect((await request(harness.url, '/healthz')).status).toBe(200);
  });
});
