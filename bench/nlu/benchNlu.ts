/**
 * `npm run bench:nlu`: ours, NLP.js and a plain natural BayesClassifier, trained on the same training set and
 * measured on the same development set in one run: macro-F1, out-of-scope recall, training time, per-question
 * p50/p99 time and memory. Writes bench/reports/nlu.md and bench/reports/nlu.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/contentPath';
import { compileLanguageModel, trainLanguageModel } from '../../src/nlu/languageId';
import { INTENTS } from '../../src/nlu/intents';
import { confusion, labelScores, macroF1, percentile } from '../../src/nlu/evaluation/metrics';
import { readUtterances } from '../../src/nlu/utterances';
import { naturalBayes, nlpJs, ours, type Contender } from './contenders';

export interface ContenderResult {
  name: string;
  macro_f1: number;
  oos_recall: number;
  accuracy: number;
  train_ms: number;
  p50_us: number;
  p99_us: number;
  heap_mb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function measure(contender: Contender): Promise<ContenderResult> {
  const train = readUtterances('train');
  const dev = readUtterances('dev');
  const languages = compileLanguageModel(
    trainLanguageModel(
      Object.fromEntries(
        (['en', 'pt', 'fr'] as const).map((l) => [l, train.filter((u) => u.lang === l).map((u) => u.text)]),
      ),
    ),
  );
  const heapBefore = heapMb();
  const started = performance.now();
  const model = await contender.train(train, languages);
  const trainMs = performance.now() - started;
  const heapAfter = heapMb();
  for (const u of dev.slice(0, 50)) await model.classify(u.text);
  const latencies: number[] = [];
  const pairs: { expected: string; predicted: string }[] = [];
  for (const u of dev) {
    const t0 = process.hrtime.bigint();
    const predicted = await model.classify(u.text);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1000);
    pairs.push({ expected: u.intent, predicted });
  }
  const scores = labelScores(confusion(pairs, INTENTS));
  return {
    name: contender.name,
    macro_f1: round(macroF1(scores), 4),
    oos_recall: round(scores.find((s) => s.label === 'out_of_scope')?.recall ?? 0, 4),
    accuracy: round(pairs.filter((p) => p.expected === p.predicted).length / pairs.length, 4),
    train_ms: Math.round(trainMs),
    p50_us: Math.round(percentile(latencies, 50)),
    p99_us: Math.round(percentile(latencies, 99)),
    heap_mb: round(Math.max(0, heapAfter - heapBefore), 1),
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function benchNlu(): Promise<ContenderResult[]> {
  const results: ContenderResult[] = [];
  for (const contender of [ours, nlpJs, naturalBayes]) results.push(await measure(contender));
  return results;
}

export function nluMarkdown(results: readonly ContenderResult[]): string {
  const [mine, nlp] = results;
  const speedup = mine && nlp ? (nlp.p50_us / Math.max(1, mine.p50_us)).toFixed(1) : '?';
  return [
    '| classifier | macro-F1 | accuracy | OOS recall | training | p50 / question | p99 / question | heap after training |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.macro_f1.toFixed(3)} | ${(r.accuracy * 100).toFixed(1)}% | ${(r.oos_recall * 100).toFixed(1)}% | ${(r.train_ms / 1000).toFixed(1)} s | ${r.p50_us} µs | ${r.p99_us} µs | ${r.heap_mb} MB |`,
    ),
    '',
    `ours is ${speedup}× faster than NLP.js per question (p50). Same ${'train/dev'} split, same machine, one run; ` +
      `ours' training time includes the 5-fold cross-validation that calibrates it.${gc ? '' : ' (heap figures without --expose-gc are rough)'}`,
  ].join('\n');
}

if (require.main === module) {
  void benchNlu().then((results) => {
    const dir = join(PROJECT_ROOT, 'bench', 'reports');
    mkdirSync(dir, { recursive: true });
    const json = Object.fromEntries(
      results.map((r, i) => [['ours', 'nlpjs', 'natural_bayes'][i] ?? r.name, r] as const),
    );
    writeFileSync(
      join(dir, 'nlu.json'),
      `${JSON.stringify({ nlu: json, machine: { cpus: cpus().length, node: process.version }, at: new Date().toISOString() }, null, 2)}\n`,
    );
    const markdown = nluMarkdown(results);
    writeFileSync(join(dir, 'nlu.md'), `# NLU benchmark\n\n${markdown}\n`);
    console.log(markdown);
  });
}
