/**
 * A tiny PNG codec for the app icons: writes 8-bit RGBA images, reads the header of any PNG and the pixels of
 * the common non-interlaced 8-bit ones (grey, RGB, grey + alpha, RGBA), so icons can be checked pixel by pixel.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

/** Pixels as 8-bit RGBA, row by row from the top left; `pixels.length === width * height * 4`. */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  colorType: number;
  interlaced: boolean;
  /** Whether each pixel carries its own alpha (colour types 4 and 6). A `tRNS` chunk is not counted. */
  hasAlphaChannel: boolean;
}

export class PngFormatError extends Error {}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(typeAndData.length + 8);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), out.length - 4);
  return out;
}

/** @example writeFileSync('icon.png', encodePng({ width: 1, height: 1, pixels: new Uint8Array([255, 255, 255, 0]) })) */
export function encodePng(raster: Raster): Buffer {
  const { width, height, pixels } = raster;
  if (pixels.length !== width * height * 4) throw new RangeError(`expected ${width * height * 4} RGBA bytes, got ${pixels.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, not interlaced
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter type None
    rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

interface Chunk {
  type: string;
  data: Buffer;
}

function* chunks(png: Buffer): Generator<Chunk> {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new PngFormatError('not a PNG file (bad signature)');
  let at = 8;
  while (at < png.length) {
    if (at + 12 > png.length) throw new PngFormatError(`truncated chunk at byte ${at}`);
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const end = at + 8 + length;
    if (end + 4 > png.length) throw new PngFormatError(`chunk ${type} at byte ${at} runs past the end of the file`);
    if (crc32(png.subarray(at + 4, end)) !== png.readUInt32BE(end)) throw new PngFormatError(`chunk ${type} at byte ${at} has a bad CRC`);
    yield { type, data: png.subarray(at + 8, end) };
    if (type === 'IEND') return;
    at = end + 4;
  }
  throw new PngFormatError('no IEND chunk');
}

/** The image header (the IHDR chunk), which must come first. @example readPngHeader(png).width // 192 */
export function readPngHeader(png: Buffer): PngHeader {
  const first = chunks(png).next();
  if (first.done || first.value.type !== 'IHDR' || first.value.data.length !== 13) throw new PngFormatError('the first chunk is not IHDR');
  const data = first.value.data;
  const colorType = data[9] ?? -1;
  return {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data[8] ?? 0,
    colorType,
    interlaced: data[12] === 1,
    hasAlphaChannel: colorType === 4 || colorType === 6,
  };
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [dLeft, dUp, dUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  if (dLeft <= dUp && dLeft <= dUpLeft) return left;
  return dUp <= dUpLeft ? up : upLeft;
}

/** Decodes a non-interlaced 8-bit grey, RGB, grey + alpha or RGBA PNG into RGBA pixels. */
export function decodePng(png: Buffer): Raster {
  const header = readPngHeader(png);
  const channels = CHANNELS[header.colorType];
  if (header.bitDepth !== 8 || channels === undefined || header.interlaced) {
    throw new PngFormatError(`unsupported PNG: bit depth ${header.bitDepth}, colour type ${header.colorType}, interlaced ${header.interlaced}`);
  }
  const { width, height } = header;
  const data = inflateSync(Buffer.concat([...chunks(png)].filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * channels;
  if (data.length !== height * (stride + 1)) throw new PngFormatError(`image data has ${data.length} bytes, expected ${height * (stride + 1)}`);

  const raw = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = data[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (raw[y * stride + x - channels] ?? 0) : 0;
      const up = y > 0 ? (raw[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= channels && y > 0 ? (raw[(y - 1) * stride + x - channels] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? -1];
      if (predictor === undefined) throw new PngFormatError(`row ${y} has an unknown filter type ${filter}`);
      raw[y * stride + x] = (value + predictor) & 0xff;
    }
  }

  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const px = raw.subarray(i * channels, (i + 1) * channels);
    const [r, g, b, a] = channels >= 3 ? [px[0], px[1], px[2], px[3] ?? 255] : [px[0], px[0], px[0], px[1] ?? 255];
    pixels.set([r ?? 0, g ?? 0, b ?? 0, a], i * 4);
  }
  return { width, height, pixels };
}
