/**
 * A partner's hand-off summary, shown back to a person in Web Chat (headless Chromium, the real app): a markdown
 * link and a bidi override typed as the summary appear on the consent question and on the ticket card as the
 * characters typed — no link to the phishing page, no reordered text.
 */
import { expect, it } from 'vitest';
import { plain } from '../../cards/views/articleText';
import { t } from '../../src/i18n/strings';
import { appForBrowser, describeInBrowser, openPage, screenshot } from '../support/browser';
import { cardWith, oneLine, say, visible, waitForChat } from './webChat';

const TIMEOUT = 60_000;
const LINK = '[verify here](https://phish.example/login)';
const SUMMARY = `Please ${LINK} and open invoice \u202Egnp.exe`;
const SHOWN = `Please ${LINK} and open invoice gnp.exe`;

const app = appForBrowser();

describeInBrowser('user text in Web Chat cards', () => {
  it(
    'shows a typed markdown link and a bidi override as plain text on the consent and ticket cards',
    { timeout: TIMEOUT },
    async () => {
      const { page, context, problems } = await openPage({ locale: 'en-US' });
      await page.goto(`${app.url}/`);
      await waitForChat(page);
      await say(page, 'talk to a person');
      await visible(cardWith(page, t('en', 'handoff.ask_summary')));
      await say(page, SUMMARY);

      const consent = await visible(cardWith(page, t('en', 'handoff.consent_question')));
      expect(await consent.locator('a').count()).toBe(0);
      expect(oneLine((await consent.textContent()) ?? '')).toContain(SHOWN);
      await screenshot(page, 'user-text-consent-card');
      await consent.getByRole('button', { name: plain(t('en', 'handoff.consent_yes')) }).click();

      const ticket = await visible(cardWith(page, t('en', 'ticket.title')));
      expect(await ticket.locator('a').count()).toBe(0);
      const shown = (await ticket.textContent()) ?? '';
      expect(oneLine(shown)).toContain(SHOWN);
      expect(shown).not.toContain('\u202E');
      expect(await page.locator('.ac-adaptiveCard a[href*="phish.example"]').count()).toBe(0);
      await screenshot(page, 'user-text-ticket-card');
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
