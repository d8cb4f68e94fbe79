/**
 * Token buckets per key (a client address, a user): a steady rate with a burst. A refused request learns
 * when to come back (Retry-After, whole seconds). Idle buckets are forgotten, so memory stays bounded.
 */
import type { RateLimitSetting } from '../config/config';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const SWEEP_EVERY_MS = 60_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(
    private readonly setting: RateLimitSetting,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  take(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const { perSecond, burst } = this.setting;
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
  }

  /** Buckets that have refilled completely carry no information: drop them. */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    const full = (this.setting.burst / this.setting.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.updatedAt > full) this.buckets.delete(key);
  }
}
