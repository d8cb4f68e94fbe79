/**
 * Reading a STORAGE_URL, once for every store (state, Direct Line, tickets): which backend it names, the
 * SQLite file it points at, and the error for one this build has no store for.
 */
import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../config/configError';
import { PROJECT_ROOT } from '../contentPath';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * The database file of a `sqlite:` URL (a relative path is relative to the project folder), undefined for any
 * other URL.
 * @example sqliteFileOf('sqlite:./data/bot.db') // '/…/mpn-support-benefits-assistant/data/bot.db'
 */
export function sqliteFileOf(url: string): string | undefined {
  if (!url.startsWith('sqlite:')) return undefined;
  const file = url.slice('sqlite:'.length);
  return file === ':memory:' || isAbsolute(file) ? file : resolve(PROJECT_ROOT, file);
}

/** The error for a URL no store of this build reads; a password in it is not repeated. */
export function unknownStorage(url: string): ConfigError {
  return new ConfigError([
    `STORAGE_URL "${url.replace(/\/\/[^@]*@/, '//…@')}" names a storage this build does not have`,
  ]);
}
