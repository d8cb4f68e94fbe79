/**
 * A token bucket per key (a conversation and its user: a token and its refreshes share one): `burst` activities
 * at once, refilled at `perSecond`. Counted per instance; buckets that have refilled are forgotten.
 */
import type { Clock } from './clock';

export interface RateLimit {
  perSecond: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const FORGET_ABOVE = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  /**
   * Takes one from the key's bucket.
   * @returns 0 when allowed, otherwise the seconds to wait before the next one is (for Retry-After).
   */
  take(key: string): number {
    const now = this.clock();
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      this.buckets.set(key, { tokens: bucket.tokens - 1, at: now });
      return 0;
    }
    this.buckets.set(key, bucket);
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.perSecond));
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (this.buckets.size > FORGET_ABOVE) this.forgetFull(now);
    if (!bucket) return { tokens: this.limit.burst, at: now };
    const tokens = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond);
    return { tokens, at: now };
  }

  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
