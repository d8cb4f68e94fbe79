/**
 * Nothing leaks: an Access ID, Contract IDs (also six digits, grouped by spaces or hyphens, in full-width
 * digits), e-mail addresses (also with a full-width ＠) and a bearer token go through every path a partner can
 * send them — /api/messages text and card submits, a hand-off that opens a ticket, the feedback comment, Direct
 * Line, query strings, an Authorization header — and in every field of an activity that is kept: text, from.name,
 * speak, summary, channelData, attachments' content, entities. Then every output is searched for them (as
 * written and in their NFKC form): each log line, /metrics, every table of the SQLite file or the PostgreSQL
 * schema (the run is made on each), every HTTP response (body and headers) and what the bot sent to the channel.
 * Any raw value anywhere fails, saying where.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app';
import { createLogger } from '../../src/log/logger';
import { messageActivity } from '../http/messageActivity';
import { FakeConnector } from '../support/fakeConnector';
import { startApp } from '../support/testApp';
import { useTestSchema } from '../support/postgres';

const ACCESS_ID = '7QX299ABK3';
const CONTRACT_ID = '55512345';
const EMAIL = 'jane.leak@contoso.com';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWFrLXRlc3QifQ.c2lnbmF0dXJlLWxlYWstdGVzdA';
const SHORT_CONTRACT = '482915';
const SPACED_CONTRACT = '12 345 678';
const HYPHENATED_CONTRACT = '123-456-789';
const WIDE_CONTRACT = '４８２９１５７３';
const WIDE_EMAIL = 'ｊａｎｅ．ｗｉｄｅ＠ｃｏｎｔｏｓｏ．ｃｏｍ';
const SECRETS = [
  ACCESS_ID,
  CONTRACT_ID,
  EMAIL,
  JWT,
  SHORT_CONTRACT,
  SPACED_CONTRACT,
  HYPHENATED_CONTRACT,
  WIDE_CONTRACT,
  WIDE_EMAIL,
].flatMap((secret) => [...new Set([secret, secret.normalize('NFKC')])]);
const SAID =
  `Hi, my Access ID: ${ACCESS_ID} and Contract ID ${CONTRACT_ID}, mail ${EMAIL}, token ${JWT}, contract ${SHORT_CONTRACT}, ` +
  `or ${SPACED_CONTRACT}, or ${HYPHENATED_CONTRACT}, or ${WIDE_CONTRACT}, write to ${WIDE_EMAIL} — Azure says the Access ID is already associated`;
/** Every field of an activity that is kept somewhere, each carrying the secrets. */
const EVERY_FIELD = {
  speak: SAID,
  summary: SAID,
  channelData: { note: SAID, nested: { deeper: [SAID] } },
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      name: SAID,
      content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: SAID }] },
    },
  ],
  entities: [{ type: 'note', text: SAID }],
};
const API_KEY = 'tickets-api-key-0123456789abcdef';

const folder = mkdtempSync(join(tmpdir(), 'mpn-leaks-'));
const schema = useTestSchema('leaks');

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Where the app keeps everything, and every row of every table there, as JSON. */
interface Backend {
  name: string;
  storageUrl(): string;
  tables(): Promise<{ name: string; json: string }[]>;
}

const BACKENDS: Backend[] = [
  {
    name: 'SQLite',
    storageUrl: () => `sqlite:${join(folder, 'bot.db')}`,
    async tables() {
      const db = new Database(join(folder, 'bot.db'), { readonly: true });
      try {
        const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
        return names.map(({ name }) => ({ name, json: JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all()) }));
      } finally {
        db.close();
      }
    },
  },
  {
    name: 'PostgreSQL',
    storageUrl: () => schema().url,
    async tables() {
      const client = new Client({ connectionString: schema().url });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>(
          'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1',
          [schema().schema],
        );
        const tables: { name: string; json: string }[] = [];
        for (const { name } of rows)
          tables.push({ name, json: JSON.stringify((await client.query(`SELECT * FROM "${name}"`)).rows) });
        return tables;
      } finally {
        await client.end();
      }
    },
  },
];

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe.each(BACKENDS)('secrets through every path, stored in $name', (backend) => {
  const outputs: { where: string; text: string }[] = [];
  const logLines: string[] = [];
  let connector: FakeConnector;
  let app: App;
  let url: string;

  async function request(where: string, path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${url}${path}`, init);
    const body = await response.clone().text();
    outputs.push({
      where: `${where}: response ${response.status} ${path}`,
      text: `${JSON.stringify([...response.headers])}\n${body}`,
    });
    return response;
  }

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const running = await startApp({
      env: { STORAGE_URL: backend.storageUrl(), TICKETS_API_KEY: API_KEY, RATE_LIMIT: 'off', LOG_LEVEL: 'trace' },
      storageFromUrl: true,
      logger: createLogger('trace', sink),
    });
    app = running;
    url = running.url;
  });

  afterAll(async () => {
    await app?.close();
    await connector?.stop();
  });

  it('are in no log line, metric, stored value, response or reply, and each log line is one JSON line', async () => {
    const conversation = { id: 'leak-conversation', conversationType: 'personal' };
    const from = { id: 'leak-user', name: EMAIL };
    const send = (extra: Record<string, unknown>) =>
      request(
        '/api/messages',
        '/api/messages',
        json({ ...messageActivity(connector.serviceUrl, '', { conversation, from }), ...extra }),
      );

    // Text, a card submit with a comment, and a hand-off that opens a ticket with a summary and an excerpt.
    await send({ text: SAID, ...EVERY_FIELD });
    await send({
      text: undefined,
      value: { action: 'feedback_comment', intent: 'entitlement', lang: 'en', comment: SAID },
    });
    await send({ text: 'talk to a person' });
    await send({ text: `Please check:\r\n${SAID}\n{"level":60,"msg":"forged"}` });
    await send({ text: undefined, value: { action: 'handoff_consent', consent: true } });
    // A token where one does not belong: refused, and the refusal must not repeat it.
    await request('/api/messages with a bearer header', '/api/messages', {
      ...json(messageActivity(connector.serviceUrl, SAID)),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${JWT}` },
    });

    // Direct Line: a token from the same-origin endpoint, a conversation, the same message, reading it back.
    const token = (await (await request('webchat token', '/api/webchat/token', { method: 'POST' })).json()) as {
      token: string;
    };
    const auth = { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' };
    const started = (await (
      await request('directline start', '/v3/directline/conversations', { method: 'POST', headers: auth })
    ).json()) as { conversationId: string };
    await request('directline post', `/v3/directline/conversations/${started.conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        type: 'message',
        from: { id: 'ignored', name: WIDE_EMAIL },
        text: SAID,
        ...EVERY_FIELD,
        channelData: { clientActivityID: 'leak-1', note: SAID },
      }),
    });
    await request('directline read', `/v3/directline/conversations/${started.conversationId}/activities?watermark=0`, {
      headers: auth,
    });

    // Query strings and the tickets API.
    await request('query string', `/?q=${encodeURIComponent(SAID)}`);
    await request('tickets api', `/api/tickets?intent=${encodeURIComponent(ACCESS_ID)}`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    const tickets = (await (
      await request('tickets api', '/api/tickets', { headers: { authorization: `Bearer ${API_KEY}` } })
    ).json()) as { tickets: unknown[] };
    expect(tickets.tickets.length, 'the hand-off opened a ticket').toBe(1);
    await request('metrics', '/metrics');

    // Everything the bot sent to the channel.
    // Its address excepted: a reply's recipient is the channel's own record of the user (from.name as the channel
    // sent it), given back to that channel; the bot keeps none of it.
    for (const { conversationId, activity } of connector.received) {
      const { recipient: _recipient, ...reply } = activity as { recipient?: unknown };
      outputs.push({ where: `reply to ${conversationId}`, text: JSON.stringify(reply) });
    }
    // Everything stored.
    const tables = await backend.tables();
    for (const { name, json: rows } of tables) outputs.push({ where: `table ${name}`, text: rows });
    logLines.forEach((line, i) => outputs.push({ where: `log line ${i + 1}`, text: line }));

    expect(logLines.length, 'the logger captured the run').toBeGreaterThan(0);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['state', 'tickets']));
    const hits = outputs.flatMap(({ where, text }) =>
      SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${where}`),
    );
    expect(hits).toEqual([]);
    // The summary above was typed with line breaks: every line the sink got is still a whole JSON line.
    for (const line of logLines) expect(() => JSON.parse(line), line).not.toThrow();
  }, 60_000);
});
