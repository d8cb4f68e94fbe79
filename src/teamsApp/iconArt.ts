/**
 * The app's symbol, a life ring, drawn as the two icons Teams asks for: the colour icon (a white ring on the
 * accent colour, 192×192) and the outline icon (the ring in white on a transparent background, 32×32).
 * Edges are anti-aliased by sampling each pixel on a grid.
 */
import type { Raster } from './png';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Teams crops the colour icon; its symbol should stay inside the central 96×96 pixels. */
export const COLOR_ICON = { size: 192, symbolRadius: 46 } as const;
export const OUTLINE_ICON = { size: 32, symbolRadius: 15 } as const;

/** The ring's proportions, as fractions of its outer radius. */
const RING = { stroke: 0.15, innerRadius: 0.42, bandWidth: 0.44 } as const;
const SAMPLES = 8;

/** @example parseHexColor('#0F6CBD') // { r: 15, g: 108, b: 189 } */
export function parseHexColor(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`not a colour like #0F6CBD: "${hex}"`);
  const [r, g, b] = match.slice(1).map((pair) => parseInt(pair, 16));
  return { r: r ?? 0, g: g ?? 0, b: b ?? 0 };
}

/**
 * Whether a point (in units of the ring's outer radius, origin at its centre) is on the life ring: an outer and
 * an inner circle joined by four bands on the diagonals, with the four openings between them left empty.
 */
export function onLifeRing(x: number, y: number): boolean {
  const r = Math.hypot(x, y);
  if (r > 1 || r < RING.innerRadius) return false;
  if (r >= 1 - RING.stroke || r <= RING.innerRadius + RING.stroke) return true;
  const distanceToDiagonal = Math.min(Math.abs(x - y), Math.abs(x + y)) / Math.SQRT2;
  return distanceToDiagonal <= RING.bandWidth / 2;
}

/** The share of each pixel covered by the ring, 0–1, for a ring of `radius` pixels centred in a square image. */
function coverage(size: number, radius: number): Float64Array {
  const out = new Float64Array(size * size);
  const centre = size / 2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES - centre) / radius;
          const y = (py + (sy + 0.5) / SAMPLES - centre) / radius;
          if (onLifeRing(x, y)) hits++;
        }
      }
      out[py * size + px] = hits / (SAMPLES * SAMPLES);
    }
  }
  return out;
}

/** The colour icon: opaque, the accent colour with the ring in white. */
export function drawColorIcon(accent: Rgb): Raster {
  const { size, symbolRadius } = COLOR_ICON;
  const cover = coverage(size, symbolRadius);
  const pixels = new Uint8Array(size * size * 4);
  const mix = (channel: number, share: number) => Math.round(channel + (255 - channel) * share);
  cover.forEach((share, i) => pixels.set([mix(accent.r, share), mix(accent.g, share), mix(accent.b, share), 255], i * 4));
  return { width: size, height: size, pixels };
}

/** The outline icon: white only, the ring's coverage as alpha, fully transparent elsewhere. */
export function drawOutlineIcon(): Raster {
  const { size, symbolRadius } = OUTLINE_ICON;
  const cover = coverage(size, symbolRadius);
  const pixels = new Uint8Array(size * size * 4);
  cover.forEach((share, i) => pixels.set([255, 255, 255, Math.round(255 * share)], i * 4));
  return { width: size, height: size, pixels };
}
