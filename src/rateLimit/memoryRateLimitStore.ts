/**
 * Token buckets in this process's memory: for memory: and SQLite, which one process uses. Buckets that have
 * refilled completely carry no information and are forgotten (at most once a minute), so memory stays bounded.
 */
import type { RateLimitSetting } from '../config/config';
import { retryAfterSeconds, type RateDecision, type RateLimitStore } from './rateLimitStore';

interface Bucket {
  tokens: number;
  at: number;
  /** When the bucket is full again if nothing takes from it. */
  fullAt: number;
}

const SWEEP_EVERY_MS = 60_000;

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  async take(key: string, setting: RateLimitSetting, now: number): Promise<RateDecision> {
    this.sweep(now);
    const { perSecond, burst } = setting;
    const bucket = this.buckets.get(key);
    const at = Math.max(bucket?.at ?? now, now);
    const tokens = bucket ? Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * perSecond) : burst;
    const allowed = tokens >= 1;
    const left = allowed ? tokens - 1 : tokens;
    this.buckets.set(key, { tokens: left, at, fullAt: at + ((burst - left) / perSecond) * 1000 });
    return allowed ? { allowed } : { allowed, retryAfterSeconds: retryAfterSeconds(tokens, setting) };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (bucket.fullAt <= now) this.buckets.delete(key);
  }
}
