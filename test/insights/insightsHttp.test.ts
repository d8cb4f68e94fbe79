/**
 * The insights over real HTTP on loopback, on SQLite and on PostgreSQL: three conversations go through
 * /api/messages (a "did you mean", misses, an answer, a hand-off with its ticket, feedback yes and no, two
 * channels, three languages), then GET /api/insights counts them and GET /insights draws them; filters, the
 * key (bearer or x-api-key; missing or wrong: 401; no key configured: no route) and refused parameters (400,
 * each problem named, in the page's language on the page).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsightsReport } from '../../src/insights/insightsReport';
import { CHANNEL_LABELS } from '../../src/observability/metrics';
import { LANGS, LOCALE_OF } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { messageActivity, post } from '../http/messageActivity';
import { FakeConnector } from '../support/fakeConnector';
import { useTestSchema } from '../support/postgres';
import { startApp, type RunningApp } from '../support/testApp';

const KEY = 'insights-test-key-0123456789';
const folder = mkdtempSync(join(tmpdir(), 'mpn-insights-http-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const schema = useTestSchema('insights_http');

const BACKENDS = [
  { name: 'SQLite', storageUrl: () => `sqlite:${join(folder, 'bot.db')}` },
  { name: 'PostgreSQL', storageUrl: () => schema().url },
];

/** The conversations of the test: what each partner sends, in order (text, or a card's submit value). */
function conversations(
  serviceUrl: string,
): { channelId: string; locale: string; id: string; steps: (string | Record<string, unknown>)[] }[] {
  return [
    {
      // "did you mean" (clarify-en), a suggestion picked, then "Yes" to "Was this helpful?".
      id: 'insights-en',
      channelId: 'msteams',
      locale: 'en-US',
      steps: [
        'support stuff',
        { action: 'ask', intent: 'entitlement' },
        { action: 'feedback', helpful: true, intent: 'entitlement', lang: 'en' },
      ],
    },
    {
      // An out-of-scope question (out-of-scope-fr), then the button for a person, the last question as summary, consent.
      id: 'insights-fr',
      channelId: 'msteams',
      locale: 'fr-FR',
      steps: [
        'Quel temps fera-t-il demain à Lyon ?',
        { action: 'handoff' },
        { action: 'handoff_summary' },
        { action: 'handoff_consent', consent: true },
      ],
    },
    {
      // A miss, an answer (misses-not-in-a-row-pt), then "No" to "Was this helpful?", on web chat.
      id: 'insights-pt',
      channelId: 'webchat',
      locale: 'pt-BR',
      steps: [
        'Como instalo o Windows 11 num Mac?',
        'Quais planos de suporte pagos existem para parceiros?',
        { action: 'feedback', helpful: false, intent: 'paid_support_plans', lang: 'pt' },
      ],
    },
  ].map((c) => ({ ...c, serviceUrl }));
}

async function talk(url: string, serviceUrl: string): Promise<void> {
  for (const conversation of conversations(serviceUrl)) {
    for (const step of conversation.steps) {
      const activity = messageActivity(serviceUrl, typeof step === 'string' ? step : '', {
        channelId: conversation.channelId,
        locale: conversation.locale,
        conversation: { id: conversation.id, conversationType: 'personal' },
        from: { id: `${conversation.id}-user`, name: 'Partner' },
        ...(typeof step === 'string' ? {} : { text: undefined, value: step }),
      });
      const { status } = await post(url, activity);
      expect(status).toBe(200);
    }
  }
}

describe.each(BACKENDS)('insights over HTTP, stored in $name', (backend) => {
  let connector: FakeConnector;
  let app: RunningApp;
  let url: string;
  const get = (path: string, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) =>
    fetch(`${url}${path}`, { headers });
  const report = async (query = ''): Promise<InsightsReport> => {
    const response = await get(`/api/insights${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as InsightsReport;
  };

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    app = await startApp({
      env: { STORAGE_URL: backend.storageUrl(), TICKETS_API_KEY: KEY, RATE_LIMIT: 'off' },
      storageFromUrl: true,
    });
    url = app.url;
    await talk(url, connector.serviceUrl);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await connector?.stop();
  });

  it('counts conversations, questions by outcome, hand-offs, deflection, tickets and feedback by topic', async () => {
    const { totals, tickets, feedback, feedbackByTopic, period } = await report();
    expect(period.days).toBe(30);
    expect(totals).toEqual({
      conversations: 3,
      questions: 4,
      answered: 1,
      clarify: 1,
      rejected: 2,
      handoffs: 1,
      deflected: 1,
      deflectionRate: 1 / 3,
      tickets: 1,
    });
    expect(tickets).toEqual({ new: 1, assigned: 0, resolved: 0, total: 1 });
    expect(feedback).toEqual({ helpful: 1, notHelpful: 1 });
    expect(feedbackByTopic).toEqual([
      { intent: 'entitlement', helpful: 1, notHelpful: 0 },
      { intent: 'paid_support_plans', helpful: 0, notHelpful: 1 },
    ]);
  });

  it('splits them by language and by channel, and filters by either', async () => {
    const all = await report();
    expect(
      all.byLang.map(({ lang, conversations, questions, handoffs, tickets }) => ({
        lang,
        conversations,
        questions,
        handoffs,
        tickets,
      })),
    ).toEqual([
      { lang: 'en', conversations: 1, questions: 1, handoffs: 0, tickets: 0 },
      { lang: 'pt', conversations: 1, questions: 2, handoffs: 0, tickets: 0 },
      { lang: 'fr', conversations: 1, questions: 1, handoffs: 1, tickets: 1 },
    ]);
    expect(
      all.byChannel.map(({ channel, conversations, questions }) => ({ channel, conversations, questions })),
    ).toEqual([
      { channel: 'msteams', conversations: 2, questions: 2 },
      { channel: 'webchat', conversations: 1, questions: 2 },
    ]);
    const french = await report('?lang=fr');
    expect(french.filter).toEqual({ lang: 'fr' });
    expect(french.totals).toMatchObject({
      conversations: 1,
      questions: 1,
      rejected: 1,
      handoffs: 1,
      deflected: 0,
      tickets: 1,
    });
    const webchat = await report('?channel=webchat');
    expect(webchat.totals).toMatchObject({
      conversations: 1,
      questions: 2,
      answered: 1,
      rejected: 1,
      deflected: 1,
      tickets: 0,
    });
    expect(webchat.channels).toEqual(['msteams', 'webchat']);
  });

  it('lists the rejected questions from the review store, redacted, most frequent first', async () => {
    const { topRejected } = await report();
    expect(topRejected?.map((q) => [q.lang, q.text, q.count]).sort()).toEqual([
      ['fr', 'Quel temps fera-t-il demain à Lyon ?', 1],
      ['pt', 'Como instalo o Windows 11 num Mac?', 1],
    ]);
    expect((await report('?channel=webchat')).topRejected?.map((q) => q.lang)).toEqual(['pt']);
  });

  it('counts a period that ended before the turns as empty, day by day', async () => {
    const past = await report('?from=2020-01-01&to=2020-01-07');
    expect(past.period).toEqual({ from: '2020-01-01', to: '2020-01-07', days: 7 });
    expect(past.byDay.map((d) => d.day)).toEqual([
      '2020-01-01',
      '2020-01-02',
      '2020-01-03',
      '2020-01-04',
      '2020-01-05',
      '2020-01-06',
      '2020-01-07',
    ]);
    expect(past.totals.conversations).toBe(0);
    expect(past.totals.deflectionRate).toBeNull();
    const today = (await report()).byDay.at(-1);
    expect(today).toEqual({
      day: new Date().toISOString().slice(0, 10),
      answered: 1,
      clarify: 1,
      rejected: 2,
      handoffs: 1,
    });
  });

  it('refuses wrong parameters with every problem named (400), in the page language on the page', async () => {
    const response = await get('/api/insights?from=2026-02-30&lang=de&channel=fax&limit=3');
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; problems: string[] } };
    expect(error.code).toBe('BadRequest');
    expect(error.problems).toEqual([
      t('en', 'insights.error.unknown_parameter', { name: 'limit', known: 'from, to, lang, channel, locale' }),
      t('en', 'insights.error.bad_date', { name: 'from' }),
      t('en', 'insights.error.bad_lang', { known: 'en, ru, pt, fr' }),
      t('en', 'insights.error.bad_channel', { known: CHANNEL_LABELS.join(', ') }),
    ]);
    const order = (await (await get('/api/insights?from=2026-03-02&to=2026-03-01')).json()) as {
      error: { problems: string[] };
    };
    expect(order.error.problems).toEqual([t('en', 'insights.error.from_after_to')]);
    const long = (await (await get('/api/insights?from=2024-01-01&to=2026-01-01')).json()) as {
      error: { problems: string[] };
    };
    expect(long.error.problems).toEqual([t('en', 'insights.error.too_long', { max: 366 })]);

    const page = await get('/insights?from=yesterday&locale=ru-RU');
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain(t('ru', 'insights.error.title'));
    expect(html).toContain(t('ru', 'insights.error.bad_date', { name: 'from' }));
  });

  it('answers only with the key, as a bearer header or x-api-key; never a key in the URL', async () => {
    const refused: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-key-0123456789abcdef' },
      { authorization: `Basic ${KEY}` },
    ];
    for (const headers of refused) {
      const api = await get('/api/insights', headers);
      expect(api.status).toBe(401);
      expect(await api.text()).not.toContain('conversations');
      const page = await get('/insights?locale=pt-BR', headers);
      expect(page.status).toBe(401);
      const html = await page.text();
      expect(html).toContain(t('pt', 'insights.unauthorized'));
      expect(html).not.toContain(t('pt', 'insights.conversations'));
    }
    expect((await get(`/api/insights?key=${KEY}`, {})).status).toBe(401);
    expect((await get('/api/insights', { 'x-api-key': KEY })).status).toBe(200);
  });

  it("the page takes the review page's sign-in cookie (the API does not); a forged or missing one gets the way to sign in", async () => {
    const login = await fetch(`${url}/review/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: 'Ana', key: KEY, locale: 'fr-FR' }).toString(),
    });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^mpn_review=./);
    expect(login.headers.get('set-cookie')).toMatch(/Path=\/;.*HttpOnly; SameSite=Strict/);
    const page = await get('/insights?locale=fr-FR', { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(t('fr', 'insights.by_day'));
    expect((await get('/api/insights', { cookie })).status).toBe(401);
    const forged = await get('/insights?locale=fr-FR', { cookie: `${cookie.slice(0, -2)}xx` });
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain('href="/review?locale=fr-FR"');
  });

  it("draws the page in each of the four languages with the numbers and charts, under the pages' CSP", async () => {
    for (const lang of LANGS) {
      const locale = LOCALE_OF[lang];
      const response = await get(`/insights?locale=${locale}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const html = await response.text();
      expect(html).toContain(`<html lang="${locale}">`);
      for (const key of [
        'insights.title',
        'insights.by_day',
        'insights.by_lang',
        'insights.by_channel',
        'insights.feedback_by_topic',
        'insights.top_rejected',
      ]) {
        expect(html, key).toContain(t(lang, key).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`));
      }
      expect(html.match(/<svg /g)?.length).toBeGreaterThan(5);
      expect(html).not.toMatch(/<script|style="/);
    }
  });
});

describe('without TICKETS_API_KEY', () => {
  it('has no insights routes at all', async () => {
    const app = await startApp();
    try {
      const base = app.url;
      expect((await fetch(`${base}/api/insights`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(404);
      expect((await fetch(`${base}/insights`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
