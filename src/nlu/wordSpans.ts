/**
 * The words of a text as spans of UTF-16 code units, found by one pass over its code points: the maximal runs
 * of letters and digits, exactly the words `splitWords` returns (natural's RegexpTokenizer on
 * /[^\p{L}\p{N}]+/u), without a regular expression or an array of strings per text.
 */
import { codePointKind, LETTER, NUMBER } from './codePoints';

// Read once into this module: an imported binding can cost a getter call per read (CommonJS from tsx).
const kindOf = codePointKind;
const WORD = LETTER | NUMBER;

/** Word i is text.slice(starts[i], ends[i]); the arrays are reused from one text to the next. */
export interface WordSpans {
  count: number;
  starts: number[];
  ends: number[];
}

export const emptyWordSpans = (): WordSpans => ({ count: 0, starts: [], ends: [] });

/** Fills `spans` with the words of `text` and returns their number. */
export function scanWords(text: string, spans: WordSpans): number {
  let count = 0;
  let start = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    let code = text.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const isWord =
      code < 0x80
        ? (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)
        : (kindOf(code) & WORD) !== 0;
    if (isWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      spans.starts[count] = start;
      spans.ends[count++] = i;
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) {
    spans.starts[count] = start;
    spans.ends[count++] = length;
  }
  spans.count = count;
  return count;
}
