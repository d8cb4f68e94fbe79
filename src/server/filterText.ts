/**
 * The filter parts the tickets and review filters share, read from text: a from/to date range and a limit,
 * every refused value named, and a refused value as a message may show it.
 */
import { redact } from '../privacy/redact';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** The date range and limit as given, each undefined when absent. */
export interface RangeAndLimitText {
  from?: string;
  to?: string;
  limit?: string;
}

/** The date range and limit as the stores take them; a key is present only when its value was given and valid. */
export interface RangeAndLimit {
  from?: string;
  to?: string;
  limit?: number;
}

/**
 * Dates are a day (`2025-03-01`, the whole UTC day; inclusive at both ends) or a full ISO time with its zone
 * (`2025-03-01T09:30:00+02:00`), which is turned into UTC so the stores can compare it with `createdAt`; the
 * limit is a whole number from 1 to `maxLimit`. Each refused value adds one message to `problems`.
 * @example parseRangeAndLimit({ from: '2025-03-01', limit: '5' }, 100, problems) // { from: '2025-03-01', limit: 5 }
 */
export function parseRangeAndLimit(text: RangeAndLimitText, maxLimit: number, problems: string[]): RangeAndLimit {
  const parsed: RangeAndLimit = {};
  const { from, to, limit } = text;
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value === undefined) continue;
    const date = isoDate(value);
    if (date) parsed[name] = date;
    else
      problems.push(
        `${name} must be a date (yyyy-mm-dd) or a full ISO time with a zone (2025-03-01T09:30:00Z), not "${shown(value)}"`,
      );
  }
  if (parsed.from && parsed.to && startOf(parsed.from) > endOf(parsed.to))
    problems.push(`from (${from}) is after to (${to})`);
  if (limit !== undefined) {
    const count = /^\d{1,9}$/.test(limit) ? Number(limit) : NaN;
    if (count >= 1 && count <= maxLimit) parsed.limit = count;
    else problems.push(`limit must be a whole number from 1 to ${maxLimit}, not "${shown(limit)}"`);
  }
  return parsed;
}

/** A day as it is, a time in UTC; undefined for anything else (including days that do not exist). */
export function isoDate(value: string): string | undefined {
  if (DAY.test(value)) return isRealDay(value) ? value : undefined;
  const day = DATE_TIME.exec(value)?.[1];
  const time = Date.parse(value);
  return day && isRealDay(day) && Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

function isRealDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(day);
}

/** A refused value as an error message may show it: redacted (it may be anything a caller pasted) and short. */
export function shown(value: unknown): string {
  return redact(String(value)).slice(0, 40);
}

// isoDate gives a time in UTC already, so only a bare day needs widening to compare.
const startOf = (date: string) => (DAY.test(date) ? `${date}T00:00:00.000Z` : date);
const endOf = (date: string) => (DAY.test(date) ? `${date}T23:59:59.999Z` : date);
