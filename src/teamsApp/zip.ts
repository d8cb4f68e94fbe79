/**
 * The app package's ZIP, written by fflate: each entry deflated when that makes it smaller, stored otherwise.
 * The same entries give the same bytes (every entry carries one fixed timestamp), so a package can be rebuilt
 * and compared. Entry names are checked here first: relative, forward slashes, no "." or "..", none twice.
 */
import { deflateSync, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** A relative path with forward slashes, such as `manifest.json` or `icons/color.png`. */
  name: string;
  data: Uint8Array;
}

export interface ZipOptions {
  /** The modification time recorded for every entry (local time, 1980–2099, 2-second steps). Default 1980-01-01 00:00. */
  modified?: Date;
}

function checkName(name: string, seen: Set<string>): void {
  const problem =
    name === ''
      ? 'is empty'
      : name.startsWith('/') || /^[A-Za-z]:/.test(name)
        ? 'must be relative'
        : name.includes('\\')
          ? 'must use forward slashes'
          : name.split('/').some((part) => part === '..' || part === '.' || part === '')
            ? 'must not contain empty, "." or ".." parts'
            : seen.has(name)
              ? 'appears twice'
              : undefined;
  if (problem) throw new RangeError(`ZIP entry name "${name}" ${problem}`);
  seen.add(name);
}

/**
 * @example writeFileSync('app.zip', writeZip([{ name: 'manifest.json', data: Buffer.from('{}') }]))
 * @throws RangeError for a bad or duplicate name, or a timestamp outside 1980–2099
 */
export function writeZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  const mtime = options.modified ?? new Date(1980, 0, 1);
  if (mtime.getFullYear() < 1980 || mtime.getFullYear() > 2099)
    throw new RangeError(`a ZIP timestamp must fall in 1980–2099, not ${mtime.getFullYear()}`);
  const seen = new Set<string>();
  const files: Zippable = {};
  for (const entry of entries) {
    checkName(entry.name, seen);
    const level = deflateSync(entry.data, { level: 9 }).length < entry.data.length ? 9 : 0;
    files[entry.name] = [entry.data, { level, mtime }];
  }
  return Buffer.from(zipSync(files));
}
