/**
 * The review page and API on a real restify server on loopback, over a MemoryReviewStore: the key as a bearer
 * header or through the login form (a signed HttpOnly, SameSite=Strict cookie, Secure behind an HTTPS proxy;
 * the key never in a URL or the cookie), CSRF tokens on the page's posts, labels on the version read (a second
 * reviewer's stale label refused with a clear message, page and API), filters (a bad one: 400 naming it), the
 * page in four languages, and no route at all without TICKETS_API_KEY.
 */
import pino from 'pino';
import type { Server } from 'restify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LANGS, LOCALE_OF } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { reviewRoutes } from '../../src/review';
import { MemoryReviewStore } from '../../src/review/memoryReviewStore';
import type { ReviewItem } from '../../src/review/reviewItem';
import { createServer } from '../../src/server/createServer';
import { QUESTION } from './reviewStoreConformance';

const KEY = 'review-key-0123456789abcdef';
const silent = pino({ level: 'silent' });

async function listen(
  store: MemoryReviewStore,
  apiKey: string | undefined,
  trustProxy = 0,
): Promise<{ server: Server; url: string }> {
  const server = createServer(reviewRoutes({ store, apiKey, trustProxy, idleMinutes: 30, log: silent }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

let store: MemoryReviewStore;
let api: { server: Server; url: string };
let proxied: { server: Server; url: string };
let off: { server: Server; url: string };
let items: ReviewItem[];

beforeAll(async () => {
  store = new MemoryReviewStore();
  [api, proxied, off] = await Promise.all([listen(store, KEY), listen(store, KEY, 1), listen(store, undefined)]);
});
afterAll(() => {
  for (const { server } of [api, proxied, off]) server.close();
});
beforeEach(async () => {
  for (const item of await store.list()) await store.deleteByRequester(item.requesterKey);
  // A minute apart, so "newest first" has one answer.
  const minutesAgo = async (minutes: number, item: typeof QUESTION) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - minutes * 60_000);
    const added = await store.add(item);
    vi.useRealTimers();
    return added;
  };
  items = [
    await minutesAgo(3, QUESTION),
    await minutesAgo(2, { ...QUESTION, text: 'how do i get azure credits for my startup please' }),
    await minutesAgo(1, {
      ...QUESTION,
      lang: 'fr',
      reason: 'clarify',
      text: 'comment ouvrir un ticket',
      intents: [
        { intent: 'out_of_scope', confidence: 0.5 },
        { intent: 'cloud_support_request', confidence: 0.4 },
      ],
    }),
  ];
});

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  redirect: 'manual',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
});

/** Signs in through the login form; the cookie as a browser would send it back. */
async function signIn(
  base = api.url,
  headers: Record<string, string> = {},
): Promise<{ cookie: string; setCookie: string }> {
  const response = await fetch(`${base}/review/login`, form({ key: KEY, name: 'Ana Agent', locale: 'en-US' }, headers));
  expect(response.status).toBe(303);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0] ?? '', setCookie };
}

const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('signing in', () => {
  it("without a key or session: the login form (and not the list), in the reader's language, with no key in any URL", async () => {
    const response = await fetch(`${api.url}/review`, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(t('fr', 'review.login.title'));
    expect(html).toMatch(/<form method="post" action="\/review\/login"/);
    expect(html).toContain('type="password"');
    expect(response.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script/);
    expect(html).not.toContain(QUESTION.text);
  });

  it('the login form sets an HttpOnly, SameSite=Strict session cookie that is not the key; a wrong key is refused', async () => {
    const { cookie, setCookie } = await signIn();
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/;/);
    expect(setCookie).not.toMatch(/Secure/);
    expect(setCookie).not.toContain(KEY);
    const page = await fetch(`${api.url}/review`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(t('en', 'review.signed_in_as', { name: 'Ana Agent' }));

    const wrong = await fetch(`${api.url}/review/login`, form({ key: 'not-the-key', name: 'Eve' }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.text()).toContain(t('en', 'review.login.wrong_key'));
  });

  it('the cookie is Secure when the page was reached over HTTPS (X-Forwarded-Proto from our proxy)', async () => {
    const { setCookie } = await signIn(proxied.url, { 'x-forwarded-proto': 'https' });
    expect(setCookie).toMatch(/; Secure/);
  });

  it('a forged or tampered cookie is no session; a key in the URL is not read', async () => {
    const { cookie } = await signIn();
    const tampered = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const isLogin = async (response: Response) => (await response.text()).includes('action="/review/login"');
    expect(await isLogin(await fetch(`${api.url}/review`, { headers: { cookie: tampered } }))).toBe(true);
    expect(await isLogin(await fetch(`${api.url}/review`, { headers: { cookie } }))).toBe(false);
    expect(await isLogin(await fetch(`${api.url}/review?key=${KEY}`))).toBe(true);
    expect((await fetch(`${api.url}/api/review?key=${KEY}`)).status).toBe(401);
  });

  it('signing out clears the cookie', async () => {
    const { cookie } = await signIn();
    const csrf = csrfOf(await (await fetch(`${api.url}/review`, { headers: { cookie } })).text());
    const out = await fetch(`${api.url}/review/logout`, form({ csrf }, { cookie }));
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });

  it('without TICKETS_API_KEY the page and API do not exist', async () => {
    expect((await fetch(`${off.url}/review`)).status).toBe(404);
    expect((await fetch(`${off.url}/api/review`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(404);
  });
});

describe('the page', () => {
  it('groups by nearest intent and near-duplicates, with counts', async () => {
    const html = await (await fetch(`${api.url}/review`, { headers: { authorization: `Bearer ${KEY}` } })).text();
    // The two English questions about credits: one cluster of two under their nearest intent (activate_benefits).
    const group = /<section class="group" data-intent="activate_benefits">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(group).toContain(t('en', 'review.group.count', { count: 2, clusters: 1 }));
    expect(group).toContain('data-size="2"');
    expect(html).toContain('data-intent="cloud_support_request"');
    expect(html).toContain(t('en', 'review.summary', { count: 3, groups: 2 }));
  });

  it('is drawn in each of the four languages (?locale= or Accept-Language)', async () => {
    for (const lang of LANGS) {
      const locale = LOCALE_OF[lang];
      const html = await (
        await fetch(`${api.url}/review?locale=${locale}`, { headers: { authorization: `Bearer ${KEY}` } })
      ).text();
      expect(html).toContain(`<html lang="${locale}">`);
      expect(html).toContain(t(lang, 'review.title'));
      expect(html).toContain(t(lang, 'review.label.save'));
    }
  });

  it("a label posted with the session's CSRF token is saved; without it, nothing changes", async () => {
    const { cookie } = await signIn();
    const [item] = items;
    const noToken = await fetch(
      `${api.url}/review/label`,
      form({ id: item!.id, version: '1', label: 'noise' }, { cookie }),
    );
    expect(noToken.status).toBe(303);
    expect(noToken.headers.get('location')).toContain('notice=expired');
    expect((await store.get(item!.id))?.version).toBe(1);

    const csrf = csrfOf(await (await fetch(`${api.url}/review`, { headers: { cookie } })).text());
    const saved = await fetch(
      `${api.url}/review/label`,
      form(
        { id: item!.id, version: '1', label: 'intent:activate_benefits', csrf, back: 'lang=en', locale: 'en-US' },
        { cookie },
      ),
    );
    expect(saved.headers.get('location')).toBe('/review?lang=en&locale=en-US&notice=labelled');
    expect(await store.get(item!.id)).toMatchObject({
      status: 'labelled',
      label: { kind: 'intent', intent: 'activate_benefits' },
      labelledBy: 'Ana Agent',
      version: 2,
    });
  });

  it("a second reviewer's label on the version they read, after the first changed it, is refused with a clear message", async () => {
    const { cookie } = await signIn();
    const csrf = csrfOf(await (await fetch(`${api.url}/review`, { headers: { cookie } })).text());
    const [item] = items;
    await store.label(item!.id, { kind: 'out_of_scope' }, 'Bruno', 1);
    const stale = await fetch(
      `${api.url}/review/label`,
      form({ id: item!.id, version: '1', label: 'noise', csrf, locale: 'fr-FR' }, { cookie }),
    );
    const location = stale.headers.get('location') ?? '';
    expect(location).toContain('notice=conflict');
    const page = await (await fetch(`${api.url}${location}`, { headers: { cookie } })).text();
    expect(page).toContain(t('fr', 'review.notice.conflict').replace(/’/g, '&#39;').slice(0, 20));
    expect((await store.get(item!.id))?.label).toEqual({ kind: 'out_of_scope' });
  });

  it('a bad filter is a 400 page naming it', async () => {
    const response = await fetch(`${api.url}/review?reason=whatever`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('reason must be one of rejected, clarify, feedback_no');
  });
});

describe('GET /api/review', () => {
  const get = (query = '') => fetch(`${api.url}/api/review${query}`, { headers: { authorization: `Bearer ${KEY}` } });

  it('lists newest first with filters, each item with how it went on and its nearest intent, never the requester key', async () => {
    const all = (await (await get()).json()) as {
      items: (ReviewItem & { nearestIntent: string; continuation: string })[];
    };
    expect(all.items.map((i) => i.id)).toEqual([...items].reverse().map((i) => i.id));
    expect(all.items[0]).toMatchObject({ nearestIntent: 'cloud_support_request', continuation: 'pending' });
    expect(JSON.stringify(all)).not.toContain(QUESTION.requesterKey);
    const french = (await (await get('?lang=fr&reason=clarify&limit=5')).json()) as { items: ReviewItem[] };
    expect(french.items.map((i) => i.id)).toEqual([items[2]!.id]);
    expect(((await (await get('?from=2999-01-01')).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses a bad filter with a 400 naming every problem', async () => {
    const response = await get('?lang=de&limit=0&from=yesterday&colour=red');
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('BadRequest');
    for (const part of [
      'unknown parameter "colour"',
      'lang must be one of en, ru, pt, fr',
      'limit must be a whole number',
      'from must be a date',
    ])
      expect(error.message).toContain(part);
  });

  it('without the right key: 401, and nothing listed', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { 'x-api-key': 'wrong' }] as Record<
      string,
      string
    >[]) {
      const response = await fetch(`${api.url}/api/review`, { headers });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain(QUESTION.text);
    }
  });
});

describe('POST /api/review/items/<id>/label', () => {
  const label = (id: string, body: unknown) =>
    fetch(`${api.url}/api/review/items/${id}/label`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('labels on the version read; a stale version is a 409 saying what to do', async () => {
    const [item] = items;
    const first = await label(item!.id, { label: 'out_of_scope', version: 1, by: 'Ana' });
    expect(first.status).toBe(200);
    const stale = await label(item!.id, { label: 'noise', version: 1, by: 'Bruno' });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toMatch(
      /changed since version 1 was read.*read it again/,
    );
    expect((await store.get(item!.id))?.label).toEqual({ kind: 'out_of_scope' });
  });

  it('refuses a bad label or version (400) and an unknown item (404)', async () => {
    expect((await label(items[0]!.id, { label: 'intent:nonsense', version: 1 })).status).toBe(400);
    expect((await label(items[0]!.id, { label: 'noise', version: 'one' })).status).toBe(400);
    expect((await label('no-such-item', { label: 'noise', version: 1 })).status).toBe(404);
  });
});
