/**
 * A strict ZIP reader for the tests, written from the specification independently of src/teamsApp/zip.ts: it
 * finds the end of central directory, checks that every central entry agrees with its local header, inflates,
 * and checks each entry's size and CRC-32.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface ReadEntry {
  name: string;
  method: number;
  data: Buffer;
}

/** @throws Error describing the first inconsistency found */
export function readZip(zip: Buffer): ReadEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) throw new Error('no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const start = zip.readUInt32LE(eocd + 16);
  if (zip.readUInt16LE(eocd + 8) !== count) throw new Error('entry counts disagree');
  if (start + size !== eocd) throw new Error(`central directory at ${start}+${size} does not end at the EOCD (${eocd})`);

  const entries: ReadEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`central entry ${i}: bad signature`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);

    if (zip.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`${name}: bad local header signature`);
    const same = [
      [8, 10],
      [14, 16],
      [18, 20],
      [22, 24],
    ].every(([local, central]) => zip.readUInt32LE(localAt + (local ?? 0)) === zip.readUInt32LE(at + (central ?? 0)));
    const localNameLength = zip.readUInt16LE(localAt + 26);
    const localExtraLength = zip.readUInt16LE(localAt + 28);
    if (!same || zip.toString('utf8', localAt + 30, localAt + 30 + localNameLength) !== name) throw new Error(`${name}: local header disagrees with the central directory`);

    const bodyAt = localAt + 30 + localNameLength + localExtraLength;
    const body = zip.subarray(bodyAt, bodyAt + compressedSize);
    const data = method === 0 ? Buffer.from(body) : method === 8 ? inflateRawSync(body) : undefined;
    if (!data) throw new Error(`${name}: unsupported compression method ${method}`);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, the directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.push({ name, method, data });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
