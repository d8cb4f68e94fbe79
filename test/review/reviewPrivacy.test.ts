/**
 * Secrets never reach review: Access IDs, Contract IDs, e-mail addresses, GUIDs and tokens go through the bot
 * (/api/messages on a real loopback server, stored in SQLite and in PostgreSQL) in questions it misses and one it
 * gets "No" on; then everything review makes of them is searched: the review_items rows, GET /api/review, the
 * review page's HTML, and the training files `npm run review -- apply` writes (into a copy of content/). Any raw
 * value fails, saying where. The same run checks that apply wrote the lines and says what each intent gained,
 * and that "forget my details" deletes the user's items and no one else's.
 */
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app';
import { readConfig } from '../../src/config/config';
import { contentPath, PROJECT_ROOT } from '../../src/contentPath';
import { messageActivity } from '../http/messageActivity';
import { FakeConnector } from '../support/fakeConnector';
import { useTestSchema } from '../support/postgres';

const ACCESS_ID = '7QX299ABK3';
const CONTRACT_ID = '55512345';
const EMAIL = 'jane.leak@contoso.com';
const GUID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWFrLXRlc3QifQ.c2lnbmF0dXJlLWxlYWstdGVzdA';
const BEARER = 'Bearer abcdefghijklmnopqrstuvwxyz012345';
const SECRETS = [ACCESS_ID, CONTRACT_ID, EMAIL, GUID, JWT, 'abcdefghijklmnopqrstuvwxyz012345'];
const WITH_SECRETS = `my Access ID: ${ACCESS_ID}, Contract ID ${CONTRACT_ID}, mail ${EMAIL}, tenant ${GUID}, token ${JWT}, header ${BEARER}`;
/** Questions the bot cannot answer, each carrying every secret. */
const MISSES = [
  `what is the weather in paris tomorrow? ${WITH_SECRETS}`,
  `my cat likes fish, ${WITH_SECRETS}`,
  `recommend a good pizza place, ${WITH_SECRETS}`,
];
const API_KEY = 'review-api-key-0123456789abcdef';
const run = promisify(execFile);

const folder = mkdtempSync(join(tmpdir(), 'mpn-review-privacy-'));
const schema = useTestSchema('review_privacy');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Backend {
  name: string;
  storageUrl(): string;
  rows(): Promise<string>;
}

const BACKENDS: Backend[] = [
  {
    name: 'SQLite',
    storageUrl: () => `sqlite:${join(folder, 'bot.db')}`,
    async rows() {
      const db = new Database(join(folder, 'bot.db'), { readonly: true });
      try {
        return JSON.stringify(db.prepare('SELECT * FROM review_items').all());
      } finally {
        db.close();
      }
    },
  },
  {
    name: 'PostgreSQL',
    storageUrl: () => schema().url,
    async rows() {
      const client = new Client({ connectionString: schema().url });
      await client.connect();
      try {
        return JSON.stringify((await client.query('SELECT * FROM review_items')).rows);
      } finally {
        await client.end();
      }
    },
  },
];

describe.each(BACKENDS)('review and secrets, stored in $name', (backend) => {
  let connector: FakeConnector;
  let app: App;
  let url: string;
  const content = join(folder, `content-${backend.name}`);
  const bearer = { authorization: `Bearer ${API_KEY}` };

  beforeAll(async () => {
    cpSync(contentPath('nlu'), join(content, 'nlu'), { recursive: true });
    connector = await new FakeConnector().start();
    app = await createApp(
      readConfig({ STORAGE_URL: backend.storageUrl(), TICKETS_API_KEY: API_KEY, RATE_LIMIT: 'off' }),
      pino({ level: 'silent' }),
    );
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${app.server.address().port}`;
  });
  afterAll(async () => {
    await app?.close();
    await connector?.stop();
  });

  const say = async (user: string, text: string | undefined, extra: Record<string, unknown> = {}) => {
    const activity = {
      ...messageActivity(connector.serviceUrl, text ?? '', {
        conversation: { id: `conv-${user}`, conversationType: 'personal' },
        from: { id: user, name: 'Partner' },
      }),
      ...extra,
    };
    if (text === undefined) delete activity.text;
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBeLessThan(300);
  };
  const listed = async (query = '') => {
    const response = await fetch(`${url}/api/review${query}`, { headers: bearer });
    expect(response.status, await response.clone().text()).toBe(200);
    return {
      text: await response.clone().text(),
      items: (
        (await response.json()) as {
          items: { id: string; version: number; reason: string; text: string; nearestIntent: string; lang: string }[];
        }
      ).items,
    };
  };

  it('keeps no secret anywhere review reaches, and apply writes the lines', async () => {
    for (const text of MISSES) await say('user-ana', text);
    // A question answered, then "No" to "Was this helpful?" about it.
    await say('user-ana', `How many support incidents does a Gold partner get? ${WITH_SECRETS}`);
    const { items: before } = await listed();
    const answered = before.length;
    const feedbackIntent = JSON.stringify(connector.received.at(-1)?.activity).match(
      /"action":"feedback","helpful":false,"intent":"(\w+)"/,
    )?.[1];
    expect(feedbackIntent, 'the answer asks "Was this helpful?"').toBeDefined();
    await say('user-ana', undefined, {
      value: { action: 'feedback', helpful: false, intent: feedbackIntent, lang: 'en' },
    });
    await say('user-bruno', `who won the football match yesterday? ${WITH_SECRETS}`);

    const { items } = await listed();
    expect(items.length).toBe(answered + 2);
    expect(items.map((i) => i.reason)).toEqual(expect.arrayContaining(['rejected', 'feedback_no']));
    for (const item of items) expect(item.text).toContain('[EMAIL]');

    // Every item labelled (as its nearest intent), then applied into the copy of content/.
    for (const item of items) {
      const response = await fetch(`${url}/api/review/items/${item.id}/label`, {
        method: 'POST',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ label: `intent:${item.nearestIntent}`, version: item.version, by: `Ana ${EMAIL}` }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
    }
    const devBefore = readdirSync(join(content, 'nlu', 'dev'), { recursive: true })
      .map(String)
      .sort()
      .map((f) => [f, safeRead(join(content, 'nlu', 'dev', f))]);
    const { stdout } = await run(
      process.execPath,
      ['--require', 'tsx/cjs', 'tools/reviewCli.ts', 'apply', '--content', content],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, STORAGE_URL: backend.storageUrl() },
        timeout: 60_000,
      },
    );
    const written = Number(/(\d+) line\(s\) written/.exec(stdout)?.[1]);
    expect(written, stdout).toBe(items.length);
    expect(stdout).toContain('npm run train');
    const train = readFileSync(join(content, 'nlu', 'train', 'en.json'), 'utf8');
    for (const item of items) expect(train).toContain(JSON.stringify(item.text));
    const devAfter = readdirSync(join(content, 'nlu', 'dev'), { recursive: true })
      .map(String)
      .sort()
      .map((f) => [f, safeRead(join(content, 'nlu', 'dev', f))]);
    expect(devAfter).toEqual(devBefore);

    // Everything review made of them: stored rows, the API, the page, the files apply wrote, what apply said.
    const page = await fetch(`${url}/review`, { headers: bearer });
    expect(page.status).toBe(200);
    const outputs = [
      { where: 'review_items rows', text: await backend.rows() },
      { where: 'GET /api/review', text: (await listed()).text },
      { where: 'GET /review', text: await page.text() },
      { where: 'apply output', text: stdout },
      ...['en', 'ru', 'pt', 'fr'].map((lang) => ({
        where: `train/${lang}.json`,
        text: readFileSync(join(content, 'nlu', 'train', `${lang}.json`), 'utf8'),
      })),
    ];
    const hits = outputs.flatMap(({ where, text }) =>
      SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${where}`),
    );
    expect(hits).toEqual([]);
    expect(outputs[0]?.text).toContain('[ACCESS ID]');
  }, 120_000);

  it('"forget my details" deletes the user\'s review items, and only theirs', async () => {
    const before = (await listed()).items;
    await say('user-bruno', 'what is the weather in lisbon');
    expect((await listed()).items.length, 'the miss was kept').toBe(before.length + 1);
    await say('user-bruno', 'forget my details');
    const after = (await listed()).items;
    const bruno = (text: string) =>
      text.startsWith('who won the football match') || text.startsWith('what is the weather in lisbon');
    expect(after.filter((i) => bruno(i.text))).toEqual([]);
    expect(after.map((i) => i.id).sort()).toEqual(
      before
        .filter((i) => !bruno(i.text))
        .map((i) => i.id)
        .sort(),
    );
    expect(after.length).toBeGreaterThan(0);
  });
});

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '(folder)';
  }
}
