/** The UI strings a page needs, in all four languages, so its script can follow the language it learns later. */
import { LANGS, type Lang } from '../i18n/locales';
import { t } from '../i18n/strings';

export type PageStrings = Record<Lang, Record<string, string>>;

/**
 * @example pageStrings(['tab.title']).fr['tab.title'] // 'Avantages de support'
 */
export function pageStrings(keys: readonly string[]): PageStrings {
  return Object.fromEntries(
    LANGS.map((lang) => [lang, Object.fromEntries(keys.map((key) => [key, t(lang, key)]))]),
  ) as PageStrings;
}
