/**
 * Where the token buckets of the rate limits live: in this process's memory (memory: and SQLite, which one
 * process uses), or in PostgreSQL, where every instance sharing the database takes from the same buckets.
 */
import type { RateLimitSetting } from '../config/config';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimitStore {
  /**
   * Takes one token from the bucket (a full one, `burst` tokens, when it has none yet), refilled at `perSecond`
   * since its last use.
   * @param now milliseconds since the epoch, by the limiter's clock
   */
  take(bucket: string, setting: RateLimitSetting, now: number): Promise<RateDecision>;
}

/** The seconds until a bucket holding `tokens` has one again (Retry-After: whole seconds, at least 1). */
export function retryAfterSeconds(tokens: number, setting: RateLimitSetting): number {
  return Math.max(1, Math.ceil((1 - tokens) / setting.perSecond));
}
