/** Cold start: `node dist/src/index.js` (memory storage, a free port) spawned until GET /readyz answers 200. */
import { startServer } from './botProcess';

export interface ColdStart {
  runsMs: number[];
  medianMs: number;
}

/** @example (await coldStart(5)).medianMs */
export async function coldStart(starts: number): Promise<ColdStart> {
  const runsMs: number[] = [];
  for (let i = 0; i < starts; i++) {
    const bot = await startServer('bot', { storageUrl: 'memory:' });
    runsMs.push(bot.readyMs);
    await bot.stop();
  }
  return { runsMs, medianMs: median(runsMs) };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
