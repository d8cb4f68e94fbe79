/**
 * The rate limits of the product, built once from the configuration: every public route per client address
 * (RATE_LIMIT_IP_*), /api/messages per user (RATE_LIMIT_USER_*), Direct Line activities per token
 * (DIRECTLINE_RATE_*). RATE_LIMIT=off turns all three off (for benchmarks).
 */
import type { Clock } from '../clock';
import type { Config } from '../config/config';
import { RateLimiter } from './rateLimiter';
import type { RateLimitStore } from './rateLimitStore';

export interface RateLimits {
  perAddress?: RateLimiter;
  perUser?: RateLimiter;
  directLine?: RateLimiter;
}

/** @example const limits = rateLimits(config, storage.rateLimits, systemClock, (error) => metrics.storageErrors.inc({ operation: 'rate_limit' })) */
export function rateLimits(
  config: Pick<Config, 'rateLimit' | 'directLineRateLimit'>,
  store: RateLimitStore,
  clock: Clock,
  onStoreError?: (error: unknown) => void,
): RateLimits {
  if (!config.rateLimit.enabled) return {};
  const limiter = (name: string, setting: Config['directLineRateLimit']) =>
    new RateLimiter({ name, setting, store, clock, ...(onStoreError ? { onStoreError } : {}) });
  return {
    perAddress: limiter('address', config.rateLimit.perIp),
    perUser: limiter('user', config.rateLimit.perUser),
    directLine: limiter('directline', config.directLineRateLimit),
  };
}
