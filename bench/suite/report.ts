/**
 * Writes the suite's results: bench/report.json (stable keys: nlu.ours.macro_f1, http.bot_rps,
 * directline.reply_p50_ms, cold_start_ms, rss_mb, soak.…), bench/report.md (tables a person reads) and the SVG
 * plots next to it (soak-rss.svg, http-throughput.svg, directline-latency.svg), with the profile summary kept in
 * bench/reports/profile.md (written by hand from profiles taken apart from the run).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nluMarkdown } from '../nlu/benchNlu';
import { checkGoals, BOUNDED_GROWTH_MB_PER_MIN, type GoalCheck } from './goals';
import type { BenchResults } from './results';
import type { Soak } from './soak';
import { barChart, lineChart } from './svgChart';

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export function reportJson(results: BenchResults, goals: readonly GoalCheck[]): unknown {
  const { nlu, http, directLine, coldStart, rss, soak } = results;
  return {
    date: results.date,
    quick: results.quick,
    duration_s: round(results.durationSeconds),
    machine: results.machine,
    ...(nlu ? { nlu: { ...nlu, speedup_vs_nlpjs: round(nlu.nlpjs.p50_us / Math.max(1, nlu.ours.p50_us), 2) } } : {}),
    ...(http
      ? {
          http: {
            bot_rps: round(http.bot_rps),
            echo_rps: round(http.echo_rps),
            ratio: round(http.ratio, 3),
            connections: http.connections,
            seconds_per_round: http.secondsPerRound,
            rounds: http.rounds.map((r) => ({ ...r, rps: round(r.rps), seconds: r.seconds })),
          },
        }
      : {}),
    ...(directLine
      ? {
          directline: {
            reply_p50_ms: round(directLine.p50Ms),
            reply_p90_ms: round(directLine.p90Ms),
            reply_p99_ms: round(directLine.p99Ms),
            reply_max_ms: round(directLine.maxMs),
            messages: directLine.messages,
            conversations: directLine.conversations,
            failures: directLine.failures,
          },
        }
      : {}),
    ...(coldStart
      ? {
          cold_start_ms: Math.round(coldStart.medianMs),
          cold_start_runs_ms: coldStart.runsMs.map((ms) => Math.round(ms)),
        }
      : {}),
    ...(rss
      ? {
          rss_mb: round(rss.afterMb),
          rss: {
            conversations: rss.conversations,
            start_mb: round(rss.startMb),
            after_mb: round(rss.afterMb),
            source: rss.source,
            ok: rss.load.ok,
            non2xx: rss.load.non2xx,
            errors: rss.load.errors,
            replies: rss.load.replies,
            echo_start_mb: round(rss.echo.startMb),
            echo_after_mb: round(rss.echo.afterMb),
          },
        }
      : {}),
    ...(soak
      ? {
          soak: {
            seconds: soak.seconds,
            connections: soak.connections,
            storage: soak.storage,
            requests: soak.load.requests,
            ok: soak.load.ok,
            rps: round(soak.load.rps),
            errors: soak.errorCount,
            non2xx: soak.load.non2xx,
            socket_errors: soak.load.errors,
            timeouts: soak.load.timeouts,
            replies: soak.load.replies,
            latency_p50_ms: soak.load.latencyP50Ms,
            latency_p99_ms: soak.load.latencyP99Ms,
            rss_first_mb: soak.firstMb,
            rss_last_mb: soak.lastMb,
            rss_max_mb: soak.maxMb,
            growth_mb_per_min_second_half: round(soak.growthMbPerMinSecondHalf, 2),
            rss_source: soak.source,
            samples: soak.samples,
          },
        }
      : {}),
    goals: goals.map((g) => ({ name: g.name, target: g.target, measured: g.measured, status: g.status })),
    crashed: results.crashed,
  };
}

/** `profileSummary`: bench/reports/profile.md, where a turn's time and memory go, profiled apart from this run. */
export function reportMarkdown(results: BenchResults, goals: readonly GoalCheck[], profileSummary?: string): string {
  const { machine, nlu, http, directLine, coldStart, rss, soak } = results;
  const mark = (status: GoalCheck['status']) =>
    status === 'met' ? '**met**' : status === 'missed' ? '**missed**' : 'not measured';
  const lines: string[] = [
    '# Benchmark report',
    '',
    `${results.date} · ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb.toFixed(1)} GB · Node ${machine.node} (${machine.platform}) · ` +
      `servers run as \`npm start\` runs the bot: \`node ${machine.nodeOptions.join(' ')}\` · ` +
      `load average ${machine.loadAverageStart.toFixed(1)} at the start, ${machine.loadAverageEnd.toFixed(1)} at the end · ` +
      `${results.quick ? '**quick run (`--quick`): every part shortened, a smoke check, not figures to quote**' : 'full run'} · ${Math.round(results.durationSeconds)} s`,
    '',
    'Everything below ran in this one run of `npm run bench`, on loopback, on this machine, which is shared: the load average says how ' +
      'much else was running, and every figure is only as steady as that.',
    '',
    '## Goals',
    '',
    '| goal | target | measured | |',
    '|---|---|---|---|',
    ...goals.map((g) => `| ${g.name} | ${g.target} | ${g.measured} | ${mark(g.status)} |`),
    '',
  ];
  if (Object.keys(results.crashed).length) {
    lines.push(
      '**Parts that crashed:**',
      '',
      ...Object.entries(results.crashed).map(([part, message]) => `- ${part}: ${message.split('\n')[0]}`),
      '',
    );
  }

  lines.push('## Classifier: ours vs NLP.js vs natural Bayes', '');
  lines.push(nlu ? nluMarkdown([nlu.ours, nlu.nlpjs, nlu.natural_bayes]) : '_not measured_', '');

  lines.push('## `/api/messages` throughput: our bot vs an echo bot', '');
  if (http) {
    lines.push(
      `autocannon, ${http.connections} connections, ${http.secondsPerRound} s per round after a warm-up, rounds in ABBA order; every request a ` +
        'message of a new conversation and user (the development questions of the four languages in turn), replies to the fake connector. ' +
        'Both servers compiled (`dist/src/index.js`, `dist/bench/suite/echoBot.js`), each in its own process, memory storage, anonymous.',
      '',
      '| round | server | req/s (2xx) | 2xx | non-2xx | errors | timeouts | replies received | latency p50 | latency p99 |',
      '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...http.rounds.map(
        (r, i) =>
          `| ${i + 1} | ${r.server === 'bot' ? 'our bot' : 'echo bot'} | ${r.rps.toFixed(0)} | ${r.ok} | ${r.non2xx} | ${r.errors} | ${r.timeouts} | ${r.replies} | ${r.latencyP50Ms} ms | ${r.latencyP99Ms} ms |`,
      ),
      '',
      `Mean: our bot **${http.bot_rps.toFixed(0)} req/s**, echo bot **${http.echo_rps.toFixed(0)} req/s**, ratio **${http.ratio.toFixed(2)}** (goal ≥ 0.7).`,
      '',
      '![throughput](http-throughput.svg)',
      '',
    );
  } else lines.push('_not measured_', '');

  lines.push('## Direct Line: send → reply on the WebSocket', '');
  if (directLine) {
    lines.push(
      `${directLine.messages} messages in ${directLine.conversations} conversations side by side (en, ru, pt, fr; one message at a time in each, ` +
        "after a warm-up), each timed from its POST …/activities until the bot's reply to it arrives on the stream; the compiled bot, memory storage.",
      '',
      '| p50 | p90 | p99 | max | replies missing |',
      '|---:|---:|---:|---:|---:|',
      `| ${directLine.p50Ms.toFixed(1)} ms | ${directLine.p90Ms.toFixed(1)} ms | ${directLine.p99Ms.toFixed(1)} ms | ${directLine.maxMs.toFixed(1)} ms | ${directLine.failures} |`,
      '',
      '![Direct Line latency](directline-latency.svg)',
      '',
    );
  } else lines.push('_not measured_', '');

  lines.push('## Cold start', '');
  lines.push(
    coldStart
      ? `\`node dist/src/index.js\` (memory storage, a free port) spawned until \`GET /readyz\` answers 200, ${coldStart.runsMs.length} starts: ` +
          `${coldStart.runsMs.map((ms) => `${Math.round(ms)}`).join(', ')} ms; median **${Math.round(coldStart.medianMs)} ms**.`
      : '_not measured_',
    '',
  );

  lines.push('## Memory after conversations', '');
  lines.push(
    rss
      ? `A fresh bot (memory storage: every conversation's and user's state stays in the process), ${rss.conversations.toLocaleString('en-US')} message ` +
          `activities of as many new conversations through \`/api/messages\` (10 connections; ${rss.load.ok} answered 2xx, ${rss.load.non2xx} non-2xx, ` +
          `${rss.load.errors} errors, ${rss.load.replies} replies received). Resident memory ${rss.startMb.toFixed(1)} MB after start, ` +
          `**${rss.afterMb.toFixed(1)} MB** after (${rss.source === 'metrics' ? 'process_resident_memory_bytes from /metrics' : 'VmRSS from /proc: the bot served no /metrics'}). ` +
          `The echo bot, same messages: ${rss.echo.startMb.toFixed(1)} MB after start, ${rss.echo.afterMb.toFixed(1)} MB after.`
      : '_not measured_',
    '',
  );

  lines.push('## Soak', '');
  if (soak) {
    lines.push(
      `${soak.connections} connections for ${soak.seconds} s on \`/api/messages\`, every request a new conversation, storage ${soak.storage}; ` +
        `RSS sampled every few seconds (${soak.source === 'metrics' ? 'from /metrics' : 'from /proc: the bot served no /metrics'}).`,
      '',
      '| requests | req/s | errors (non-2xx + socket + timeouts) | replies received | latency p50 / p99 | RSS first | RSS last | RSS max | growth over the 2nd half |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      `| ${soak.load.requests} | ${soak.load.rps.toFixed(0)} | ${soak.errorCount} (${soak.load.non2xx} + ${soak.load.errors} + ${soak.load.timeouts}) | ${soak.load.replies} | ` +
        `${soak.load.latencyP50Ms} / ${soak.load.latencyP99Ms} ms | ${soak.firstMb.toFixed(1)} MB | ${soak.lastMb.toFixed(1)} MB | ${soak.maxMb.toFixed(1)} MB | ${soak.growthMbPerMinSecondHalf.toFixed(2)} MB/min |`,
      '',
      `"RSS first" is the idle bot before the load. Growth is the Theil–Sen slope of the samples of the second half; bounded means at most ${BOUNDED_GROWTH_MB_PER_MIN} MB/min.`,
      '',
      '![RSS during the soak](soak-rss.svg)',
      '',
    );
  } else lines.push('_not measured_', '');

  if (profileSummary) lines.push("## Where a turn's time and memory go", '', profileSummary.trim(), '');

  lines.push(
    '## How to read this',
    '',
    "- The load generator (autocannon) and the fake connector share one process and the machine's cores with the server measured; " +
      "so do the other bots' numbers, which is why the comparisons run in the same run, side by side.",
    '- Rate limits are switched off for the benchmarked bots (`RATE_LIMIT=off`, Direct Line bucket opened): they are not what is measured.',
    '- `npm run bench -- --quick` is a smoke check; `--soak-seconds N` sets the soak (default 300).',
    '- `bench/directline/benchDirectLine.ts` measures Direct Line on its own too: one conversation, SQLite, the echo of the message as well as the reply.',
    "- Where a turn's time and a conversation's memory go (CPU profiles, heap snapshots) and the before/after of each performance change: `bench/reports/perf.md`, `bench/reports/memory.md`.",
    '',
  );
  return lines.join('\n');
}

/** The soak's RSS curve: time vs resident memory. */
export function soakChart(soak: Pick<Soak, 'connections' | 'seconds' | 'samples' | 'source'>): string {
  return lineChart({
    title: `Bot RSS during the soak (${soak.connections} connections, ${soak.seconds} s)`,
    xLabel: 'time since the load started (s)',
    yLabel: 'resident memory (MB)',
    series: [
      { name: soak.source === 'metrics' ? 'RSS (process_resident_memory_bytes)' : 'RSS (VmRSS)', points: soak.samples },
    ],
    reference: { y: 250, label: '250 MB (the RSS goal after 10,000 conversations)' },
  });
}

/** Writes report.json, report.md and the plots into `dir`; answers the goal checks. */
export function writeReport(dir: string, results: BenchResults): GoalCheck[] {
  const goals = checkGoals(results);
  const { http, directLine, soak } = results;
  if (soak) writeFileSync(join(dir, 'soak-rss.svg'), soakChart(soak));
  if (http) {
    writeFileSync(
      join(dir, 'http-throughput.svg'),
      barChart('/api/messages throughput (2xx per second, mean of rounds)', 'requests per second', [
        {
          label: 'echo bot (same stack)',
          value: http.echo_rps,
          text: `${http.echo_rps.toFixed(0)} req/s`,
          color: '#8c959f',
        },
        {
          label: 'our bot',
          value: http.bot_rps,
          text: `${http.bot_rps.toFixed(0)} req/s (${http.ratio.toFixed(2)}×)`,
          color: '#1f6feb',
        },
        {
          label: 'goal: 0.7 × echo',
          value: 0.7 * http.echo_rps,
          text: `${(0.7 * http.echo_rps).toFixed(0)} req/s`,
          color: '#d4a72c',
        },
      ]),
    );
  }
  if (directLine && directLine.samplesMs.length) {
    const sorted = [...directLine.samplesMs].sort((a, b) => a - b);
    writeFileSync(
      join(dir, 'directline-latency.svg'),
      lineChart({
        title: `Direct Line send → reply on the WebSocket (${sorted.length} messages)`,
        xLabel: 'percentile',
        yLabel: 'milliseconds',
        series: [
          {
            name: 'reply latency',
            points: sorted.map(
              (ms, i) => [round(((i + 1) / sorted.length) * 100, 2), round(ms, 2)] as [number, number],
            ),
          },
        ],
        reference: { y: 100, label: 'goal: median ≤ 100 ms' },
      }),
    );
  }
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify(reportJson(results, goals), null, 2)}\n`);
  const profile = join(dir, 'reports', 'profile.md');
  const profileSummary = existsSync(profile) ? readFileSync(profile, 'utf8') : undefined;
  writeFileSync(join(dir, 'report.md'), reportMarkdown(results, goals, profileSummary));
  return goals;
}
