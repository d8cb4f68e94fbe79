/**
 * `npx tsx bench/directline/compareBuilds.ts <other checkout> [pairs]`: Direct Line reply latency of this
 * checkout's compiled bot side by side with another checkout's (for example the last release, to see what a
 * change costs), in one run on this machine. Rounds alternate ABBA so that a drift in the machine's load falls
 * on both; each round is a fresh server process of that build, the same conversations and questions. Both
 * checkouts must be built (`npm run build`). Prints the medians and their ratio and writes
 * bench/reports/directline-compare.md.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/contentPath';
import { percentile } from '../../src/nlu/evaluation/metrics';
import { ENTRY_POINTS, startServer } from '../suite/botProcess';
import { directLineLatency } from '../suite/directLineLatency';

const WORKLOAD = { conversations: 4, messagesPerConversation: 40, warmUpPerConversation: 5 } as const;

interface Build {
  name: string;
  root: string;
  samplesMs: number[];
  failures: number;
}

async function round(build: Build): Promise<void> {
  const bot = await startServer('bot', { storageUrl: 'memory:', projectRoot: build.root });
  try {
    const { samplesMs, failures } = await directLineLatency({ url: bot.url, ...WORKLOAD });
    build.samplesMs.push(...samplesMs);
    build.failures += failures;
  } finally {
    await bot.stop();
  }
}

function row(build: Build): string {
  const { samplesMs: s } = build;
  return `| ${build.name} | ${s.length} | ${build.failures} | ${percentile(s, 50).toFixed(1)} ms | ${percentile(s, 90).toFixed(1)} ms | ${percentile(s, 99).toFixed(1)} ms |`;
}

async function main(): Promise<void> {
  const [otherArg, roundsArg] = process.argv.slice(2);
  const rounds = Number(roundsArg ?? 4);
  if (!otherArg || !Number.isInteger(rounds) || rounds < 2 || rounds % 2 !== 0) {
    console.error(
      'usage: npx tsx bench/directline/compareBuilds.ts <other checkout> [an even number of pairs of rounds, default 4]',
    );
    process.exit(2);
  }
  const other = resolve(otherArg);
  for (const root of [PROJECT_ROOT, other]) {
    const entry = join(root, 'dist', 'src', 'index.js');
    if (!existsSync(entry)) {
      console.error(`${entry} is missing: run \`npm run build\` in ${root}`);
      process.exit(2);
    }
  }
  const current: Build = { name: 'this checkout', root: PROJECT_ROOT, samplesMs: [], failures: 0 };
  const baseline: Build = { name: `other (${other})`, root: other, samplesMs: [], failures: 0 };
  const loadBefore = loadavg()[0] ?? 0;
  for (let i = 0; i < rounds; i++) {
    for (const build of i % 2 === 0 ? [current, baseline] : [baseline, current]) {
      console.log(`pair ${i + 1}/${rounds}: ${build.name}`);
      await round(build);
    }
  }
  const ratio = percentile(current.samplesMs, 50) / percentile(baseline.samplesMs, 50);
  const report = [
    '# Direct Line reply latency: this checkout vs another build',
    '',
    `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · Node ${process.version} · load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`,
    '',
    `${rounds * 2} rounds (AB BA …), each a fresh compiled server (${ENTRY_POINTS.bot.slice(PROJECT_ROOT.length + 1)}, memory storage) and ${WORKLOAD.conversations} conversations × ${WORKLOAD.messagesPerConversation} development questions after ${WORKLOAD.warmUpPerConversation} warm-up each, timed from the POST to the reply on the WebSocket.`,
    '',
    '| build | replies | missing | p50 | p90 | p99 |',
    '|---|---:|---:|---:|---:|---:|',
    row(current),
    row(baseline),
    '',
    `Median ratio (this / other): **${ratio.toFixed(2)}**.`,
    '',
  ].join('\n');
  mkdirSync(join(PROJECT_ROOT, 'bench', 'reports'), { recursive: true });
  writeFileSync(join(PROJECT_ROOT, 'bench', 'reports', 'directline-compare.md'), report);
  console.log(report);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
