/**
 * Redaction time on the worst texts a client can send (262,144 bytes of one word, of digits, of grouped digits,
 * of full-width characters, of near-addresses): each at a quarter of the size and at the full size, so linear
 * time shows as a ratio near 4 (a quadratic pattern shows near 16). Run: npx tsx bench/privacy/benchRedact.ts
 */
import { performance } from 'node:perf_hooks';
import { redact } from '../../src/privacy/redact';
import { redactActivity } from '../../src/privacy/redactActivity';

const FULL = 262_144;

const SHAPES: Record<string, (length: number) => string> = {
  'one word': (n) => 'a'.repeat(n),
  'one run of digits': (n) => '1'.repeat(n),
  'digits grouped by spaces': (n) => '1 234'.padEnd(n, ' 234'),
  'digits grouped by hyphens': (n) => '12'.padEnd(n, '-34'),
  'letters and digits': (n) => 'a1'.repeat(n / 2),
  'near addresses': (n) => 'a@b.'.repeat(n / 4),
  'full-width digits': (n) => '４'.repeat(n / 3),
  'Access ID named again and again': (n) => 'Access ID '.repeat(n / 10),
};

/** The median of three runs, after one to warm up. */
function time(work: () => unknown): number {
  work();
  const runs = [0, 1, 2].map(() => {
    const start = performance.now();
    work();
    return performance.now() - start;
  });
  return runs.sort((a, b) => a - b)[1] as number;
}

const rows = Object.entries(SHAPES).map(([name, make]) => {
  const quarter = time(() => redact(make(FULL / 4)));
  const full = time(() => redact(make(FULL)));
  return {
    shape: name,
    'quarter (ms)': quarter.toFixed(1),
    'full (ms)': full.toFixed(1),
    ratio: (full / Math.max(quarter, 0.01)).toFixed(1),
  };
});
const activity = {
  type: 'message',
  text: 'a1'.repeat(1000),
  channelData: { list: Array.from({ length: 2000 }, (_, i) => ({ note: `note ${i} 12 345 678` })) },
};
rows.push({
  shape: 'an activity of 2,000 notes',
  'quarter (ms)': '',
  'full (ms)': time(() => redactActivity(activity)).toFixed(1),
  ratio: '',
});
console.table(rows);
