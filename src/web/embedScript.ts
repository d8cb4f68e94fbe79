/**
 * GET /embed.js: browser/embed.js with the launcher's labels in every language filled in, built once at start.
 * Any site loads it, so it is served cross-origin and revalidated (no version in its URL).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, LOCALE_OF } from '../i18n/locales';
import { t } from '../i18n/strings';
import { scriptJson } from './html';
import type { StaticBody } from './staticRoute';
import { BROWSER_DIR, WebAssetError } from './webAssets';

export const EMBED_SCRIPT_PATH = '/embed.js';
const LABELS_LINE = /^ {2}var LABELS = \{\};.*$/m;

/** What the launcher says in each language, and the locale it opens the chat in. */
export function embedLabels() {
  return Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      {
        locale: LOCALE_OF[lang],
        title: t(lang, 'web.page.title'),
        open: t(lang, 'web.launcher.open'),
        close: t(lang, 'web.launcher.close'),
      },
    ]),
  );
}

export function embedScript(): StaticBody {
  const file = join(BROWSER_DIR, 'embed.js');
  const source = readFileSync(file, 'utf8');
  if (!LABELS_LINE.test(source)) throw new WebAssetError(`${file} has no "var LABELS = {};" line to fill in`);
  const body = source.replace(LABELS_LINE, () => `  var LABELS = ${scriptJson(embedLabels())};`);
  return {
    contentType: 'text/javascript; charset=utf-8',
    caching: 'revalidate',
    crossOrigin: true,
    body: Buffer.from(body, 'utf8'),
  };
}
