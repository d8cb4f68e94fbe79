/**
 * The review page in headless Chromium: signing in through the login form (the cookie HttpOnly and out of the
 * page's reach), the missed questions grouped with counts, labelling one, a second reviewer's stale label refused
 * with the message in their language, the language links, and no console error (a CSP violation is one).
 * Screenshots: test-artifacts/browser/review-*.png.
 */
import { expect, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import { MemoryReviewStore } from '../../src/review/memoryReviewStore';
import type { NewReviewItem } from '../../src/review/reviewItem';
import { appForBrowser, describeInBrowser, openPage, screenshot } from '../support/browser';

const KEY = 'browser-review-key-0123456789';
const TIMEOUT = 60_000;
const reviews = new MemoryReviewStore();
const app = appForBrowser({ env: { TICKETS_API_KEY: KEY }, overrides: { reviews } });

const item = (text: string, fields: Partial<NewReviewItem> = {}): NewReviewItem => ({
  reason: 'rejected',
  lang: 'en',
  channel: 'msteams',
  text,
  intents: [
    { intent: 'out_of_scope', confidence: 0.71 },
    { intent: 'activate_benefits', confidence: 0.22 },
    { intent: 'entitlement', confidence: 0.04 },
  ],
  requesterKey: 'someone',
  ...fields,
});

async function seed(): Promise<string[]> {
  const added = [
    await reviews.add(item('how do I get Azure sponsorship credits for our startup')),
    await reviews.add(item('how do we get azure sponsorship credits for the startup?', { channel: 'directline' })),
    await reviews.add(
      item('Partner Center API returns 403 not authorized when I call it from PowerShell, my Access ID: [ACCESS ID]', {
        reason: 'clarify',
        intents: [
          { intent: 'not_authorized_error', confidence: 0.48 },
          { intent: 'out_of_scope', confidence: 0.41 },
          { intent: 'human_handoff', confidence: 0.05 },
        ],
      }),
    ),
    await reviews.add(item('Как получить кредиты Azure для стартапа?', { lang: 'ru', channel: 'webchat' })),
    await reviews.add(
      item('Comment devenir partenaire Solutions Partner ?', {
        lang: 'fr',
        reason: 'feedback_no',
        intents: [
          { intent: 'entitlement', confidence: 0.55 },
          { intent: 'paid_support_plans', confidence: 0.2 },
          { intent: 'out_of_scope', confidence: 0.19 },
        ],
      }),
    ),
    await reviews.add(
      item('asdf qwer', {
        intents: [
          { intent: 'out_of_scope', confidence: 0.99 },
          { intent: 'greeting', confidence: 0.01 },
          { intent: 'help', confidence: 0 },
        ],
      }),
    ),
  ];
  const done = await reviews.add(item('Onde vejo os créditos do Azure para parceiros?', { lang: 'pt' }));
  await reviews.label(done.id, { kind: 'out_of_scope' }, 'Bruno', 1);
  await reviews.markApplied([{ id: done.id, outcome: 'written' }]);
  return added.map((a) => a.id);
}

describeInBrowser('the review page in Chromium', () => {
  it(
    "signs in, shows the groups, labels a question, and refuses a second reviewer's stale label",
    async () => {
      const ids = await seed();
      const ana = await openPage({ locale: 'en-US' });
      await ana.page.goto(`${app.url}/review`);
      await ana.page.getByLabel(t('en', 'review.login.name')).fill('Ana Agent');
      await ana.page.getByLabel(t('en', 'review.login.key')).fill(KEY);
      await screenshot(ana.page, 'review-login-en');
      await ana.page.getByRole('button', { name: t('en', 'review.login.submit') }).click();
      await ana.page.getByRole('heading', { level: 1, name: t('en', 'review.title') }).waitFor();

      // The session cookie: HttpOnly, SameSite=Strict, invisible to the page.
      const [cookie] = await ana.context.cookies();
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie?.value).not.toContain(KEY);
      expect(await ana.page.evaluate('document.cookie')).toBe('');
      expect(ana.page.url()).not.toContain(KEY);

      // Groups with counts: the credit questions (two English near-duplicates, Russian, the applied Portuguese one).
      const credits = ana.page.locator('section.group[data-intent="activate_benefits"]');
      await expect(credits.locator('h2').textContent()).resolves.toContain(
        t('en', 'review.group.count', { count: 4, clusters: 3 }),
      );
      expect(await credits.locator('.cluster[data-size="2"] tr.item').count()).toBe(2);
      expect(await ana.page.locator('tr.item').count()).toBe(7);
      expect(
        await ana.page
          .locator('section.gained tr[data-kind="applied"][data-intent="out_of_scope"] td[data-lang="pt"]')
          .textContent(),
      ).toBe('+1');
      await screenshot(ana.page, 'review-list-en');

      // A second reviewer opens the page before Ana labels the first question.
      const bruno = await openPage({ locale: 'fr-FR' });
      await bruno.page.goto(`${app.url}/review`);
      await bruno.page.getByLabel(t('fr', 'review.login.name')).fill('Bruno');
      await bruno.page.getByLabel(t('fr', 'review.login.key')).fill(KEY);
      await bruno.page.getByRole('button', { name: t('fr', 'review.login.submit') }).click();
      await bruno.page.getByRole('heading', { level: 1, name: t('fr', 'review.title') }).waitFor();

      const anaRow = ana.page.locator(`tr.item[data-id="${ids[0]}"]`);
      await anaRow.locator('select[name="label"]').selectOption('out_of_scope');
      await anaRow.getByRole('button', { name: t('en', 'review.label.save') }).click();
      await ana.page.locator('.notice[data-notice="labelled"]').waitFor();
      expect(await ana.page.locator(`tr.item[data-id="${ids[0]}"]`).getAttribute('data-status')).toBe('labelled');
      expect((await reviews.get(ids[0]!))?.label).toEqual({ kind: 'out_of_scope' });

      const brunoRow = bruno.page.locator(`tr.item[data-id="${ids[0]}"]`);
      await brunoRow.locator('select[name="label"]').selectOption('noise');
      await brunoRow.getByRole('button', { name: t('fr', 'review.label.save') }).click();
      const conflict = bruno.page.locator('.notice[data-notice="conflict"]');
      await conflict.waitFor();
      expect(await conflict.textContent()).toBe(t('fr', 'review.notice.conflict'));
      expect((await reviews.get(ids[0]!))?.label).toEqual({ kind: 'out_of_scope' });
      await screenshot(bruno.page, 'review-conflict-fr');

      // The language links keep the session.
      await ana.page.getByRole('link', { name: t('ru', 'language.name') }).click();
      await ana.page.getByRole('heading', { level: 1, name: t('ru', 'review.title') }).waitFor();
      await screenshot(ana.page, 'review-list-ru');

      expect(ana.problems).toEqual([]);
      expect(bruno.problems).toEqual([]);
      await ana.context.close();
      await bruno.context.close();
    },
    TIMEOUT,
  );
});
