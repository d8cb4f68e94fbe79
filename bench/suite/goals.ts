/** The goals of issue 7, each checked against the measured results: met, missed, or not measured (a part crashed). */
import type { BenchResults } from './results';

export interface GoalCheck {
  name: string;
  target: string;
  measured: string;
  status: 'met' | 'missed' | 'not measured';
}

/** Growth of the soak's RSS over its second half that still counts as bounded (1 MB/min ≈ 1.4 GB a day). */
export const BOUNDED_GROWTH_MB_PER_MIN = 1;

const check = (
  name: string,
  target: string,
  value: number | undefined,
  met: (v: number) => boolean,
  format: (v: number) => string,
): GoalCheck =>
  value === undefined || Number.isNaN(value)
    ? { name, target, measured: '—', status: 'not measured' }
    : { name, target, measured: format(value), status: met(value) ? 'met' : 'missed' };

export function checkGoals(results: BenchResults): GoalCheck[] {
  const { nlu, http, directLine, coldStart, rss, soak } = results;
  const ours = nlu?.ours;
  const nlpjs = nlu?.nlpjs;
  const f1Lead = ours && nlpjs ? ours.macro_f1 - nlpjs.macro_f1 : undefined;
  const speedup = ours && nlpjs ? nlpjs.p50_us / Math.max(1, ours.p50_us) : undefined;
  return [
    check(
      'classifier quality vs NLP.js',
      'macro-F1 ahead',
      f1Lead,
      (v) => v > 0,
      (v) => `${ours?.macro_f1.toFixed(3)} vs ${nlpjs?.macro_f1.toFixed(3)} (${v >= 0 ? '+' : ''}${v.toFixed(3)})`,
    ),
    check(
      'classifier speed vs NLP.js',
      '≥ 10× faster (p50)',
      speedup,
      (v) => v >= 10,
      (v) => `${v.toFixed(1)}×`,
    ),
    check(
      '/api/messages throughput vs echo bot',
      '≥ 0.7',
      http?.ratio,
      (v) => v >= 0.7,
      (v) => `${v.toFixed(2)} (${http?.bot_rps.toFixed(0)} vs ${http?.echo_rps.toFixed(0)} req/s)`,
    ),
    check(
      'Direct Line reply median',
      '≤ 100 ms',
      directLine?.p50Ms,
      (v) => v <= 100,
      (v) => `${v.toFixed(1)} ms`,
    ),
    check(
      'cold start to /readyz',
      '≤ 1000 ms',
      coldStart?.medianMs,
      (v) => v <= 1000,
      (v) => `${v.toFixed(0)} ms`,
    ),
    check(
      `RSS after ${rss?.conversations.toLocaleString('en-US') ?? '10,000'} conversations`,
      '≤ 250 MB',
      rss?.afterMb,
      (v) => v <= 250,
      (v) => `${v.toFixed(1)} MB`,
    ),
    check(
      'soak: errors',
      '0',
      soak?.errorCount,
      (v) => v === 0,
      (v) => String(v),
    ),
    check(
      'soak: memory growth (2nd half)',
      `≤ ${BOUNDED_GROWTH_MB_PER_MIN} MB/min`,
      soak?.growthMbPerMinSecondHalf,
      (v) => v <= BOUNDED_GROWTH_MB_PER_MIN,
      (v) => `${v.toFixed(2)} MB/min`,
    ),
  ];
}
