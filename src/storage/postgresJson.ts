/**
 * The one serializer of every JSON that PostgreSQL stores (state, tickets, Direct Line activities, feedback):
 * JSON.stringify with every string and key made well-formed, so no "\u0000" or lone surrogate escape reaches a
 * jsonb cast ("unsupported Unicode escape sequence") however the value was made (a cut inside an emoji).
 */
import { wellFormedText } from '../text/wellFormedText';

/** @example postgresJson({ text: 'a\u0000b' }) // '{"text":"ab"}' */
export function postgresJson(value: unknown): string {
  return JSON.stringify(value, wellFormedMember);
}

function wellFormedMember(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return wellFormedText(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  // Keys cannot be renamed in place: an object with an ill-formed key is written as a copy.
  if (keys.every((key) => wellFormedText(key) === key)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [wellFormedText(key), item]));
}
