/** The language a page is first drawn in: the `locale` of its query string, else the browser's Accept-Language. */
import type { IncomingMessage } from 'node:http';
import { langOfLocale, type Lang } from '../i18n/locales';

/** The first of our languages in an Accept-Language header, by preference order (q values). */
export function langOfAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const lang = langOfLocale(tag);
    if (lang) return lang;
  }
  return undefined;
}

/**
 * @example pageLanguage(new URLSearchParams('locale=pt-BR'), req) // 'pt'
 */
export function pageLanguage(query: URLSearchParams, req: IncomingMessage): Lang {
  return langOfLocale(query.get('locale')) ?? langOfAcceptLanguage(req.headers['accept-language']) ?? 'en';
}

/** The query string of a request. */
export function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}
