/**
 * The demo page (/) in headless Chromium against the real app: Web Chat opens ready over a WebSocket in the
 * browser's language, a question in each language gets the bot's entitlement card, a card's buttons carry the
 * conversation on, and the chat falls back to polling when WebSockets cannot open. No page logs an error.
 */
import { describe, expect, it } from 'vitest';
import { plain, sectionHeading } from '../../cards/views/articleText';
import { LANGS, LOCALE_OF, type Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { entitlementOf } from '../../src/rules/entitlement';
import { FACT_VALUES } from '../../src/rules/facts';
import { appForBrowser, describeInBrowser, openPage, screenshot } from '../support/browser';
import { cardWith, entitlementFacts, oneLine, say, scenarioSteps, sendBox, visible, waitForChat } from './webChat';

const TIMEOUT = 60_000;

/** A network that refuses WebSocket upgrades: every socket fails before it opens (run in the page, as is). */
const REFUSED_WEBSOCKET = `
  class RefusedWebSocket extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.readyState = 0;
      this.onopen = this.onerror = this.onclose = this.onmessage = null;
      setTimeout(() => {
        this.readyState = 3;
        const error = new Event('error');
        this.dispatchEvent(error);
        if (this.onerror) this.onerror(error);
        const close = new CloseEvent('close', { code: 1006 });
        this.dispatchEvent(close);
        if (this.onclose) this.onclose(close);
      }, 10);
    }
    send() { throw new DOMException('the socket is not open', 'InvalidStateError'); }
    close() {}
  }
  Object.assign(RefusedWebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.WebSocket = RefusedWebSocket;
`;

const app = appForBrowser();

describeInBrowser('the web chat demo page', () => {
  it('opens with Web Chat connected over a WebSocket and a localized heading', { timeout: TIMEOUT }, async () => {
    const { page, context, problems } = await openPage({ locale: 'en-US' });
    await page.goto(`${app.url}/`);
    await waitForChat(page);
    expect(await page.locator('h1').textContent()).toBe(t('en', 'web.page.title'));
    expect(await page.title()).toBe(t('en', 'web.page.title'));
    await screenshot(page, 'widget-ready-en');
    expect(problems).toEqual([]);
    await context.close();
  });

  describe.each(LANGS)('in a browser set to %s', (lang: Lang) => {
    it(
      'answers an entitlement question with the bot entitlement card in that language',
      { timeout: TIMEOUT },
      async () => {
        const [question, answer] = scenarioSteps(`entitlement-${lang}`);
        const facts = answer?.facts ?? {};
        const { page, context, problems } = await openPage({ locale: LOCALE_OF[lang] });
        await page.goto(`${app.url}/`);
        await waitForChat(page);
        expect(await page.locator('html').getAttribute('lang')).toBe(LOCALE_OF[lang]);
        expect(await page.locator('h1').textContent()).toBe(t(lang, 'web.page.title'));
        if (lang !== 'en') expect(await sendBox(page).getAttribute('placeholder')).not.toBe('Type your message');
        // The conversation starts in the page's language: the bot's welcome is in it too.
        await visible(cardWith(page, t(lang, 'welcome.title')));

        await say(page, question?.user ?? '');
        const card = await visible(cardWith(page, sectionHeading(127, lang)));
        const text = oneLine((await card.textContent()) ?? '');
        // The incidents of each membership the card is about, as the rules count them and the article words them.
        const memberships = facts.membership ? [facts.membership] : FACT_VALUES.membership;
        for (const membership of memberships)
          expect(text).toContain(String(entitlementOf(membership, 'other').productSupportIncidents));
        for (const fact of entitlementFacts(facts, lang)) expect(text).toContain(oneLine(fact.value));
        await screenshot(page, `widget-entitlement-${lang}`);
        expect(problems).toEqual([]);
        await context.close();
      },
    );
  });

  it('follows a question card: the choices pressed lead to the answer (French)', { timeout: TIMEOUT }, async () => {
    const lang: Lang = 'fr';
    const [question] = scenarioSteps('cloud-request-fr');
    const { page, context, problems } = await openPage({ locale: LOCALE_OF[lang] });
    await page.goto(`${app.url}/`);
    await waitForChat(page);

    await say(page, question?.user ?? '');
    const cspCard = await visible(cardWith(page, t(lang, 'fact.csp.question')));
    await cspCard.getByRole('button', { name: plain(t(lang, 'fact.csp.not_csp')) }).click();
    const membershipCard = await visible(cardWith(page, t(lang, 'fact.membership.question')));
    await screenshot(page, 'widget-question-card-fr');
    await membershipCard.getByRole('button', { name: plain(t(lang, 'fact.membership.gold')) }).click();
    await visible(cardWith(page, t(lang, 'outcome.cloud_support_request.signature_cloud_support')));
    await screenshot(page, 'widget-follow-up-answer-fr');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so, in the page language, when it cannot get a token', { timeout: TIMEOUT }, async () => {
    const { page, context, problems } = await openPage({ locale: 'ru-RU' });
    await context.route('**/api/webchat/token', (route) =>
      route.fulfill({ status: 503, json: { error: { code: 'ServiceUnavailable' } } }),
    );
    await page.goto(`${app.url}/`);
    const notice = await visible(page.getByRole('alert'));
    expect(await notice.textContent()).toBe(t('ru', 'web.chat.unavailable'));
    expect(await page.locator('#webchat').getAttribute('data-status')).toBe('failed');
    await screenshot(page, 'widget-no-token-ru');
    // The browser reports the failed request, and the page says why for whoever opens the console.
    expect(problems).toEqual([
      expect.stringContaining('503'),
      expect.stringContaining('The chat could not start: the token request answered HTTP 503'),
    ]);
    await context.close();
  });

  it('falls back to polling when the WebSocket cannot open, and still answers', { timeout: TIMEOUT }, async () => {
    const { page, context, problems } = await openPage({ locale: 'en-US' });
    await context.addInitScript({ content: REFUSED_WEBSOCKET });
    await page.goto(`${app.url}/`);
    await waitForChat(page, 'polling');
    await say(page, 'how many incidents does a Gold partner get?');
    const card = await visible(cardWith(page, sectionHeading(127, 'en')));
    expect(oneLine((await card.textContent()) ?? '')).toContain(
      entitlementFacts({ membership: 'gold' }, 'en')[0]?.value ?? '(no fact)',
    );
    await screenshot(page, 'widget-polling-fallback');
    expect(problems).toEqual([]);
    await context.close();
  });
});
