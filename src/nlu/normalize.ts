/**
 * Text normalization for matching: Unicode NFKC, lower case, one kind of quote and apostrophe, ё → е, and
 * (for matching only) diacritics folded, so "não", "nao" and "NÃO" meet, as do "accès" and "acces".
 */

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u300C\u300D]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Case, Unicode form, quotes, dashes and spaces made uniform; letters keep their accents. */
export function normalizeText(text: string): string {
  const composed = isAscii(text) ? text : text.normalize('NFKC');
  const found = specialCharacters(composed);
  if (found & SPECIAL) return fullNormalization(composed);
  const lower = found & UPPER ? composed.toLowerCase() : composed;
  return found & UNEVEN_SPACE ? lower.replace(/\s+/g, ' ').trim() : lower;
}

function fullNormalization(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A character the replacements above change (other than case and spaces). */
const SPECIAL = 1;
/** A character toLowerCase may change. */
const UPPER = 2;
/** White space other than single spaces between words. */
const UNEVEN_SPACE = 4;

/**
 * What normalizeText has to do to a text already in NFKC: one pass over its code units instead of eight
 * regular-expression passes over texts that (as most questions) have nothing to replace. A character a
 * replacement touches, or any outside ASCII and the letters of Latin-1, Latin Extended-A and Russian, sends the
 * text the whole way.
 */
function specialCharacters(text: string): number {
  let found = 0;
  let previousSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (previousSpace) found |= UNEVEN_SPACE;
      previousSpace = true;
      continue;
    }
    previousSpace = false;
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) found |= UPPER;
      else if (code >= 0x09 && code <= 0x0d) found |= UNEVEN_SPACE;
      else if (code === 0x60) found |= SPECIAL;
    } else if (isLowerLetter(code)) continue;
    else if (isUpperLetter(code)) found |= UPPER;
    else found |= SPECIAL;
  }
  if (previousSpace && text.length > 0) found |= UNEVEN_SPACE;
  return found;
}

/** Lower-case letters of Latin-1 and Russian (ё excepted: it becomes е). */
const isLowerLetter = (code: number) =>
  (code >= 0xdf && code <= 0xff && code !== 0xf7) || (code >= 0x430 && code <= 0x44f);
/** Upper-case letters of Latin-1, Latin Extended-A (both cases: toLowerCase sorts them out) and Russian (Ё excepted). */
const isUpperLetter = (code: number) =>
  (code >= 0xc0 && code <= 0xde && code !== 0xd7) ||
  (code >= 0x100 && code <= 0x17f) ||
  (code >= 0x410 && code <= 0x42f);

// eslint-disable-next-line no-control-regex -- every ASCII character, NUL included
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const isAscii = (text: string) => ASCII_ONLY.test(text);

/** Removes combining marks (é → e, ã → a, й → и); for matching, never for display. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * The form every matcher compares: normalized and folded.
 * @example matchForm('Não consigo ACESSAR “Benefícios”') // 'nao consigo acessar "beneficios"'
 */
export function matchForm(text: string): string {
  return foldNormalized(normalizeText(text));
}

// eslint-disable-next-line no-control-regex -- every ASCII character, NUL included
const ASCII = /^[\x00-\x7f]*$/;

/** matchForm of a text already normalized (normalizeText): ASCII has nothing to fold. */
export function foldNormalized(normalized: string): string {
  if (ASCII.test(normalized)) return normalized;
  return foldByCharacter(normalized) ?? foldDiacritics(normalized);
}

/** Each code unit of Latin-1, Latin Extended-A and Cyrillic folded on its own (0 = not yet known, 0xffff = not one unit). */
const FOLDABLE_END = 0x500;
const foldedUnits = new Uint16Array(FOLDABLE_END);
const NOT_ONE_UNIT = 0xffff;
let foldBuffer = new Uint16Array(256);
/** Longer texts go the regular way (String.fromCharCode takes its units as arguments). */
const MAX_FOLDED_BY_CHARACTER = 8192;

/**
 * foldDiacritics of a text whose characters are all ASCII, Latin-1, Latin Extended-A or Cyrillic, one character
 * at a time from a table (these decompose into a base letter and marks that recompose with nothing once the
 * marks are gone: test/nlu/normalize.test.ts checks every pair); undefined for any other text.
 */
function foldByCharacter(text: string): string | undefined {
  if (text.length > MAX_FOLDED_BY_CHARACTER) return undefined;
  if (foldBuffer.length < text.length) foldBuffer = new Uint16Array(2 * text.length);
  const buffer = foldBuffer;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      buffer[i] = code;
      continue;
    }
    if (code >= FOLDABLE_END || (code >= 0x180 && code < 0x400)) return undefined;
    let folded = foldedUnits[code] as number;
    if (folded === 0) {
      const alone = foldDiacritics(String.fromCharCode(code));
      folded = alone.length === 1 ? alone.charCodeAt(0) : NOT_ONE_UNIT;
      foldedUnits[code] = folded;
    }
    if (folded === NOT_ONE_UNIT) return undefined;
    buffer[i] = folded;
  }
  return String.fromCharCode.apply(null, buffer.subarray(0, text.length) as unknown as number[]);
}
