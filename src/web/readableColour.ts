/** The text colour (black or white) that contrasts more with a background colour, by WCAG relative luminance. */

function luminance(hex: string): number {
  let digits = hex.slice(1);
  if (digits.length === 3) digits = digits.replace(/./g, '$&$&');
  const [r, g, b] = [0, 2, 4].map((at) => {
    const c = parseInt(digits.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** @example readableOn('#0F6CBD') // '#FFFFFF' */
export function readableOn(hex: string): '#000000' | '#FFFFFF' {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#FFFFFF';
}
