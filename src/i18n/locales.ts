/** The four languages of the product: short codes for code, BCP 47 locales for people and channels. */

export const LANGS = ['en', 'ru', 'pt', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/** The locale each language is written in; pt is Brazilian Portuguese, never cut to bare "pt". */
export const LOCALE_OF: Readonly<Record<Lang, string>> = {
  en: 'en-US',
  ru: 'ru-RU',
  pt: 'pt-BR',
  fr: 'fr-FR',
};

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The product language for a channel locale such as "pt-BR", "fr-CA" or "ru", or undefined when the locale
 * is none of ours. Any region of a supported language maps to it (fr-CA reads the fr-FR article).
 * @example langOfLocale('pt-BR') // 'pt'
 */
export function langOfLocale(locale: string | undefined | null): Lang | undefined {
  if (!locale) return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  return isLang(primary) ? primary : undefined;
}
