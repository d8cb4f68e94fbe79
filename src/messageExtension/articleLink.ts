/**
 * A link to the article, as someone pastes it: the live article on its host, in any locale
 * (`/en-us/…`, `/pt-br/…`, `/de-de/…` or none), with or without a `#section` anchor, a query string or a
 * trailing slash. Any other page of the host is not the article.
 */
import { langOfLocale, type Lang } from '../i18n/locales';

export interface ArticleLink {
  /** The language of the link's locale, when it is one of ours. */
  lang: Lang | undefined;
  /** The section anchor, when the link has one. */
  anchor: string | undefined;
}

/** Longer than any link Teams lets through to an app. */
const MAX_URL_LENGTH = 2048;
const LOCALE_PLACEHOLDER = '{locale}';

/**
 * @param liveUrl the article's live URL with a `{locale}` placeholder (content/article/source.json)
 * @returns undefined for anything that is not a link to the article
 * @example readArticleLink('https://learn.microsoft.com/pt-br/partner-center/technical-support-benefits#overview', live) // { lang: 'pt', anchor: 'overview' }
 */
export function readArticleLink(url: unknown, liveUrl: string): ArticleLink | undefined {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return undefined;
  let link: URL;
  let live: URL;
  try {
    link = new URL(url.trim());
    live = new URL(liveUrl.replace(LOCALE_PLACEHOLDER, 'xx'));
  } catch {
    return undefined;
  }
  if (
    (link.protocol !== 'https:' && link.protocol !== 'http:') ||
    link.hostname.toLowerCase() !== live.hostname.toLowerCase()
  )
    return undefined;
  const [before = '', after = ''] = decodeURI(new URL(liveUrl.replace(LOCALE_PLACEHOLDER, '\u0000')).pathname).split(
    '\u0000',
  );
  const path = safeDecode(link.pathname)?.toLowerCase().replace(/\/+$/, '');
  if (path === undefined) return undefined;
  // "/{locale}/partner-center/…": the locale and its slash are optional ("/partner-center/…" redirects to one).
  const prefix = escape(before.toLowerCase());
  const suffix = escape(after.toLowerCase().replace(/^\/+|\/+$/g, ''));
  const page = new RegExp(`^${prefix}(?:([a-z]{2,3}(?:-[a-z0-9]{2,8})*)/)?${suffix}$`);
  const match = page.exec(path);
  if (!match) return undefined;
  const anchor = safeDecode(link.hash.replace(/^#/, ''))?.trim().toLowerCase();
  return { lang: langOfLocale(match[1]), anchor: anchor || undefined };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
