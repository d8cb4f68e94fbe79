/** The insights' period and filters: the default 30 days up to today (UTC), real days only, every problem named at once. */
import { describe, expect, it } from 'vitest';
import { daysOf, InsightsQueryError, parseInsightsQuery, periodTimes } from '../../src/insights/insightsQuery';

const NOW = Date.parse('2026-12-04T16:40:00.000Z');
const parse = (query: string) => parseInsightsQuery(new URLSearchParams(query), NOW);
const problemsOf = (query: string) => {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof InsightsQueryError) return error.problems.map((p) => p.key);
    throw error;
  }
  throw new Error(`"${query}" was accepted`);
};

describe('the insights query', () => {
  it('defaults to the last 30 days, today included', () => {
    const query = parse('');
    expect(query).toEqual({ from: '2026-11-05', to: '2026-12-04' });
    expect(daysOf(query)).toHaveLength(30);
    expect(periodTimes(query)).toEqual({
      start: new Date('2026-11-05T00:00:00.000Z'),
      end: new Date('2026-12-05T00:00:00.000Z'),
    });
  });

  it('takes 30 days before a given end, and a given start up to today', () => {
    expect(parse('to=2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(parse('from=2026-12-01&lang=pt&channel=webchat&locale=fr-FR')).toEqual({
      from: '2026-12-01',
      to: '2026-12-04',
      lang: 'pt',
      channel: 'webchat',
    });
    expect(daysOf(parse('from=2024-02-28&to=2024-03-01'))).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('refuses what is not a real day, a reversed or too long period, unknown values and parameters, all at once', () => {
    expect(problemsOf('from=2026-02-29')).toEqual(['insights.error.bad_date']);
    expect(problemsOf('from=26-11-01&to=2026/12/01')).toEqual(['insights.error.bad_date', 'insights.error.bad_date']);
    expect(problemsOf('from=2026-12-02&to=2026-12-01')).toEqual(['insights.error.from_after_to']);
    expect(problemsOf('from=2025-01-01&to=2026-01-02')).toEqual(['insights.error.too_long']);
    expect(parse('from=2025-01-02&to=2026-01-02').from).toBe('2025-01-02');
    expect(problemsOf('lang=es&channel=<script>&lang=de&key=secret')).toEqual([
      'insights.error.repeated_parameter',
      'insights.error.unknown_parameter',
      'insights.error.bad_lang',
      'insights.error.bad_channel',
    ]);
  });

  it('names an unknown parameter without what could be markup', () => {
    try {
      parse('%3Cimg%20src%3Dx%3E=1');
    } catch (error) {
      expect((error as InsightsQueryError).problems[0]?.params.name).toBe('?img?src?x?');
    }
    expect.assertions(1);
  });

  it('names an unknown parameter with its secrets masked', () => {
    try {
      parse('55512345=1');
    } catch (error) {
      expect((error as InsightsQueryError).problems[0]?.params.name).not.toContain('55512345');
    }
    expect.assertions(1);
  });
});
