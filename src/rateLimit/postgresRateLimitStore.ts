/**
 * Token buckets in PostgreSQL (table rate_limits, migration 40), shared by every instance using the database:
 * N instances allow the configured rate, not N times it. A take is one statement: the upsert locks the bucket's
 * row, so concurrent takes from several instances queue and never spend the same token. Bucket keys are
 * stored hashed (they hold client addresses and user ids). The table is UNLOGGED: buckets are not worth a
 * write-ahead log, and a crash of the database only refills them. Full buckets are deleted at most once a minute.
 */
import { createHash } from 'node:crypto';
import type { RateLimitSetting } from '../config/config';
import type { PostgresDatabase } from '../storage/postgresDatabase';
import { retryAfterSeconds, type RateDecision, type RateLimitStore } from './rateLimitStore';

/** The bucket's tokens now, before this take: $2 burst, $3 per second, $4 now (ms); a clock behind the stored time refills nothing. */
const REFILLED = 'LEAST($2::float8, b.tokens + GREATEST(0, $4::bigint - b.at_ms) / 1000.0 * $3::float8)';
const LEFT = `CASE WHEN ${REFILLED} >= 1 THEN ${REFILLED} - 1 ELSE ${REFILLED} END`;

/** $1 key. A new bucket starts full, less this take (burst >= 1). */
const TAKE = `INSERT INTO rate_limits AS b (key, tokens, at_ms, full_at_ms, allowed)
  VALUES ($1, $2::float8 - 1, $4::bigint, $4::bigint + 1000 / $3::float8, true)
  ON CONFLICT (key) DO UPDATE SET
    allowed = ${REFILLED} >= 1,
    tokens = ${LEFT},
    at_ms = GREATEST(b.at_ms, $4::bigint),
    full_at_ms = GREATEST(b.at_ms, $4::bigint) + ($2::float8 - ${LEFT}) / $3::float8 * 1000
  RETURNING b.allowed, b.tokens`;

const SWEEP_EVERY_MS = 60_000;

export class PostgresRateLimitStore implements RateLimitStore {
  private lastSweep = Number.NEGATIVE_INFINITY;

  /** @param db the bot's database (its pool is shared with the other stores; openStorage() closes it) */
  constructor(private readonly db: Pick<PostgresDatabase, 'pool'>) {}

  async take(key: string, setting: RateLimitSetting, now: number): Promise<RateDecision> {
    const { rows } = await this.db.pool.query<{ allowed: boolean; tokens: number }>(TAKE, [
      hashed(key),
      setting.burst,
      setting.perSecond,
      Math.round(now),
    ]);
    if (now - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = now;
      await this.db.pool.query('DELETE FROM rate_limits WHERE full_at_ms <= $1', [Math.round(now)]);
    }
    const row = rows[0];
    if (!row || row.allowed) return { allowed: true };
    // A refused take leaves the bucket as it found it (refilled to now): its tokens are those it had.
    return { allowed: false, retryAfterSeconds: retryAfterSeconds(row.tokens, setting) };
  }
}

function hashed(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}
