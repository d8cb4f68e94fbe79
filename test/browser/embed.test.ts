/**
 * The embed snippet on a plain page of another origin (127.0.0.2, with a strict CSP of its own): the launcher
 * opens this server's chat page in a frame, which gets its token from its own origin and answers in the
 * snippet's language; the host page itself cannot get a token.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sectionHeading } from '../../cards/views/articleText';
import { t } from '../../src/i18n/strings';
import { closeChromium, describeInBrowser, openPage, screenshot } from '../support/browser';
import { serveOtherOrigin, type OtherOrigin } from '../support/otherOrigin';
import { startApp, type RunningApp } from '../support/testApp';
import { cardWith, entitlementFacts, oneLine, say, scenarioSteps, visible, waitForChat } from './webChat';

const TIMEOUT = 60_000;
const TITLE = 'Contoso — support MPN';
const ACCENT = '#C50F1F';

let app: RunningApp;
let site: OtherOrigin;

/** A partner's page: some content and the one script tag from the README. */
function hostPage(appUrl: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Contoso partner portal</title><link rel="icon" href="data:,"></head>
<body>
  <h1>Contoso partner portal</h1>
  <p>Questions about your MPN support benefits? Use the chat button.</p>
  <script src="${appUrl}/embed.js" data-locale="fr-FR" data-title="${TITLE}" data-accent="${ACCENT}"></script>
</body>
</html>`;
}

beforeAll(async () => {
  app = await startApp();
  // The host's own CSP is strict: scripts from itself and the bot, frames from the bot, no inline style.
  site = await serveOtherOrigin(
    { '/': hostPage(app.url) },
    {
      'content-security-policy': `default-src 'self'; script-src 'self' ${app.url}; frame-src ${app.url}; style-src 'self'; img-src 'self' data:`,
    },
  );
});

afterAll(async () => {
  await closeChromium();
  await site?.close();
  await app?.close();
});

describeInBrowser('the embed snippet on another site', () => {
  it('adds a launcher that opens the chat in the snippet language, and closes it', { timeout: TIMEOUT }, async () => {
    const { page, context, problems } = await openPage({ locale: 'en-US' });
    await page.goto(`${site.origin}/`);
    const launcher = page.getByRole('button', { name: t('fr', 'web.launcher.open') });
    await visible(launcher);
    await screenshot(page, 'embed-launcher');

    await launcher.click();
    const frameElement = page.locator('#mpn-support-chat iframe');
    expect(new URL((await frameElement.getAttribute('src')) ?? '').origin).toBe(app.url);
    const chat = page.frameLocator('#mpn-support-chat iframe');
    await waitForChat(chat);
    expect(await chat.locator('html').getAttribute('lang')).toBe('fr-FR');
    expect(await page.getByRole('dialog', { name: TITLE }).isVisible()).toBe(true);

    const [question, answer] = scenarioSteps('entitlement-fr');
    await say(chat, question?.user ?? '');
    const card = await visible(cardWith(chat, sectionHeading(127, 'fr')));
    const text = oneLine((await card.textContent()) ?? '');
    for (const fact of entitlementFacts(answer?.facts ?? {}, 'fr')) expect(text).toContain(oneLine(fact.value));
    await screenshot(page, 'embed-open-fr');

    await page
      .getByRole('button', { name: t('fr', 'web.launcher.close') })
      .first()
      .click();
    expect(await page.getByRole('dialog', { name: TITLE }).isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fills a phone-sized screen', { timeout: TIMEOUT }, async () => {
    const { page, context, problems } = await openPage({ locale: 'pt-BR', viewport: { width: 390, height: 760 } });
    await page.goto(`${site.origin}/`);
    await page.getByRole('button', { name: t('fr', 'web.launcher.open') }).click();
    await waitForChat(page.frameLocator('#mpn-support-chat iframe'));
    expect(await page.getByRole('dialog', { name: TITLE }).boundingBox()).toEqual({
      x: 0,
      y: 0,
      width: 390,
      height: 760,
    });
    // The launcher would cover the send button: the header's close button stands in for it.
    expect(await page.locator('#mpn-support-chat .launcher').isHidden()).toBe(true);
    await screenshot(page, 'embed-open-phone');
    expect(problems).toEqual([]);
    await context.close();
  });

  it(
    'leaves the token to the framed chat page: the host page itself cannot get one',
    { timeout: TIMEOUT },
    async () => {
      const { page, context } = await openPage();
      await page.goto(`${site.origin}/`);
      const outcome = await page.evaluate(async (url) => {
        try {
          const response = await fetch(url, { method: 'POST' });
          return `HTTP ${response.status}`;
        } catch {
          return 'refused';
        }
      }, `${app.url}/api/webchat/token`);
      expect(outcome).toBe('refused');
      await context.close();
    },
  );
});
