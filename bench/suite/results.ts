/** What one run of the suite measured, part by part (a part that crashed is missing and named in `crashed`). */
import type { ContenderResult } from '../nlu/benchNlu';
import type { ColdStart } from './coldStart';
import type { HttpComparison } from './httpComparison';
import type { MemoryAfterConversations } from './memoryAfterConversations';
import type { Soak } from './soak';

/** The NLU comparison, keyed as in report.json (benchNlu() answers ours, NLP.js, natural Bayes in this order). */
export interface NluResults {
  ours: ContenderResult;
  nlpjs: ContenderResult;
  natural_bayes: ContenderResult;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  /** The node options both servers ran with: those of `npm start`. */
  nodeOptions: string[];
  loadAverageStart: number;
  loadAverageEnd: number;
}

export interface DirectLineLatency {
  conversations: number;
  messages: number;
  failures: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  samplesMs: number[];
}

export interface BenchResults {
  date: string;
  quick: boolean;
  durationSeconds: number;
  machine: Machine;
  /** benchNlu()'s contenders under the report's keys. */
  nlu?: NluResults;
  http?: HttpComparison;
  directLine?: DirectLineLatency;
  coldStart?: ColdStart;
  rss?: MemoryAfterConversations;
  soak?: Soak;
  /** Part → what went wrong. */
  crashed: Record<string, string>;
}
