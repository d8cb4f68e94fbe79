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
  return ASCII.test(normalized) ? normalized : foldDiacritics(normalized);
}
