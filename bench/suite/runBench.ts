/**
 * `npm run bench [-- --quick] [-- --soak-seconds N]`: every comparison of the benchmark suite, side by side in
 * one run on this machine: the classifiers (benchNlu), /api/messages throughput of our bot vs an echo bot, Direct
 * Line reply latency, cold start, memory after 10,000 conversations, and a soak. Writes bench/report.md (with
 * SVG plots next to it) and bench/report.json. Missed goals are reported, never failed: the exit code is 1
 * only when a part crashed.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/contentPath';
import { percentile } from '../../src/nlu/evaluation/metrics';
import { benchNlu } from '../nlu/benchNlu';
import { startScriptNodeOptions, startServer } from './botProcess';
import { coldStart } from './coldStart';
import { directLineLatency } from './directLineLatency';
import { FakeConnector } from './fakeConnector';
import { httpComparison } from './httpComparison';
import { memoryAfterConversations } from './memoryAfterConversations';
import { BenchOptionsError, parseOptions, type BenchOptions } from './options';
import { writeReport } from './report';
import type { BenchResults, DirectLineLatency, NluResults } from './results';
import { soak } from './soak';

const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

async function nlu(): Promise<NluResults> {
  const [ours, nlpjs, naturalBayes] = await benchNlu();
  if (!ours || !nlpjs || !naturalBayes) throw new Error('benchNlu() did not answer three contenders');
  return { ours, nlpjs, natural_bayes: naturalBayes };
}

async function directLine(options: BenchOptions['directLine']): Promise<DirectLineLatency> {
  const bot = await startServer('bot', { storageUrl: 'memory:' });
  try {
    const { samplesMs, failures, conversations } = await directLineLatency({ url: bot.url, ...options });
    return {
      conversations,
      messages: samplesMs.length,
      failures,
      p50Ms: percentile(samplesMs, 50),
      p90Ms: percentile(samplesMs, 90),
      p99Ms: percentile(samplesMs, 99),
      maxMs: Math.max(0, ...samplesMs),
      samplesMs,
    };
  } finally {
    await bot.stop();
  }
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchOptionsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const results: BenchResults = {
    date: new Date().toISOString(),
    quick: options.quick,
    durationSeconds: 0,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
      memoryGb: totalmem() / 1024 ** 3,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      nodeOptions: startScriptNodeOptions(PROJECT_ROOT),
      loadAverageStart: loadavg()[0] ?? 0,
      loadAverageEnd: 0,
    },
    crashed: {},
  };
  log(
    `benchmark suite, ${options.quick ? 'quick' : 'full'} run: ${results.machine.cpus} CPUs, Node ${process.version}, load average ${results.machine.loadAverageStart.toFixed(1)}, ${(freemem() / 1024 ** 3).toFixed(1)} GB free`,
  );

  const connector = await new FakeConnector().start();
  const part = async <K extends keyof BenchResults>(key: K, title: string, run: () => Promise<BenchResults[K]>) => {
    log(`${title}…`);
    try {
      results[key] = await run();
    } catch (error) {
      results.crashed[String(key)] = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      log(`${title} crashed: ${results.crashed[String(key)]}`);
    }
  };
  try {
    await part('nlu', 'classifiers (ours, NLP.js, natural Bayes)', nlu);
    await part('coldStart', `cold start (${options.coldStarts} starts)`, () => coldStart(options.coldStarts));
    await part(
      'http',
      `/api/messages throughput, bot vs echo (${options.http.connections} connections, ${options.http.seconds} s × ${options.http.rounds * 2})`,
      () => httpComparison(options.http, connector, log),
    );
    await part(
      'directLine',
      `Direct Line latency (${options.directLine.conversations} × ${options.directLine.messagesPerConversation} messages)`,
      () => directLine(options.directLine),
    );
    await part('rss', `memory after ${options.rssConversations} conversations`, () =>
      memoryAfterConversations(options.rssConversations, connector),
    );
    await part('soak', `soak (${options.soakConnections} connections, ${options.soakSeconds} s)`, () =>
      soak(
        { seconds: options.soakSeconds, connections: options.soakConnections, sampleSeconds: options.sampleSeconds },
        connector,
      ),
    );
  } finally {
    await connector.stop();
  }
  if (connector.unexpected) log(`the fake connector got ${connector.unexpected} requests that were not replies`);

  results.machine.loadAverageEnd = loadavg()[0] ?? 0;
  results.durationSeconds = (performance.now() - started) / 1000;
  const goals = writeReport(join(PROJECT_ROOT, 'bench'), results);
  console.log('');
  for (const goal of goals)
    console.log(`${goal.status.padEnd(12)} ${goal.name}: ${goal.measured} (goal ${goal.target})`);
  console.log(`\nbench/report.md, bench/report.json, bench/*.svg written in ${Math.round(results.durationSeconds)} s`);
  if (Object.keys(results.crashed).length) process.exitCode = 1;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
