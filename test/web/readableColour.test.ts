/** The chat's text on the accent colour: white on dark accents, black on light ones. */
import { describe, expect, it } from 'vitest';
import { readableOn } from '../../src/web/readableColour';

describe('readableOn', () => {
  it.each([
    ['#0F6CBD', '#FFFFFF'],
    ['#C50F1F', '#FFFFFF'],
    ['#000', '#FFFFFF'],
    ['#FFFFFF', '#000000'],
    ['#FFD335', '#000000'],
    ['#fff', '#000000'],
  ])('%s → %s', (background, text) => {
    expect(readableOn(background)).toBe(text);
  });
});
