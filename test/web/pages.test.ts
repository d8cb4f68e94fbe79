/**
 * The HTML pages over HTTP: their security headers (a CSP of this server only, a fresh nonce per response, who
 * may frame each page), the language they are first drawn in, the chat page's options, and that every file they
 * load is served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, LOCALE_OF } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { DEFAULT_ACCENT } from '../../src/web/chatOptions';
import { TEAMS_FRAME_ANCESTORS, TEAMS_JS_ORIGIN_LIST_HOST } from '../../src/web/securityHeaders';
import { startApp, type RunningApp } from '../support/testApp';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app.close();
});

/** The directives of a Content-Security-Policy header, each as its list of sources. */
function directives(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}${path}`, { headers });
  return { response, html: await response.text(), csp: directives(response.headers.get('content-security-policy')) };
}

/** What a page's <script type="application/json" id="page-data"> holds. */
function pageData(html: string): Record<string, unknown> {
  return JSON.parse(
    /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null',
  ) as Record<string, unknown>;
}

const PAGES = [
  { path: '/', frameAncestors: ["'none'"] },
  { path: '/chat', frameAncestors: ['*'] },
  { path: '/tab', frameAncestors: [...TEAMS_FRAME_ANCESTORS] },
];

describe('the security headers of the pages', () => {
  it.each(PAGES)('$path: a CSP of this server only, framed by $frameAncestors', async ({ path, frameAncestors }) => {
    const { response, html, csp } = await page(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(frameAncestors);
    expect(response.headers.get('x-frame-options')).toBe(path === '/' ? 'DENY' : null);
    // No inline script at all: every <script> is JSON data or loaded from this server.
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map(([, attributes]) => attributes);
    expect(scripts.length, 'the page has scripts to check').toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/type="application\/json"|src="\//);
    const nonce = /nonce-([^']+)'/.exec(csp['style-src']?.join(' ') ?? '')?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp['style-src']?.some((source) => source.includes('unsafe'))).toBe(false);
    expect(csp['connect-src']).toEqual(path === '/tab' ? ["'self'", TEAMS_JS_ORIGIN_LIST_HOST] : ["'self'"]);
  });

  it('gives every response its own nonce', async () => {
    const [first, second] = await Promise.all([page('/'), page('/')]);
    expect(first.csp['style-src']).not.toEqual(second.csp['style-src']);
  });

  it.each(PAGES)('$path: every script, style sheet and icon it loads is served', async ({ path }) => {
    const { html } = await page(path);
    const urls = [...html.matchAll(/(?:src|href)="(\/[^"]*)"/g)].map((match) => match[1] ?? '');
    expect(urls.length).toBeGreaterThan(2);
    for (const url of urls) expect([url, (await fetch(`${app.url}${url}`)).status]).toEqual([url, 200]);
  });
});

describe('the language a page is first drawn in', () => {
  it.each(LANGS)('/?locale= for %s', async (lang) => {
    const { html } = await page(`/?locale=${LOCALE_OF[lang]}`);
    expect(html).toContain(`<html lang="${LOCALE_OF[lang]}"`);
    expect(html).toContain(`<h1 id="page-title" data-text="web.page.title">${t(lang, 'web.page.title')}</h1>`);
    expect(pageData(html).locale).toBe(LOCALE_OF[lang]);
  });

  it('follows Accept-Language without a locale, and leaves the choice to the browser script', async () => {
    const { html } = await page('/', { 'accept-language': 'de-DE, pt-BR;q=0.8, en;q=0.5' });
    expect(html).toContain('<html lang="pt-BR"');
    expect(pageData(html).locale).toBeUndefined();
    expect(Object.keys(pageData(html).strings as object)).toEqual([...LANGS]);
  });

  it('draws the tab in the language and theme Teams passes in its URL', async () => {
    const { html } = await page('/tab?locale=ru-ru&theme=dark');
    expect(html).toContain('<html lang="ru-RU" data-theme="dark">');
    expect(html).toContain(t('ru', 'tab.title'));
  });

  it('draws the tab light and in English for values it does not know (the raw {app.locale} placeholders)', async () => {
    const { html } = await page('/tab?locale={app.locale}&theme={app.theme}');
    expect(html).toContain('<html lang="en-US" data-theme="default">');
  });
});

describe('the chat page options', () => {
  it('takes a locale, a title and colours', async () => {
    const { html } = await page(
      `/chat?locale=fr-CA&title=${encodeURIComponent('Support Contoso')}&accent=%23C50F1F&background=%23fafafa`,
    );
    expect(pageData(html)).toMatchObject({
      kind: 'embedded',
      locale: 'fr-FR',
      title: 'Support Contoso',
      accent: '#C50F1F',
      background: '#fafafa',
    });
    expect(html).toContain('<title>Support Contoso</title>');
  });

  it('drops what is not valid rather than passing it on', async () => {
    const { html } = await page(
      `/chat?locale=xx&accent=red;x:expression(1)&background=url(x)&title=${encodeURIComponent(' \u0007 ')}`,
    );
    const data = pageData(html);
    expect(data.accent).toBe(DEFAULT_ACCENT);
    expect(data).not.toHaveProperty('locale');
    expect(data).not.toHaveProperty('background');
    expect(data).not.toHaveProperty('title');
  });

  it('escapes the title in the page and in its data', async () => {
    const title = '</script><script>alert(1)</script><b>&"';
    const { html } = await page(`/chat?title=${encodeURIComponent(title)}`);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b>&');
    expect(pageData(html).title).toBe(title);
  });

  it('keeps only the language option on the demo page', async () => {
    const { html } = await page('/?locale=ru-RU&accent=%23C50F1F&title=x');
    expect(pageData(html)).toMatchObject({ kind: 'demo', locale: 'ru-RU', accent: DEFAULT_ACCENT });
    expect(pageData(html)).not.toHaveProperty('title');
  });
});
