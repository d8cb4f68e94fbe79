/**
 * A ticket filter read from text (a query string, command-line flags): every value checked, and every mistake
 * named in one message, so `GET /api/tickets` and the export CLI accept and refuse exactly the same things.
 */
import { redact } from '../privacy/redact';
import { isLang, LANGS } from '../i18n/locales';
import { INTENTS, isIntent } from '../nlu/intents';
import { TICKET_STATUSES, type TicketFilter, type TicketStatus } from './ticket';

export const FILTER_FIELDS = ['status', 'lang', 'intent', 'from', 'to', 'limit'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type TicketFilterText = Partial<Record<FilterField, string>>;

/** A filter value that is not one the stores understand; `problems` lists each one. */
export class TicketFilterError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'TicketFilterError';
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * Dates are a day (`2025-03-01`, the whole UTC day; inclusive at both ends) or a full ISO time with its zone
 * (`2025-03-01T09:30:00+02:00`), which is turned into UTC so the stores can compare it with `createdAt`.
 * @example parseTicketFilter({ status: 'new', from: '2025-03-01' }) // { status: 'new', from: '2025-03-01' }
 * @throws TicketFilterError naming every value it refuses
 */
export function parseTicketFilter(text: TicketFilterText, limits: { maxLimit?: number } = {}): TicketFilter {
  const problems: string[] = [];
  const filter: TicketFilter = {};
  const { status, lang, intent, from, to, limit } = text;

  if (status !== undefined) {
    if ((TICKET_STATUSES as readonly string[]).includes(status)) filter.status = status as TicketStatus;
    else problems.push(`status must be one of ${TICKET_STATUSES.join(', ')}, not "${shown(status)}"`);
  }
  if (lang !== undefined) {
    if (isLang(lang)) filter.lang = lang;
    else problems.push(`lang must be one of ${LANGS.join(', ')}, not "${shown(lang)}"`);
  }
  if (intent !== undefined) {
    if (isIntent(intent)) filter.intent = intent;
    else problems.push(`intent must be one of ${INTENTS.join(', ')}, not "${shown(intent)}"`);
  }
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value === undefined) continue;
    const date = isoDate(value);
    if (date) filter[name] = date;
    else
      problems.push(
        `${name} must be a date (yyyy-mm-dd) or a full ISO time with a zone (2025-03-01T09:30:00Z), not "${shown(value)}"`,
      );
  }
  if (filter.from && filter.to && startOf(filter.from) > endOf(filter.to))
    problems.push(`from (${from}) is after to (${to})`);
  if (limit !== undefined) {
    const max = limits.maxLimit ?? Number.MAX_SAFE_INTEGER;
    const count = /^\d{1,9}$/.test(limit) ? Number(limit) : NaN;
    if (count >= 1 && count <= max) filter.limit = count;
    else problems.push(`limit must be a whole number from 1 to ${max}, not "${shown(limit)}"`);
  }

  if (problems.length) throw new TicketFilterError(problems);
  return filter;
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

const startOf = (date: string) => (DAY.test(date) ? `${date}T00:00:00.000Z` : date);
const endOf = (date: string) => (DAY.test(date) ? `${date}T23:59:59.999Z` : date);
