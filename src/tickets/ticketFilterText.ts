/**
 * A ticket filter read from text (a query string, command-line flags): every value checked, and every mistake
 * named in one message, so `GET /api/tickets` and the export CLI accept and refuse exactly the same things.
 */
import { isLang, LANGS } from '../i18n/locales';
import { INTENTS, isIntent } from '../nlu/intents';
import { parseRangeAndLimit, shown } from '../server/filterText';
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

/**
 * Dates and the limit follow the shared rules of parseRangeAndLimit (src/server/filterText.ts).
 * @example parseTicketFilter({ status: 'new', from: '2025-03-01' }) // { status: 'new', from: '2025-03-01' }
 * @throws TicketFilterError naming every value it refuses
 */
export function parseTicketFilter(text: TicketFilterText, limits: { maxLimit?: number } = {}): TicketFilter {
  const problems: string[] = [];
  const filter: TicketFilter = {};
  const { status, lang, intent } = text;

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
  Object.assign(filter, parseRangeAndLimit(text, limits.maxLimit ?? Number.MAX_SAFE_INTEGER, problems));

  if (problems.length) throw new TicketFilterError(problems);
  return filter;
}
