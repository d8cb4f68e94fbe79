/**
 * The committed icons: the sizes Teams asks for (read from the PNG header), an outline icon that is white on
 * transparent with an alpha channel, a colour icon on the manifest's accent colour, and both exactly what
 * src/teamsApp/drawIcons.ts draws, so the PNGs never drift from the script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconProblems } from '../../src/teamsApp/appPackageRules';
import { drawColorIcon, drawOutlineIcon, parseHexColor } from '../../src/teamsApp/iconArt';
import { MANIFEST_DIR } from '../../src/teamsApp/manifestDir';
import { decodePng, readPngHeader } from '../../src/teamsApp/png';
import { sampleManifest } from './appSources';

const manifest = sampleManifest();
const color = readFileSync(join(MANIFEST_DIR, manifest.icons.color));
const outline = readFileSync(join(MANIFEST_DIR, manifest.icons.outline));

function pixelsOf(png: Buffer): number[][] {
  const { pixels } = decodePng(png);
  return Array.from({ length: pixels.length / 4 }, (_, i) => [...pixels.subarray(i * 4, i * 4 + 4)]);
}

describe('manifest icons', () => {
  it('are color.png and outline.png', () => {
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('color.png is 192×192 and opaque', () => {
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    expect(pixelsOf(color).filter(([, , , a]) => a !== 255)).toEqual([]);
    expect(iconProblems('color', 'color.png', color)).toEqual([]);
  });

  it('color.png has the accent colour as its background and a white symbol', () => {
    const { r, g, b } = parseHexColor(manifest.accentColor as string);
    const pixels = pixelsOf(color);
    expect(pixels[0]).toEqual([r, g, b, 255]);
    expect(pixels.filter(([pr, pg, pb]) => pr === r && pg === g && pb === b).length).toBeGreaterThan(pixels.length / 2);
    expect(pixels.some(([pr, pg, pb]) => pr === 255 && pg === 255 && pb === 255)).toBe(true);
  });

  it('outline.png is 32×32 with an alpha channel, only white or fully transparent pixels, and both kinds', () => {
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32, hasAlphaChannel: true });
    const pixels = pixelsOf(outline);
    expect(pixels.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255))).toEqual([]);
    expect(pixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(pixels.some(([, , , a]) => a === 255)).toBe(true);
    expect(iconProblems('outline', 'outline.png', outline)).toEqual([]);
  });

  it('are what drawIcons draws (run `npx tsx src/teamsApp/drawIcons.ts` after changing the art or the accent colour)', () => {
    expect(Buffer.from(decodePng(color).pixels).equals(Buffer.from(drawColorIcon(parseHexColor(manifest.accentColor as string)).pixels))).toBe(true);
    expect(Buffer.from(decodePng(outline).pixels).equals(Buffer.from(drawOutlineIcon().pixels))).toBe(true);
  });
});
