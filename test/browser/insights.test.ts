/**
 * The insights page in headless Chromium, over a SQLite file filled with a month of events, tickets and rejected
 * questions: its tiles show the numbers of /api/insights, the charts are drawn (no script, nothing blocked by the
 * CSP, no console error), the filter links narrow it to a language and a channel, and the page language links
 * redraw it in each of the four languages. Screenshots: test-artifacts/browser/insights-*.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { LANGS, LOCALE_OF, type Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import type { InsightEvent, Outcome } from '../../src/insights/insightEvent';
import type { InsightsReport } from '../../src/insights/insightsReport';
import { openStorage } from '../../src/storage/openStorage';
import { appForBrowser, describeInBrowser, openPage, screenshot } from '../support/browser';
import { SEED } from '../tickets/ticketFixtures';

const KEY = 'insights-browser-key-0123456789';
const TIMEOUT = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const folder = mkdtempSync(join(tmpdir(), 'mpn-insights-browser-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const storageUrl = `sqlite:${join(folder, 'bot.db')}`;

/** A month of turns: each day a few conversations per language and channel, with outcomes in a fixed pattern. */
function monthOfEvents(now: number): InsightEvent[] {
  const outcomes: Outcome[] = [
    'answered',
    'answered',
    'answered',
    'clarify',
    'answered',
    'rejected',
    'answered',
    'helpful',
    'handoff',
    'not_helpful',
  ];
  const intents = ['entitlement', 'activate_benefits', 'remaining_incidents', 'access_id_already_associated'] as const;
  const events: InsightEvent[] = [];
  for (let day = 29; day >= 0; day--) {
    const perDay = 6 + ((day * 7) % 9);
    for (let i = 0; i < perDay; i++) {
      const lang = LANGS[(day + i) % 4] as Lang;
      events.push({
        at: new Date(now - day * DAY_MS - (i + 1) * 60_000).toISOString(),
        lang,
        channel: i % 3 === 0 ? 'webchat' : 'msteams',
        conversation: `c-${day}-${Math.floor(i / 2)}`,
        outcome: outcomes[(day + i * 3) % outcomes.length] as Outcome,
        intent: intents[(day + i) % intents.length],
      });
    }
  }
  return events;
}

const app = appForBrowser({
  env: { STORAGE_URL: storageUrl, TICKETS_API_KEY: KEY },
  async before() {
    const now = Date.now();
    const opened = await openStorage(storageUrl);
    const { insights, tickets, reviews } = opened;
    try {
      for (const event of monthOfEvents(now)) await insights.record(event);
      for (const [i, seed] of SEED.entries()) {
        const { ticket } = await tickets.create({ ...seed.ticket, sourceActivityId: `browser-${i}` });
        if (seed.then?.assign) await tickets.assign(ticket.number, { id: '29:1agent', name: 'Ana Agent' });
      }
      const rejected = [
        ['en', 'How do I get Azure credits for my startup?', 3],
        ['fr', 'Comment rejoindre le programme Founders Hub ?', 2],
        ['ru', 'Как получить спонсорство Azure?', 1],
      ] as const;
      for (const [lang, text, times] of rejected) {
        for (let i = 0; i < times; i++)
          await reviews.add({
            reason: 'rejected',
            lang,
            channel: 'msteams',
            text,
            intents: [{ intent: 'out_of_scope', confidence: 0.9 }],
            requesterKey: `user/${lang}-${i}`,
          });
      }
    } finally {
      await opened.close();
    }
  },
});

const headers = { authorization: `Bearer ${KEY}` };
const numberIn = (lang: Lang) => (n: number) => new Intl.NumberFormat(LOCALE_OF[lang]).format(n);

describeInBrowser('the insights page in Chromium', () => {
  it(
    'shows the numbers of /api/insights as tiles and charts, with no script and nothing blocked',
    async () => {
      const { page, problems, context } = await openPage({ extraHTTPHeaders: headers });
      try {
        const report = (await (await context.request.get(`${app.url}/api/insights`)).json()) as InsightsReport;
        expect(report.totals.questions).toBeGreaterThan(100);
        const response = await page.goto(`${app.url}/insights?locale=en-US`);
        expect(response?.status()).toBe(200);
        const tile = (key: string) => page.locator(`.tile[data-key="${key}"] .tile-value`);
        const n = numberIn('en');
        expect(await tile('insights.conversations').textContent()).toBe(n(report.totals.conversations));
        expect(await tile('insights.questions').textContent()).toBe(n(report.totals.questions));
        expect(await tile('insights.answered').textContent()).toBe(n(report.totals.answered));
        expect(await tile('insights.rejected').textContent()).toBe(n(report.totals.rejected));
        expect(await tile('insights.handoffs').textContent()).toBe(n(report.totals.handoffs));
        expect(await tile('insights.tickets').textContent()).toBe(n(report.tickets.total));
        // One column per day with questions, stacked from the three outcomes.
        const daysWithQuestions = report.byDay.filter((d) => d.answered + d.clarify + d.rejected > 0).length;
        const columns = await page
          .locator('svg.chart')
          .evaluate((svg) => new Set([...svg.querySelectorAll('rect')].map((r) => r.getAttribute('x'))).size);
        expect(columns).toBe(daysWithQuestions);
        // The colours come from the style sheet: the CSP let it apply.
        const fill = await page.evaluate("getComputedStyle(document.querySelector('svg.chart rect.s-answered')).fill");
        expect(fill).toBe('rgb(46, 125, 50)');
        await expect(page.locator('table.rejected tbody tr').count()).resolves.toBe(3);
        expect(await page.locator('table.rejected tbody tr').first().textContent()).toContain(
          'How do I get Azure credits for my startup?',
        );
        expect(await page.locator('script').count()).toBe(0);
        await screenshot(page, 'insights-en');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'narrows to a language and a channel through its links, and redraws in each page language',
    async () => {
      const { page, problems, context } = await openPage({ extraHTTPHeaders: headers });
      try {
        await page.goto(`${app.url}/insights?locale=en-US`);
        const choices = (key: string) => page.getByRole('navigation', { name: t('en', key), exact: true });
        await choices('insights.language')
          .getByRole('link', { name: t('fr', 'language.name') })
          .click();
        await choices('insights.channel').getByRole('link', { name: 'webchat' }).click();
        const filtered = (await (
          await context.request.get(`${app.url}/api/insights?lang=fr&channel=webchat`)
        ).json()) as InsightsReport;
        expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
        expect(new URL(page.url()).searchParams.get('channel')).toBe('webchat');
        const questions = page.locator('.tile[data-key="insights.questions"] .tile-value');
        expect(await questions.textContent()).toBe(numberIn('en')(filtered.totals.questions));
        expect(await page.locator('table.rejected tbody tr').count()).toBe(0);
        for (const lang of LANGS) {
          await page
            .locator('nav.choices')
            .last()
            .getByRole('link', { name: t(lang, 'language.name') })
            .click();
          expect(await page.locator('html').getAttribute('lang')).toBe(LOCALE_OF[lang]);
          expect(await page.locator('h1').textContent()).toBe(t(lang, 'insights.title'));
          expect(await page.locator('h2').first().textContent()).toBe(t(lang, 'insights.by_day'));
          if (lang === 'ru') await screenshot(page, 'insights-ru-fr-webchat');
        }
        expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );

  it(
    'a person signs in once on the review page and then reads the insights with its cookie',
    async () => {
      const { page, problems, context } = await openPage();
      try {
        const refused = await page.goto(`${app.url}/insights?locale=pt-BR`);
        expect(refused?.status()).toBe(401);
        expect(await page.locator('p.problem').textContent()).toBe(t('pt', 'insights.unauthorized'));
        await page.getByRole('link', { name: t('pt', 'insights.sign_in') }).click();
        await page.getByLabel(t('pt', 'review.login.name')).fill('Ana');
        await page.getByLabel(t('pt', 'review.login.key')).fill(KEY);
        await page.getByRole('button', { name: t('pt', 'review.login.submit') }).click();
        await page.waitForURL(/\/review\?/);
        const shown = await page.goto(`${app.url}/insights?locale=pt-BR`);
        expect(shown?.status()).toBe(200);
        expect(await page.locator('h1').textContent()).toBe(t('pt', 'insights.title'));
        await screenshot(page, 'insights-pt-signed-in', { fullPage: false });
        // The 401 of the first visit is the only failed request.
        expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});
