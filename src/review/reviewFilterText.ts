/**
 * A review filter read from a query string (`GET /api/review`, the review page): lang, reason, status, from,
 * to, limit; every value checked and every mistake named in one message, with the tickets filter's date rules.
 */
import { isLang, LANGS } from '../i18n/locales';
import { parseRangeAndLimit, shown } from '../server/filterText';
import { REVIEW_REASONS, REVIEW_STATUSES, type ReviewFilter, type ReviewReason, type ReviewStatus } from './reviewItem';

export const REVIEW_FILTER_FIELDS = ['lang', 'reason', 'status', 'from', 'to', 'limit'] as const;
/** Items per answer when `limit` is not given, and the most one may ask for. */
export const DEFAULT_REVIEW_LIMIT = 200;
export const MAX_REVIEW_LIMIT = 1000;

export class ReviewFilterError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'ReviewFilterError';
  }
}

/**
 * @example parseReviewFilter(new URLSearchParams('lang=fr&reason=rejected')) // { lang: 'fr', reason: 'rejected', limit: 200 }
 * @throws ReviewFilterError naming every parameter it refuses (unknown, repeated or invalid)
 */
export function parseReviewFilter(params: URLSearchParams): ReviewFilter {
  const problems: string[] = [];
  const filter: ReviewFilter = { limit: DEFAULT_REVIEW_LIMIT };
  const text: Partial<Record<(typeof REVIEW_FILTER_FIELDS)[number], string>> = {};
  for (const name of new Set(params.keys())) {
    if (!(REVIEW_FILTER_FIELDS as readonly string[]).includes(name))
      problems.push(`unknown parameter "${shown(name)}" (known: ${REVIEW_FILTER_FIELDS.join(', ')})`);
    else if (params.getAll(name).length > 1) problems.push(`${name} is given more than once`);
    // An empty field of the page's filter form means "any".
    else if (params.get(name)) text[name as keyof typeof text] = params.get(name) ?? '';
  }
  const { lang, reason, status } = text;
  if (lang !== undefined) {
    if (isLang(lang)) filter.lang = lang;
    else problems.push(`lang must be one of ${LANGS.join(', ')}, not "${shown(lang)}"`);
  }
  if (reason !== undefined) {
    if ((REVIEW_REASONS as readonly string[]).includes(reason)) filter.reason = reason as ReviewReason;
    else problems.push(`reason must be one of ${REVIEW_REASONS.join(', ')}, not "${shown(reason)}"`);
  }
  if (status !== undefined) {
    if ((REVIEW_STATUSES as readonly string[]).includes(status)) filter.status = status as ReviewStatus;
    else problems.push(`status must be one of ${REVIEW_STATUSES.join(', ')}, not "${shown(status)}"`);
  }
  Object.assign(filter, parseRangeAndLimit(text, MAX_REVIEW_LIMIT, problems));
  if (problems.length) throw new ReviewFilterError(problems);
  return filter;
}
