/**
 * The committed icons (assets, drawn outside this project): the sizes Teams asks for, an outline icon that is
 * white on transparent with an alpha channel, a colour icon on the manifest's accent colour.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { iconProblems } from '../../src/teamsApp/appPackageRules';
import { MANIFEST_DIR } from '../../src/teamsApp/manifestDir';
import { sampleManifest } from './appSources';

const manifest = sampleManifest();
const color = readFileSync(join(MANIFEST_DIR, manifest.icons.color));
const outline = readFileSync(join(MANIFEST_DIR, manifest.icons.outline));

const headerOf = (png: Buffer) => {
  const { width, height, alpha } = PNG.sync.read(png);
  return { width, height, hasAlphaChannel: alpha };
};

/** `#RRGGBB` as numbers. */
function parseHexColor(hex: string): { r: number; g: number; b: number } {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16)) as [number, number, number];
  return { r, g, b };
}

function pixelsOf(png: Buffer): number[][] {
  const pixels = PNG.sync.read(png).data;
  return Array.from({ length: pixels.length / 4 }, (_, i) => [...pixels.subarray(i * 4, i * 4 + 4)]);
}

describe('manifest icons', () => {
  it('are color.png and outline.png', () => {
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('color.png is 192×192 and opaque', () => {
    expect(headerOf(color)).toMatchObject({ width: 192, height: 192 });
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
    expect(headerOf(outline)).toMatchObject({ width: 32, height: 32, hasAlphaChannel: true });
    const pixels = pixelsOf(outline);
    expect(pixels.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255))).toEqual([]);
    expect(pixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(pixels.some(([, , , a]) => a === 255)).toBe(true);
    expect(iconProblems('outline', 'outline.png', outline)).toEqual([]);
  });
});
