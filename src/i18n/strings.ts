/** UI strings per language, from content/strings/<lang>.json; `t` looks one up and fills its {placeholders}. */
import { readFileSync } from 'node:fs';
import { contentPath } from '../contentPath';
import { LANGS, type Lang } from './locales';

export type StringTable = Readonly<Record<string, string>>;

export class MissingStringError extends Error {
  constructor(
    readonly lang: Lang,
    readonly key: string,
  ) {
    super(`no UI string "${key}" in content/strings/${lang}.json`);
    this.name = 'MissingStringError';
  }
}

/** Reads one language's string table. */
export function readStringTable(lang: Lang): StringTable {
  return JSON.parse(readFileSync(contentPath('strings', `${lang}.json`), 'utf8')) as StringTable;
}

let tables: Record<Lang, StringTable> | undefined;

function allTables(): Record<Lang, StringTable> {
  tables ??= Object.fromEntries(LANGS.map((lang) => [lang, readStringTable(lang)])) as Record<Lang, StringTable>;
  return tables;
}

/** Whether a key exists (in English, the reference table). */
export function hasString(key: string): boolean {
  return key in allTables().en;
}

/**
 * The string for `key` in `lang`, placeholders filled from `params`. A key missing from a translation falls
 * back to English (a content test keeps every table complete); a key missing from English is a bug and throws.
 * @example t('fr', 'card.source', { title: 'Avantages MPN' })
 */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const all = allTables();
  const template = all[lang][key] ?? all.en[key];
  if (template === undefined) throw new MissingStringError(lang, key);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
