/**
 * A small ZIP writer (PKWARE APPNOTE 6.3): each entry deflated with zlib when that makes it smaller, stored
 * otherwise, with its CRC-32. No ZIP64, no encryption, no extra fields. The same entries give the same bytes
 * (every entry carries one fixed timestamp), so a package can be rebuilt and compared.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** A relative path with forward slashes, such as `manifest.json` or `icons/color.png`. */
  name: string;
  data: Uint8Array;
}

export interface ZipOptions {
  /** The modification time recorded for every entry (local time, 1980–2107, 2-second steps). Default 1980-01-01 00:00. */
  modified?: Date;
}

const STORE = 0;
const DEFLATE = 8;
const UTF8_NAMES = 0x0800;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

function dosDateTime(date: Date): { time: number; date: number } {
  const year = date.getFullYear();
  if (year < 1980 || year > 2107) throw new RangeError(`a ZIP timestamp must fall in 1980–2107, not ${year}`);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function checkName(name: string, seen: Set<string>): void {
  const problem =
    name === '' ? 'is empty'
    : name.startsWith('/') || /^[A-Za-z]:/.test(name) ? 'must be relative'
    : name.includes('\\') ? 'must use forward slashes'
    : name.split('/').some((part) => part === '..' || part === '.' || part === '') ? 'must not contain empty, "." or ".." parts'
    : seen.has(name) ? 'appears twice'
    : undefined;
  if (problem) throw new RangeError(`ZIP entry name "${name}" ${problem}`);
  seen.add(name);
}

/**
 * @example writeFileSync('app.zip', writeZip([{ name: 'manifest.json', data: Buffer.from('{}') }]))
 * @throws RangeError for a bad or duplicate name, or an archive that would need ZIP64
 */
export function writeZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  const { time, date } = dosDateTime(options.modified ?? new Date(1980, 0, 1));
  if (entries.length > MAX_16) throw new RangeError(`a ZIP without ZIP64 holds at most ${MAX_16} entries`);
  const seen = new Set<string>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    checkName(entry.name, seen);
    const name = Buffer.from(entry.name, 'utf8');
    if (name.length > MAX_16) throw new RangeError(`ZIP entry name "${entry.name}" is too long`);
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const method = deflated.length < entry.data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : Buffer.from(entry.data);
    const crc = crc32(entry.data);
    const flags = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : UTF8_NAMES;
    const versionNeeded = method === DEFLATE ? 20 : 10;
    if (entry.data.length > MAX_32 || offset > MAX_32) throw new RangeError('the archive would need ZIP64');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(versionNeeded, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS host, spec 2.0
    central.writeUInt16LE(versionNeeded, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal and external attributes: all 0
    central.writeUInt32LE(offset, 42);

    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }

  const centralDirectory = Buffer.concat(centrals);
  if (offset > MAX_32) throw new RangeError('the archive would need ZIP64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8); // entries on this disk
  end.writeUInt16LE(entries.length, 10); // entries in total
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}
