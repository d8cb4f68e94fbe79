/**
 * The Teams tab in headless Chromium: the entitlement checker shows the bot's entitlement card for each
 * membership in the light and dark themes (and high contrast once), in each language, with the quick links; in a
 * (fake) Teams client it follows the Teams context and theme changes. No page logs an error.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { portalUrl, sectionHeading } from '../../cards/views/articleText';
import { LOCALE_OF, type Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { entitlementOf } from '../../src/rules/entitlement';
import type { CompetencyKind, Membership } from '../../src/rules/facts';
import { QUICK_LINKS } from '../../src/web/tabPage';
import { PALETTES, type TeamsTheme } from '../../src/web/tabThemes';
import { appForBrowser, describeInBrowser, openPage, screenshot } from '../support/browser';
import { entitlementFacts, oneLine, visible } from './webChat';

const TIMEOUT = 60_000;

const app = appForBrowser();

/** The computed background colour of the first element a selector finds, as an expression run in the page. */
function backgroundOf(selector: string): string {
  return `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).backgroundColor`;
}

/** "#1F1F1F" as getComputedStyle writes it: "rgb(31, 31, 31)". */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

interface Case {
  membership: Membership;
  competency?: CompetencyKind;
  theme: TeamsTheme;
  lang: Lang;
}

/** Every membership in light and dark, the languages in turn, and high contrast once. */
const CASES: Case[] = [
  { membership: 'action_pack', theme: 'default', lang: 'en' },
  { membership: 'silver', competency: 'other', theme: 'default', lang: 'ru' },
  { membership: 'gold', competency: 'cloud', theme: 'default', lang: 'pt' },
  { membership: 'action_pack', theme: 'dark', lang: 'fr' },
  { membership: 'silver', competency: 'cloud', theme: 'dark', lang: 'en' },
  { membership: 'gold', competency: 'other', theme: 'dark', lang: 'ru' },
  { membership: 'gold', competency: 'other', theme: 'contrast', lang: 'fr' },
];

/** Picks the facts in the checker and waits for their card. */
async function check(page: Page, { membership, competency, lang }: Omit<Case, 'theme'>): Promise<void> {
  await page.getByLabel(t(lang, `fact.membership.${membership}`), { exact: true }).check();
  if (competency) await page.getByLabel(t(lang, `fact.competency.${competency}`), { exact: true }).check();
  await visible(
    page.locator(
      `#card[data-state="shown"][data-membership="${membership}"][data-competency="${competency ?? ''}"][data-lang="${lang}"]`,
    ),
  );
}

/** What the card must show: the bot's facts for this membership, in this language; no button that talks to the bot. */
async function expectEntitlementCard(page: Page, { membership, competency, lang }: Omit<Case, 'theme'>): Promise<void> {
  const card = page.locator('#card .ac-adaptiveCard');
  const text = oneLine((await card.textContent()) ?? '');
  expect(text).toContain(oneLine(sectionHeading(127, lang)));
  expect(text).toContain(String(entitlementOf(membership, competency ?? 'other').productSupportIncidents));
  for (const fact of entitlementFacts({ membership, ...(competency ? { competency } : {}) }, lang))
    expect(text).toContain(oneLine(fact.value));
  // The card's only button opens Partner Center (the renderer gives it the role of a link); feedback and
  // "talk to a person" belong to a conversation and are left out.
  expect(await card.locator('button').allTextContents()).toEqual([t(lang, 'portal.partner_center_benefits')]);
  expect(await card.getByRole('link', { name: t(lang, 'portal.partner_center_benefits') }).count()).toBe(1);
}

async function expectQuickLinks(page: Page, lang: Lang): Promise<void> {
  const links = page.locator('nav.links a');
  expect(await links.allTextContents()).toEqual(QUICK_LINKS.map((portal) => t(lang, `portal.${portal}`)));
  expect(await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).toEqual(
    QUICK_LINKS.map((portal) => portalUrl(portal)),
  );
}

describeInBrowser('the Teams tab outside Teams', () => {
  it.each(CASES)('shows the $membership card in the $theme theme ($lang)', { timeout: TIMEOUT }, async (testCase) => {
    const { theme, lang } = testCase;
    const { page, context, problems } = await openPage({ locale: 'en-US' });
    await page.goto(`${app.url}/tab?locale=${LOCALE_OF[lang]}&theme=${theme}`);
    await check(page, testCase);
    await expectEntitlementCard(page, testCase);
    await expectQuickLinks(page, lang);
    expect(await page.locator('html').getAttribute('data-host')).toBe('browser');
    expect(await page.locator('html').getAttribute('lang')).toBe(LOCALE_OF[lang]);
    expect(await page.locator('h1').textContent()).toBe(t(lang, 'tab.title'));
    expect(await page.evaluate(backgroundOf('body'))).toBe(rgb(PALETTES[theme].page));
    await screenshot(page, `tab-${testCase.membership}-${theme}-${lang}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without a query: the browser language, the light theme and the whole table', { timeout: TIMEOUT }, async () => {
    const { page, context, problems } = await openPage({ locale: 'pt-BR' });
    await page.goto(`${app.url}/tab`);
    const card = await visible(
      page.locator('#card[data-state="shown"][data-membership=""][data-lang="pt"] .ac-adaptiveCard'),
    );
    expect(oneLine((await card.textContent()) ?? '')).toContain(oneLine(t('pt', 'entitlement.whole_table')));
    expect(await page.locator('html').getAttribute('data-theme')).toBe('default');
    expect(await page.locator('h1').textContent()).toBe(t('pt', 'tab.title'));
    await screenshot(page, 'tab-whole-table-pt');
    expect(problems).toEqual([]);
    await context.close();
  });
});

/**
 * A stand-in for the Teams web client at https://teams.microsoft.com (a host teams-js accepts messages from): it
 * frames the tab and answers teams-js's initialize and getContext with a French user in the dark theme, as
 * the real client does over postMessage. The tab is served as https://bot.test, routed to the app.
 */
const FAKE_TEAMS = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Teams</title><link rel="icon" href="data:,"></head>
<body style="margin:0">
<iframe id="tab" style="width:100%;height:100vh;border:0"></iframe>
<script>
  var frame = document.getElementById('tab');
  var runtime = JSON.stringify({ apiVersion: 4, supports: { app: {}, appInstallDialog: {}, pages: { appButton: {}, tabs: {}, config: {} }, teams: { fullTrust: {} } } });
  var context = { locale: 'fr-fr', theme: 'dark', entityId: 'benefits', frameContext: 'content', hostClientType: 'web', appSessionId: 'session' };
  window.received = [];
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow) return;
    var message = event.data;
    window.received.push(message.func);
    function reply(args) {
      frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args: args }, event.origin);
    }
    if (message.func === 'initialize') reply(['content', 'web', runtime, '2.58.0']);
    if (message.func === 'getContext') reply([context]);
  });
  window.changeTheme = function (theme) {
    frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, 'https://bot.test');
  };
  // As the manifest's contentUrl, with what Teams substitutes; the context says otherwise and wins.
  frame.src = 'https://bot.test/tab?locale=en-us&theme=default';
</script>
</body></html>`;

describeInBrowser('the Teams tab when the card cannot be loaded', () => {
  it('says so in the tab language and keeps the choices', { timeout: TIMEOUT }, async () => {
    const { page, context, problems } = await openPage({ locale: 'en-US' });
    await context.route('**/api/tab/entitlement-card*', (route) =>
      route.fulfill({ status: 500, json: { error: { code: 'InternalError' } } }),
    );
    await page.goto(`${app.url}/tab?locale=fr-FR`);
    const notice = await visible(page.getByRole('alert'));
    expect(await notice.textContent()).toBe(t('fr', 'tab.card_error'));
    expect(await page.locator('#card').getAttribute('data-state')).toBe('failed');
    expect(await page.getByLabel(t('fr', 'fact.membership.gold'), { exact: true }).isEnabled()).toBe(true);
    expect(problems).toEqual([
      expect.stringContaining('500'),
      expect.stringContaining('The entitlement card could not be loaded: the card request answered HTTP 500'),
    ]);
    await context.close();
  });
});

describeInBrowser('the Teams tab in Teams', () => {
  it('takes language and theme from the Teams context and follows theme changes', { timeout: TIMEOUT }, async () => {
    const { page, context, problems } = await openPage({ locale: 'en-US' });
    await context.route('https://teams.microsoft.com/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: FAKE_TEAMS }),
    );
    await context.route('https://bot.test/**', async (route) => {
      const { pathname, search } = new URL(route.request().url());
      await route.fulfill({ response: await route.fetch({ url: `${app.url}${pathname}${search}` }) });
    });
    await page.goto('https://teams.microsoft.com/_fake/tab-host');
    const tab = page.frameLocator('#tab');
    await visible(tab.locator('html[data-host="teams"][data-theme="dark"][lang="fr-FR"]'));
    await visible(tab.locator('#card[data-state="shown"][data-lang="fr"]'));
    expect(await tab.locator('h1').textContent()).toBe(t('fr', 'tab.title'));

    await tab.getByLabel(t('fr', 'fact.membership.gold'), { exact: true }).check();
    await visible(tab.locator('#card[data-state="shown"][data-membership="gold"][data-lang="fr"]'));
    await page.evaluate("changeTheme('contrast')");
    await visible(tab.locator('html[data-theme="contrast"]'));
    const cardBackground = await page
      .frame({ url: /^https:\/\/bot\.test\/tab/ })
      ?.evaluate(backgroundOf('#card .ac-adaptiveCard'));
    expect(cardBackground).toBe(rgb(PALETTES.contrast.surface));
    const received = await page.evaluate<string[]>('window.received');
    expect(received).toEqual(expect.arrayContaining(['initialize', 'getContext', 'appInitialization.success']));
    await screenshot(page, 'tab-in-teams-fr-contrast', { fullPage: false });
    expect(problems).toEqual([]);
    await context.close();
  });
});
