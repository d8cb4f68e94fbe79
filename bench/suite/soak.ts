/**
 * The soak: 50 connections on /api/messages for minutes, every request a new conversation, the bot on SQLite in
 * a temporary file (the product's default storage: state lives on disk, so whatever the process's memory does
 * is the process's own and not the stored conversations). RSS sampled every few seconds from /metrics; the
 * growth is the Theil–Sen slope over the second half (robust to the garbage collector's sawtooth).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RssReading } from './botProcess';
import type { FakeConnector } from './fakeConnector';
import { runLoad, type LoadResult } from './messageLoad';

export interface SoakOptions {
  seconds: number;
  connections: number;
  sampleSeconds: number;
}

export interface Soak {
  seconds: number;
  connections: number;
  storage: string;
  load: LoadResult;
  /** Errors of any kind: non-2xx answers, socket errors, timeouts. */
  errorCount: number;
  /** [seconds since the load started, RSS MB]. */
  samples: [number, number][];
  source: RssReading['source'];
  firstMb: number;
  lastMb: number;
  maxMb: number;
  growthMbPerMinSecondHalf: number;
}

/** Theil–Sen estimator: the median of the slopes between every pair of points. */
export function theilSenSlope(points: readonly (readonly [number, number])[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const [xi, yi] = points[i] ?? [0, 0];
      const [xj, yj] = points[j] ?? [0, 0];
      if (xj !== xi) slopes.push((yj - yi) / (xj - xi));
    }
  }
  slopes.sort((a, b) => a - b);
  const mid = Math.floor(slopes.length / 2);
  if (!slopes.length) return 0;
  return slopes.length % 2 ? (slopes[mid] ?? 0) : ((slopes[mid - 1] ?? 0) + (slopes[mid] ?? 0)) / 2;
}

export async function soak(options: SoakOptions, connector: FakeConnector): Promise<Soak> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-soak-'));
  const storage = `sqlite:${join(folder, 'bot.db')}`;
  const bot = await startServer('bot', { storageUrl: storage });
  try {
    const samples: [number, number][] = [];
    let source: RssReading['source'] = 'metrics';
    const t0 = performance.now();
    const sample = async () => {
      // Timed when asked: under load the answer may take a while.
      const at = Math.round((performance.now() - t0) / 100) / 10;
      const reading = await bot.rss();
      source = reading.source;
      samples.push([at, Math.round(reading.mb * 10) / 10]);
    };
    await sample();
    const timer = setInterval(() => void sample().catch(() => undefined), options.sampleSeconds * 1000);
    let load: LoadResult;
    try {
      load = await runLoad({
        url: bot.url,
        connector,
        connections: options.connections,
        seconds: options.seconds,
        tag: 'soak',
      });
    } finally {
      clearInterval(timer);
    }
    await sample();
    samples.sort((a, b) => a[0] - b[0]);
    const secondHalf = samples.filter(([t]) => t >= options.seconds / 2);
    const mbs = samples.map(([, mb]) => mb);
    return {
      seconds: options.seconds,
      connections: options.connections,
      storage: 'sqlite (temporary file)',
      load,
      errorCount: load.non2xx + load.errors + load.timeouts,
      samples,
      source,
      firstMb: mbs[0] ?? 0,
      lastMb: mbs[mbs.length - 1] ?? 0,
      maxMb: Math.max(...mbs),
      growthMbPerMinSecondHalf: theilSenSlope(secondHalf) * 60,
    };
  } finally {
    await bot.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
