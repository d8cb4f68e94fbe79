/**
 * How long counting the insights takes as the events grow: 10,000 and 100,000 events in a 30-day period, read
 * from SQLite and PostgreSQL and counted (insightsReport), median of three runs after one to warm up.
 * Run: TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/insights/benchInsights.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { LANGS } from '../../src/i18n/locales';
import { OUTCOMES, type InsightEvent } from '../../src/insights/insightEvent';
import { parseInsightsQuery, periodTimes } from '../../src/insights/insightsQuery';
import { insightsReport } from '../../src/insights/insightsReport';
import type { InsightsStore } from '../../src/insights/store/insightsStore';
import { openStorage } from '../../src/storage/openStorage';

const NOW = Date.now();
const DAY_MS = 24 * 60 * 60 * 1000;

function events(count: number): InsightEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    at: new Date(NOW - ((i * 7919) % ((30 * DAY_MS) / 1000)) * 1000).toISOString(),
    lang: LANGS[i % 4]!,
    channel: ['msteams', 'webchat', 'directline'][i % 3]!,
    conversation: `c${Math.floor(i / 4)}`,
    outcome: OUTCOMES[(i * 13) % OUTCOMES.length]!,
    intent: 'entitlement',
  }));
}

async function time(work: () => Promise<unknown>): Promise<number> {
  await work();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await work();
    runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[1]!;
}

async function measure(name: string, store: InsightsStore, count: number): Promise<void> {
  const query = parseInsightsQuery(new URLSearchParams(), NOW);
  const { start, end } = periodTimes(query);
  const read = await time(() => store.eventsBetween(start, end));
  const all = await store.eventsBetween(start, end);
  const counted = await time(async () => insightsReport(query, all, []));
  console.log(`| ${name} | ${count.toLocaleString('en')} | ${read.toFixed(0)} ms | ${counted.toFixed(0)} ms |`);
}

async function main(): Promise<void> {
  console.log('| store | events | read the period | count |\n|---|---:|---:|---:|');
  const folder = mkdtempSync(join(tmpdir(), 'bench-insights-'));
  const pgUrl = process.env.TEST_POSTGRES_URL;
  const schema = `bench_insights_${process.pid}`;
  try {
    for (const count of [10_000, 100_000]) {
      const sqlite = await openStorage(`sqlite:${join(folder, `${count}.db`)}`);
      for (const event of events(count)) await sqlite.insights.record(event);
      await measure('SQLite', sqlite.insights, count);
      await sqlite.close();
      if (!pgUrl) continue;
      const admin = new Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
      const url = `${pgUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const pg = await openStorage(url);
      const rows = events(count);
      for (let i = 0; i < rows.length; i += 1000)
        await Promise.all(rows.slice(i, i + 1000).map((event) => pg.insights.record(event)));
      await measure('PostgreSQL', pg.insights, count);
      await pg.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
