/**
 * What a code point is (letter, Cyrillic letter, number, white space), as the `u`-flag regular expressions
 * \p{L}, \p{Script=Cyrillic}, \p{N} and \s say, remembered per BMP code point on first sight: the hot paths
 * read a table instead of running (and, after the GC flushed their code, recompiling) a regular expression.
 */
export const LETTER = 1;
export const CYRILLIC = 2;
export const NUMBER = 4;
export const SPACE = 8;
const KNOWN = 16;

const kinds = new Uint8Array(0x10000);

function classify(char: string): number {
  return (
    (/\p{L}/u.test(char) ? LETTER : 0) |
    (/\p{Script=Cyrillic}/u.test(char) ? CYRILLIC : 0) |
    (/\p{N}/u.test(char) ? NUMBER : 0) |
    (/\s/u.test(char) ? SPACE : 0)
  );
}

/** The kind flags of a code point (a lone surrogate is none of them). */
export function codePointKind(codePoint: number): number {
  if (codePoint >= 0x10000) return classify(String.fromCodePoint(codePoint));
  const known = kinds[codePoint] as number;
  if (known) return known & ~KNOWN;
  const kind = classify(String.fromCharCode(codePoint));
  kinds[codePoint] = kind | KNOWN;
  return kind;
}
