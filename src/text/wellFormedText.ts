/**
 * Text as every store can keep it: without NUL (PostgreSQL refuses it in text and jsonb) and without half a
 * surrogate pair (no character at all; jsonb refuses its escape, UTF-8 cannot encode it). Request bodies are
 * made so where they arrive (readJsonBody), and what the bot derives from them by cutting is made so again
 * where it is written (postgresJson).
 */

/** A NUL, a high surrogate without its low half, or a low surrogate without its high half. */
// eslint-disable-next-line no-control-regex -- the NUL is what this looks for
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** @example wellFormedText('a\u0000b\uD800c😀') // 'abc😀' */
export function wellFormedText(text: string): string {
  return text.replace(ILL_FORMED, '');
}

/**
 * A parsed JSON value with every string and every key made well-formed (new objects and arrays; own keys such
 * as "__proto__" stay own keys). Recursive: only for values whose depth is bounded (readJsonBody's limit).
 */
export function wellFormedJson(value: unknown): unknown {
  if (typeof value === 'string') return wellFormedText(value);
  if (Array.isArray(value)) return value.map(wellFormedJson);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [wellFormedText(key), wellFormedJson(item)]));
}
