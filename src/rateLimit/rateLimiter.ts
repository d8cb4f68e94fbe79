/**
 * The product's one rate limiter: a token bucket per key (a client address, a user, a Direct Line
 * conversation and its user) with a steady rate and a burst, kept in the storage's RateLimitStore (shared by
 * every instance with PostgreSQL). A refused take says when to come back (Retry-After). When the store cannot
 * be reached the request is let through and the failure counted: an outage of the database must not turn
 * into 429s for everyone (the request then meets the outage where it needs storage).
 */
import type { Clock } from '../clock';
import type { RateLimitSetting } from '../config/config';
import type { RateDecision, RateLimitStore } from './rateLimitStore';

export interface RateLimiterOptions {
  /** Names the limiter's buckets in the shared store (two limiters never share a bucket). */
  name: string;
  setting: RateLimitSetting;
  store: RateLimitStore;
  clock: Clock;
  /** Told when the store fails (the take is allowed). */
  onStoreError?: (error: unknown) => void;
}

export class RateLimiter {
  constructor(private readonly options: RateLimiterOptions) {}

  /** @example const decision = await limiter.take(clientAddress); if (!decision.allowed) tooManyRequests(res, decision.retryAfterSeconds) */
  async take(key: string): Promise<RateDecision> {
    const { name, setting, store, clock, onStoreError } = this.options;
    try {
      return await store.take(`${name}\u0000${key}`, setting, clock.now());
    } catch (error) {
      onStoreError?.(error);
      return { allowed: true };
    }
  }
}
