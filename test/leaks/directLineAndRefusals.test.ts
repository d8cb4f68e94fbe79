/**
 * Nothing leaks, the paths secretsEverywhere.test.ts does not take: Direct Line card submits (feedback comment,
 * hand-off summary) and what the WebSocket stream pushes; requests that are refused with the secrets in the
 * path, the query, the headers or the fields (/api/messages 400, Direct Line 401/403/404, /metrics 401, the
 * tickets API); the ticket of a Direct Line hand-off. Every output is kept — each log line, every response
 * body and header, every stream frame, every reply to the channel, every row of every table, /metrics — and
 * searched for the raw values; the ticket's excerpt holds the masks in their place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASKS } from '../../src/privacy/redact';
import {
  newConversation,
  openStream,
  postActivity,
  userMessage,
  type Conversation,
  type StreamRecorder,
} from '../directline/directLineClient';
import {
  HARNESS_DIRECTLINE_SECRET,
  HARNESS_TICKETS_API_KEY,
  startHarness,
  type Harness,
} from '../robustness/support/appHarness';
import { rawRequest } from '../support/rawHttp';
import { TeamsChat } from '../robustness/support/teamsChat';

const ACCESS_ID = '7QX299ABK3';
const CONTRACT_ID = '55512345';
const EMAIL = 'jane.leak@contoso.com';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaXJlY3RsaW5lLWxlYWsifQ.ZGlyZWN0bGluZS1sZWFrLXNpZ25hdHVyZQ';
const SECRETS = { ACCESS_ID, CONTRACT_ID, EMAIL, JWT };
const SAID = `Access ID: ${ACCESS_ID}, Contract ID ${CONTRACT_ID}, write to ${EMAIL}, Authorization: Bearer ${JWT} — Azure says the Access ID is already associated`;
const METRICS_TOKEN = 'metrics-token-of-the-leak-test-0123';

let harness: Harness;
const outputs: { where: string; text: string }[] = [];

beforeAll(async () => {
  harness = await startHarness({ env: { METRICS_TOKEN } });
});

afterAll(async () => {
  await harness?.close();
});

/** A request whose answer (status, headers, body) is kept as an output. */
async function send(
  where: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<string> {
  const exchange = await rawRequest(harness.url, {
    method,
    path,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  outputs.push({
    where: `${where}: ${method} ${path.slice(0, 80)} → ${exchange.status}`,
    text: `${JSON.stringify([...exchange.headers])}\n${exchange.text}`,
  });
  return exchange.text;
}

describe('secrets on Direct Line and in refused requests', () => {
  it('are in no log line, stream frame, response, reply, stored value or metric', async () => {
    const { url, connector } = harness;
    // Direct Line: a question, a feedback comment, a hand-off whose summary is typed, all seen on the stream.
    const conversation: Conversation = await newConversation(url, HARNESS_DIRECTLINE_SECRET);
    outputs.push({ where: 'Direct Line conversation (token, stream URL)', text: JSON.stringify(conversation) });
    const stream: StreamRecorder = await openStream(conversation.streamUrl);
    const post = async (activity: Record<string, unknown>) => {
      const posted = await postActivity(url, conversation.conversationId, conversation.token, activity);
      outputs.push({ where: 'Direct Line post', text: JSON.stringify(posted.body) });
      expect(posted.status).toBe(200);
      return stream.waitFor((reply) => reply.replyToId === posted.body.id);
    };
    await post(userMessage(SAID));
    await post(
      userMessage('', {
        text: undefined,
        value: { action: 'feedback_comment', intent: 'entitlement', lang: 'en', comment: SAID },
      }),
    );
    await post(userMessage('talk to a person'));
    await post(userMessage(`Summary: ${SAID}`));
    const ticketCard = await post(
      userMessage('', { text: undefined, value: { action: 'handoff_consent', consent: true } }),
    );
    expect(JSON.stringify(ticketCard)).toContain('MPN-');
    await send(
      'Direct Line read back',
      'GET',
      `/v3/directline/conversations/${conversation.conversationId}/activities?watermark=0`,
      { headers: { authorization: `Bearer ${conversation.token}` } },
    );
    await send('Direct Line reconnect', 'GET', `/v3/directline/conversations/${conversation.conversationId}`, {
      headers: { authorization: `Bearer ${conversation.token}` },
    });

    // Refusals, with the secrets where a client might put them.
    const quoted = encodeURIComponent(SAID);
    await send(
      'Direct Line unknown conversation',
      'GET',
      `/v3/directline/conversations/${ACCESS_ID}-${CONTRACT_ID}/activities`,
      { headers: { authorization: `Bearer ${conversation.token}` } },
    );
    await send(
      'Direct Line forged token',
      'POST',
      `/v3/directline/conversations/${conversation.conversationId}/activities`,
      { headers: { authorization: `Bearer ${JWT}` }, body: JSON.stringify(userMessage(SAID)) },
    );
    await send(
      'Direct Line bad watermark',
      'GET',
      `/v3/directline/conversations/${conversation.conversationId}/activities?watermark=${quoted}`,
      { headers: { authorization: `Bearer ${conversation.token}` } },
    );
    await send('Direct Line bad locale', 'POST', '/v3/directline/conversations', {
      headers: { authorization: `Bearer ${HARNESS_DIRECTLINE_SECRET}` },
      body: JSON.stringify({ locale: SAID }),
    });
    await send(
      'Direct Line wrong field type',
      'POST',
      `/v3/directline/conversations/${conversation.conversationId}/activities`,
      {
        headers: { authorization: `Bearer ${conversation.token}` },
        body: JSON.stringify({ type: 'message', text: [SAID], locale: { [EMAIL]: ACCESS_ID } }),
      },
    );
    await send(
      'stream with a forged token',
      'GET',
      `/v3/directline/conversations/${conversation.conversationId}/stream?t=${JWT}`,
      {
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      },
    );
    const teams = new TeamsChat({ url, connector });
    await send('/api/messages with a wrong field type', 'POST', '/api/messages', {
      body: JSON.stringify(teams.activity({ text: SAID, locale: [SAID], from: { id: EMAIL, name: SAID } })),
    });
    await send('/api/messages without a recipient', 'POST', '/api/messages', {
      body: JSON.stringify({ ...teams.activity({ text: SAID }), recipient: { name: EMAIL } }),
    });
    await send('/api/messages as plain text', 'POST', '/api/messages', {
      headers: { 'content-type': 'text/plain' },
      body: SAID,
    });
    await send('/api/messages with a bearer token', 'POST', '/api/messages', {
      headers: { authorization: `Bearer ${JWT}` },
      body: JSON.stringify(teams.activity({ text: SAID })),
    });
    await send('/metrics with a wrong token', 'GET', '/metrics', { headers: { authorization: `Bearer ${JWT}` } });
    await send('tickets API, a wrong key', 'GET', `/api/tickets?q=${quoted}`, {
      headers: { authorization: `Bearer ${JWT}`, 'x-api-key': ACCESS_ID },
    });
    await send('tickets API, an unknown parameter', 'GET', `/api/tickets?${encodeURIComponent(EMAIL)}=${ACCESS_ID}`, {
      headers: { authorization: `Bearer ${HARNESS_TICKETS_API_KEY}` },
    });
    await send(
      'tickets API, bad values',
      'GET',
      `/api/tickets?status=${ACCESS_ID}&lang=${encodeURIComponent(EMAIL)}&from=${CONTRACT_ID}`,
      { headers: { authorization: `Bearer ${HARNESS_TICKETS_API_KEY}` } },
    );
    const listed = await send('tickets API', 'GET', '/api/tickets', {
      headers: { authorization: `Bearer ${HARNESS_TICKETS_API_KEY}` },
    });
    await send('web page with a query', 'GET', `/chat?locale=${quoted}&q=${quoted}`);
    await send('metrics', 'GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    stream.close();

    // The ticket of the hand-off: its excerpt masked, the masks where the values were.
    const [ticket] = (JSON.parse(listed) as { tickets: { excerpt: { text: string }[]; summary: string }[] }).tickets;
    const excerpt = JSON.stringify(ticket?.excerpt);
    for (const mask of [MASKS.accessId, MASKS.contractId, MASKS.email, MASKS.token])
      expect(excerpt, `the excerpt has ${mask}`).toContain(mask);
    expect(ticket?.summary).toContain(MASKS.accessId);

    // Every output.
    stream.messages.forEach((frame, i) => outputs.push({ where: `stream frame ${i + 1}`, text: frame }));
    for (const received of connector.received)
      outputs.push({ where: `reply to ${received.conversationId}`, text: JSON.stringify(received.activity) });
    for (const [table, rows] of Object.entries(harness.readTables()))
      outputs.push({ where: `table ${table}`, text: JSON.stringify(rows) });
    harness.logs.lines.forEach((line, i) => outputs.push({ where: `log line ${i + 1}`, text: line }));
    expect(stream.messages.length).toBeGreaterThan(0);
    expect(harness.logs.lines.length).toBeGreaterThan(0);

    const hits = outputs.flatMap(({ where, text }) =>
      Object.entries(SECRETS)
        .filter(([, value]) => text.includes(value) || text.includes(encodeURIComponent(value)))
        .map(
          ([name]) =>
            `${name} in ${where}: …${text.slice(Math.max(0, text.indexOf(SECRETS[name as keyof typeof SECRETS]) - 80), text.indexOf(SECRETS[name as keyof typeof SECRETS]) + 40)}…`,
        ),
    );
    expect(hits).toEqual([]);
  }, 60_000);
});
