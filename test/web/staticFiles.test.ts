/**
 * The fixed list of files: each served with its type and caching (immutable vendor bundles, ETag revalidation
 * for the rest, gzip on request), and nothing else: traversal attempts of every spelling get 404, never a byte
 * of a file outside the list.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_SCRIPT_PATH, embedLabels } from '../../src/web/embedScript';
import { CACHE_CONTROL } from '../../src/web/staticRoute';
import { webAssets, type WebAsset } from '../../src/web/webAssets';
import { startApp, type RunningApp } from '../support/testApp';
import { rawRequest } from '../support/rawHttp';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app.close();
});

const ASSETS = Object.values(webAssets());

describe('the files of the web pages', () => {
  it.each(ASSETS.map((asset) => [asset.path, asset] as const))(
    'serves %s as listed',
    async (_path, asset: WebAsset) => {
      const response = await fetch(`${app.url}${asset.path}`, { headers: { 'accept-encoding': 'identity' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(asset.contentType);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe(CACHE_CONTROL[asset.caching]);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(asset.file))).toBe(true);
    },
  );

  it('names vendor bundles by package and version and caches them as immutable', () => {
    const vendor = ASSETS.filter((asset) => asset.path.startsWith('/vendor/'));
    expect(vendor.map((asset) => asset.path)).toEqual([
      expect.stringMatching(/^\/vendor\/botframework-webchat@\d+\.\d+\.\d+\/webchat\.js$/),
      expect.stringMatching(/^\/vendor\/microsoft-teams-js@\d+\.\d+\.\d+\/MicrosoftTeams\.min\.js$/),
      expect.stringMatching(/^\/vendor\/adaptivecards@\d+\.\d+\.\d+\/adaptivecards\.min\.js$/),
    ]);
    expect(vendor.every((asset) => asset.caching === 'immutable')).toBe(true);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const { chatScript } = webAssets();
    const first = await fetch(`${app.url}${chatScript.path}`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await fetch(`${app.url}${chatScript.path}`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const changed = await fetch(`${app.url}${chatScript.path}`, { headers: { 'if-none-match': '"something-else"' } });
    expect(changed.status).toBe(200);
  });

  it('compresses text when the client accepts gzip, not images', async () => {
    const { webChat, icon } = webAssets();
    const { statusCode, headers, body } = await getRaw(`${app.url}${webChat.path}`, { 'accept-encoding': 'gzip' });
    expect(statusCode).toBe(200);
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(body).equals(readFileSync(webChat.file))).toBe(true);
    const png = await getRaw(`${app.url}${icon.path}`, { 'accept-encoding': 'gzip' });
    expect(png.headers['content-encoding']).toBeUndefined();
  });

  it('serves /embed.js to any site, with the launcher labels of every language filled in', async () => {
    const response = await fetch(`${app.url}${EMBED_SCRIPT_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const script = await response.text();
    expect(script).not.toContain('var LABELS = {};');
    const labels = JSON.parse(/var LABELS = (.*);/.exec(script)?.[1] ?? 'null') as unknown;
    expect(labels).toEqual(embedLabels());
  });

  it('keeps the other files to this site', async () => {
    const response = await fetch(`${app.url}${webAssets().chatScript.path}`);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});

/** Targets that try to leave the list: dot segments, encoded slashes and dots, backslashes, null bytes. */
const TRAVERSALS = [
  '/web/../package.json',
  '/web/../../package.json',
  '/web/..%2fpackage.json',
  '/web/..%2F..%2Fpackage.json',
  '/web/%2e%2e/package.json',
  '/web/%2e%2e%2f%2e%2e%2fpackage.json',
  '/web/%252e%252e%252fpackage.json',
  '/web/..%5cpackage.json',
  '/web/..\\..\\package.json',
  '/web\\..\\package.json',
  '/web/chat.js%00.png',
  '/web/chat.js%00',
  '/web/%00../package.json',
  '/web/..%c0%afpackage.json',
  '/web/chat.css/../../package.json',
  '/vendor/botframework-webchat@4.18.1/../../package.json',
  '/vendor/..%2f..%2fnode_modules%2fbotframework-webchat%2fpackage.json',
  '/web/browser/chat.js',
  '/src/web/browser/chat.js',
  '/web/',
  '/web',
  '/vendor/',
  '/package.json',
  '/.env',
  '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '/web//etc/passwd',
  '/web/%2fetc%2fpasswd',
  '/manifest/color.png',
  '/vendor/botframework-webchat@0.0.1/webchat.js',
];

describe('anything not in the list', () => {
  it.each(TRAVERSALS)('GET %s is 404 and serves no file', async (target) => {
    const { status, text: body } = await rawRequest(app.url, { method: 'GET', path: target });
    expect(status).toBe(404);
    expect(body).not.toMatch(/"dependencies"|root:x:0:0|MicrosoftAppPassword/);
  });

  it.each(['/web/chat.js\0', '/web/..\0/package.json'])(
    'a raw null byte (%j) is refused before any routing',
    async (target) => {
      const { status, text: body } = await rawRequest(app.url, { method: 'GET', path: target });
      expect([400, 404]).toContain(status);
      expect(body).not.toMatch(/"dependencies"/);
    },
  );
});

/** A GET with Node's http client, which (unlike fetch) does not decompress. */
async function getRaw(
  url: string,
  headers: Record<string, string>,
): Promise<{ statusCode: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { get } = await import('node:http');
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}
