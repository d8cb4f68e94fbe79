/**
 * The package's ZIP, read back by fflate's reader and, where it is installed, by Info-ZIP's `unzip -t` (an
 * independent implementation): stored and deflated entries, CRC-32, timestamps, UTF-8 names, refused names,
 * same bytes every time.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeZip, type ZipEntry } from '../../src/teamsApp/zip';
import { temporaryDir, zipEntries } from './appSources';

const hasUnzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;

const ENTRIES: ZipEntry[] = [
  { name: 'manifest.json', data: Buffer.from(`${JSON.stringify({ hello: 'world'.repeat(50) }, null, 2)}\n`) },
  {
    name: 'random.bin',
    data: Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919 + (i >> 2) * 104729) & 0xff)),
  },
  { name: 'empty.txt', data: Buffer.alloc(0) },
  { name: 'dossier/déjà-vu.txt', data: Buffer.from('Ещё раз, с ё и é\n') },
];

describe('writeZip', () => {
  it('writes entries that read back, in order, byte for byte', () => {
    const read = zipEntries(writeZip(ENTRIES));
    expect(read.map((entry) => entry.name)).toEqual(ENTRIES.map((entry) => entry.name));
    read.forEach((entry, i) => expect(entry.data.equals(Buffer.from(ENTRIES[i]?.data ?? []))).toBe(true));
  });

  it('deflates what compresses and stores what does not', () => {
    const methods = Object.fromEntries(zipEntries(writeZip(ENTRIES)).map((entry) => [entry.name, entry.method]));
    expect(methods).toMatchObject({ 'manifest.json': 8, 'empty.txt': 0 });
    const zip = writeZip([{ name: 'x', data: Buffer.from([1, 2, 3]) }]);
    expect(zipEntries(zip)[0]?.method).toBe(0);
    expect(zip.length).toBe(30 + 1 + 3 + 46 + 1 + 22); // local header, name, data, central header, name, end record
  });

  it('records the CRC-32 of each entry (the standard check value for "123456789" is cbf43926)', () => {
    expect(crc32('123456789').toString(16)).toBe('cbf43926');
    const zip = writeZip([{ name: 'check.txt', data: Buffer.from('123456789') }]);
    expect(zip.readUInt32LE(14).toString(16)).toBe('cbf43926');
  });

  it('flags UTF-8 names and only those', () => {
    const zip = writeZip(ENTRIES);
    const flags = (name: string) => {
      const at = zip.indexOf(Buffer.from(name, 'utf8')) - 30;
      return zip.readUInt16LE(at + 6);
    };
    expect(flags('manifest.json') & 0x0800).toBe(0);
    expect(flags('dossier/déjà-vu.txt') & 0x0800).toBe(0x0800);
  });

  it('records the given time in MS-DOS format, 1980-01-01 00:00 by default', () => {
    const dateOf = (zip: Buffer) => [zip.readUInt16LE(10), zip.readUInt16LE(12)];
    expect(dateOf(writeZip([{ name: 'a', data: Buffer.from('a') }]))).toEqual([0, (0 << 9) | (1 << 5) | 1]);
    const modified = new Date(2025, 5, 30, 13, 45, 58);
    expect(dateOf(writeZip([{ name: 'a', data: Buffer.from('a') }], { modified }))).toEqual([
      (13 << 11) | (45 << 5) | 29,
      (45 << 9) | (6 << 5) | 30,
    ]);
  });

  it('gives the same bytes for the same entries', () => {
    expect(writeZip(ENTRIES).equals(writeZip(ENTRIES))).toBe(true);
  });

  it.each(['', '/etc/passwd', 'C:/x', 'a\\b', '../up', 'a/./b', 'a//b'])('refuses the entry name %j', (name) => {
    expect(() => writeZip([{ name, data: Buffer.from('x') }])).toThrow(RangeError);
  });

  it('refuses the same name twice', () => {
    expect(() =>
      writeZip([
        { name: 'a', data: Buffer.from('1') },
        { name: 'a', data: Buffer.from('2') },
      ]),
    ).toThrow(/appears twice/);
  });

  it('writes an empty archive as a lone end record', () => {
    expect(writeZip([]).length).toBe(22);
    expect(zipEntries(writeZip([]))).toEqual([]);
  });

  it('refuses a time a ZIP cannot record', () => {
    expect(() => writeZip([{ name: 'a', data: Buffer.from('a') }], { modified: new Date(1979, 11, 31) })).toThrow(
      RangeError,
    );
  });

  it.skipIf(!hasUnzip)('passes `unzip -t` (Info-ZIP)', () => {
    const file = join(temporaryDir('zip-'), 'test.zip');
    writeFileSync(file, writeZip(ENTRIES));
    const run = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(run.stdout).toContain('No errors detected');
    expect(run.status).toBe(0);
  });
});
