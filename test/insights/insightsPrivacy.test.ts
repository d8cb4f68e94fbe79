/**
 * Nothing identifying reaches the insights: Access IDs, Contract IDs, e-mail addresses, GUIDs and tokens go
 * through the bot (in questions it rejects, answers and hands off, in a hand-off summary and a feedback comment),
 * with user and conversation ids of their own, on SQLite and PostgreSQL. Then the insights JSON, the page in all
 * four languages and the insights table are searched: no secret, no user id, no conversation id. The rejected
 * questions do reach the page, masked.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCALE_OF, LANGS } from '../../src/i18n/locales';
import type { InsightsReport } from '../../src/insights/insightsReport';
import { messageActivity, post } from '../http/messageActivity';
import { FakeConnector } from '../support/fakeConnector';
import { useTestSchema } from '../support/postgres';
import { startApp } from '../support/testApp';

const KEY = 'insights-privacy-key-0123456789';
const ACCESS_ID = '7QX299ABK3';
const CONTRACT_ID = '55512345';
const EMAIL = 'jane.private@contoso.com';
const GUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwcml2YWN5In0.c2lnbmF0dXJlLXByaXZhY3k';
const USER_ID = '29:1PrivateUserAadObjectId';
const CONVERSATION_ID = 'a:1PrivateConversationIdOfThePartner';
const SECRETS = [ACCESS_ID, CONTRACT_ID, EMAIL, GUID, JWT, USER_ID, CONVERSATION_ID];
/** A question the bot cannot answer, carrying every secret. */
const REJECTED = `My cat ${EMAIL} likes tuna ${CONTRACT_ID} ${GUID} ${ACCESS_ID} ${JWT}: which tuna is best for cats?`;

const folder = mkdtempSync(join(tmpdir(), 'mpn-insights-privacy-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const schema = useTestSchema('insights_privacy');

const BACKENDS = [
  {
    name: 'SQLite',
    storageUrl: () => `sqlite:${join(folder, 'bot.db')}`,
    async insightsRows(): Promise<string> {
      const db = new Database(join(folder, 'bot.db'), { readonly: true });
      try {
        return JSON.stringify(db.prepare('SELECT * FROM insights_events').all());
      } finally {
        db.close();
      }
    },
  },
  {
    name: 'PostgreSQL',
    storageUrl: () => schema().url,
    async insightsRows(): Promise<string> {
      const client = new Client({ connectionString: schema().url });
      await client.connect();
      try {
        return JSON.stringify((await client.query('SELECT * FROM insights_events')).rows);
      } finally {
        await client.end();
      }
    },
  },
];

describe.each(BACKENDS)('insights keep nothing identifying, stored in $name', (backend) => {
  it('no secret, user id or conversation id in the insights JSON, the page in four languages or the table', async () => {
    const connector = await new FakeConnector().start();
    const app = await startApp({
      env: { STORAGE_URL: backend.storageUrl(), TICKETS_API_KEY: KEY, RATE_LIMIT: 'off' },
      storageFromUrl: true,
    });
    const { url } = app;
    try {
      const send = async (step: string | Record<string, unknown>) => {
        const activity = messageActivity(connector.serviceUrl, typeof step === 'string' ? step : '', {
          conversation: { id: CONVERSATION_ID, conversationType: 'personal' },
          from: { id: USER_ID, name: EMAIL, aadObjectId: GUID },
          ...(typeof step === 'string' ? {} : { text: undefined, value: step }),
        });
        expect((await post(url, activity)).status).toBe(200);
      };
      await send(REJECTED);
      await send(`We are a Gold partner, Access ID ${ACCESS_ID}, how many incidents do we get? mail ${EMAIL}`);
      await send({ action: 'feedback', helpful: false, intent: 'remaining_incidents', lang: 'en' });
      await send({
        action: 'feedback_comment',
        intent: 'remaining_incidents',
        lang: 'en',
        comment: `wrong, my contract is ${CONTRACT_ID} ${JWT}`,
      });
      await send(REJECTED);
      await send('talk to a person');
      await send(`Summary: ${GUID} ${EMAIL} ${ACCESS_ID}`);
      await send('yes');

      const response = await fetch(`${url}/api/insights`, { headers: { authorization: `Bearer ${KEY}` } });
      const json = await response.text();
      const report = JSON.parse(json) as InsightsReport;
      // The run was counted, and the rejected question reached the insights: masked.
      expect(report.totals).toMatchObject({ conversations: 1, handoffs: 1, tickets: 1 });
      expect(report.totals.rejected + report.totals.clarify).toBeGreaterThanOrEqual(1);
      expect(report.topRejected?.length).toBeGreaterThan(0);
      expect(report.topRejected?.[0]?.text).toContain('which tuna is best for cats?');

      const outputs = [
        { where: '/api/insights', text: json },
        { where: 'insights_events', text: await backend.insightsRows() },
      ];
      for (const lang of LANGS) {
        const page = await fetch(`${url}/insights?locale=${LOCALE_OF[lang]}`, {
          headers: { authorization: `Bearer ${KEY}` },
        });
        expect(page.status).toBe(200);
        outputs.push({ where: `/insights in ${lang}`, text: await page.text() });
      }
      const hits = outputs.flatMap(({ where, text }) =>
        SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${where}`),
      );
      expect(hits).toEqual([]);
    } finally {
      await app.close();
      await connector.stop();
    }
  }, 60_000);
});
