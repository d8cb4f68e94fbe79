/**
 * The tiny PNG codec: what it writes is a well-formed PNG (signature, IHDR first, chunk CRCs), it reads back
 * what it wrote, and it reads rows written with each of the five PNG filters and other colour types.
 */
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, PngFormatError, readPngHeader, type Raster } from '../../src/teamsApp/png';

function raster(width: number, height: number): Raster {
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37 + (i >> 3) * 11) & 0xff;
  return { width, height, pixels };
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG written the way other encoders do: each row with its own filter, `channels` bytes per pixel. */
function pngWithFilters(width: number, height: number, channels: number, colorType: number, raw: Uint8Array, filters: number[]): Buffer {
  const stride = width * channels;
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : (raw[y * stride + x] ?? 0));
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    const filter = filters[y % filters.length] ?? 0;
    rows.push(filter);
    for (let x = 0; x < stride; x++) {
      const [left, up, upLeft] = [at(x - channels, y), at(x, y - 1), at(x - channels, y - 1)];
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter] ?? 0;
      rows.push((at(x, y) - predictor) & 0xff);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colorType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('png', () => {
  it('writes an 8-bit RGBA PNG that reads back to the same pixels', () => {
    const image = raster(7, 5);
    const png = encodePng(image);
    expect(readPngHeader(png)).toEqual({ width: 7, height: 5, bitDepth: 8, colorType: 6, interlaced: false, hasAlphaChannel: true });
    expect(decodePng(png)).toEqual(image);
  });

  it('rejects pixels that do not match the size', () => {
    expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(15) })).toThrow(RangeError);
  });

  it('reads rows written with the None, Sub, Up, Average and Paeth filters', () => {
    const image = raster(9, 10);
    expect(decodePng(pngWithFilters(9, 10, 4, 6, image.pixels, [0, 1, 2, 3, 4]))).toEqual(image);
  });

  it('reads RGB and grey images as opaque RGBA', () => {
    const rgb = Uint8Array.from([10, 20, 30, 40, 50, 60]);
    expect([...decodePng(pngWithFilters(2, 1, 3, 2, rgb, [1])).pixels]).toEqual([10, 20, 30, 255, 40, 50, 60, 255]);
    const grey = Uint8Array.from([7, 9]);
    expect(readPngHeader(pngWithFilters(2, 1, 1, 0, grey, [0])).hasAlphaChannel).toBe(false);
    expect([...decodePng(pngWithFilters(2, 1, 1, 0, grey, [4])).pixels]).toEqual([7, 7, 7, 255, 9, 9, 9, 255]);
  });

  it('refuses what is not a sound PNG, with a PngFormatError', () => {
    const png = encodePng(raster(2, 2));
    expect(() => readPngHeader(Buffer.from('GIF89a not a png'))).toThrow(PngFormatError);
    const corrupted = Buffer.from(png);
    corrupted[20] = (corrupted[20] ?? 0) ^ 0xff; // inside IHDR: its CRC no longer matches
    expect(() => readPngHeader(corrupted)).toThrow(/bad CRC/);
    expect(() => decodePng(png.subarray(0, png.length - 20))).toThrow(PngFormatError);
  });
});
