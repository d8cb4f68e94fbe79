/**
 * What an insights request asks for: a period of whole UTC days (`from`, `to`, inclusive; by default the last
 * 30 days up to today) and optionally one language and one channel. A wrong parameter is refused with a problem
 * the page shows in its language and the API in English.
 */
import { LANGS, isLang, type Lang } from '../i18n/locales';
import { CHANNEL_LABELS } from '../observability/metrics';
import { redact } from '../privacy/redact';

export const DEFAULT_DAYS = 30;
/** The longest period one request may count. */
export const MAX_DAYS = 366;

export interface InsightsQuery {
  /** First and last day, `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
  lang?: Lang;
  channel?: string;
}

/** A refused parameter: a string key of content/strings and its parameters. */
export interface QueryProblem {
  key: string;
  params: Record<string, string | number>;
}

export class InsightsQueryError extends Error {
  constructor(readonly problems: QueryProblem[]) {
    super(problems.map((p) => `${p.key} ${JSON.stringify(p.params)}`).join('; '));
    this.name = 'InsightsQueryError';
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `locale` chooses the page's language; it is no filter. */
const PARAMETERS = ['from', 'to', 'lang', 'channel', 'locale'] as const;

/** A refused parameter's name as a message may show it: redacted (it may be anything a caller pasted), short, word characters only. */
const shownName = (name: string) =>
  redact(name)
    .slice(0, 40)
    .replace(/[^\w-]/g, '?');

/** `YYYY-MM-DD` of a time, in UTC. */
export const dayOf = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The time a day starts (UTC), or undefined for anything that is not a real day. */
export function startOfDay(day: string): number | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dayOf(time) === day ? time : undefined;
}

/**
 * @example parseInsightsQuery(new URLSearchParams('from=2026-11-01&lang=fr'), Date.now())
 * @throws InsightsQueryError naming every problem at once
 */
export function parseInsightsQuery(params: URLSearchParams, now: number): InsightsQuery {
  const problems: QueryProblem[] = [];
  for (const name of new Set(params.keys())) {
    if (!(PARAMETERS as readonly string[]).includes(name))
      problems.push({
        key: 'insights.error.unknown_parameter',
        params: { name: shownName(name), known: PARAMETERS.join(', ') },
      });
    else if (params.getAll(name).length > 1)
      problems.push({ key: 'insights.error.repeated_parameter', params: { name } });
  }
  const day = (name: 'from' | 'to'): number | undefined => {
    const value = params.get(name);
    if (value === null || value === '') return undefined;
    const start = startOfDay(value);
    if (start === undefined) problems.push({ key: 'insights.error.bad_date', params: { name } });
    return start;
  };
  const givenTo = day('to');
  const givenFrom = day('from');
  const to = givenTo ?? Date.parse(`${dayOf(now)}T00:00:00.000Z`);
  const from = givenFrom ?? to - (DEFAULT_DAYS - 1) * DAY_MS;
  if (from > to) problems.push({ key: 'insights.error.from_after_to', params: {} });
  else if ((to - from) / DAY_MS + 1 > MAX_DAYS)
    problems.push({ key: 'insights.error.too_long', params: { max: MAX_DAYS } });
  const lang = params.get('lang') || undefined;
  if (lang !== undefined && !isLang(lang))
    problems.push({ key: 'insights.error.bad_lang', params: { known: LANGS.join(', ') } });
  const channel = params.get('channel') || undefined;
  if (channel !== undefined && !CHANNEL_LABELS.includes(channel))
    problems.push({ key: 'insights.error.bad_channel', params: { known: CHANNEL_LABELS.join(', ') } });
  if (problems.length) throw new InsightsQueryError(problems);
  return { from: dayOf(from), to: dayOf(to), ...(lang ? { lang: lang as Lang } : {}), ...(channel ? { channel } : {}) };
}

/** The period as times: its first instant and the first instant after it. */
export function periodTimes(query: Pick<InsightsQuery, 'from' | 'to'>): { start: Date; end: Date } {
  return {
    start: new Date(startOfDay(query.from) as number),
    end: new Date((startOfDay(query.to) as number) + DAY_MS),
  };
}

/** Every day of the period, in order. */
export function daysOf(query: Pick<InsightsQuery, 'from' | 'to'>): string[] {
  const { start, end } = periodTimes(query);
  const days: string[] = [];
  for (let time = start.getTime(); time < end.getTime(); time += DAY_MS) days.push(dayOf(time));
  return days;
}
