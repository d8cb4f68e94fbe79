/**
 * The options of the chat page, from its query string (the embed script passes the host page's choices): language,
 * title, accent and background colour. A value that is not valid is dropped for the default, never echoed raw.
 */
import { LOCALE_OF, langOfLocale } from '../i18n/locales';

export interface ChatOptions {
  /** The BCP 47 locale, e.g. "pt-BR"; undefined follows the browser's language. */
  locale?: string;
  /** Shown as the page's title (the embed shows it in its header). */
  title?: string;
  /** #RGB or #RRGGBB. */
  accent?: string;
  background?: string;
}

export const DEFAULT_ACCENT = '#0F6CBD';
export const MAX_TITLE_LENGTH = 80;
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function isHexColour(value: string | null | undefined): value is string {
  return typeof value === 'string' && HEX_COLOUR.test(value);
}

/** A title as people should see it: no control characters, spaces collapsed, at most MAX_TITLE_LENGTH characters. */
export function cleanTitle(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const text = value
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? [...text].slice(0, MAX_TITLE_LENGTH).join('') : undefined;
}

/**
 * @example chatOptionsOf(new URLSearchParams('locale=fr-CA&accent=%23C50F1F')) // { locale: 'fr-FR', accent: '#C50F1F' }
 */
export function chatOptionsOf(query: URLSearchParams): ChatOptions {
  const lang = langOfLocale(query.get('locale'));
  const title = cleanTitle(query.get('title'));
  const accent = query.get('accent');
  const background = query.get('background');
  return {
    ...(lang ? { locale: LOCALE_OF[lang] } : {}),
    ...(title ? { title } : {}),
    ...(isHexColour(accent) ? { accent } : {}),
    ...(isHexColour(background) ? { background } : {}),
  };
}
