/**
 * The PostgreSQL schema, as numbered migrations applied once each, in order, at start (versions as in
 * sqliteMigrations.ts: the same feature gets the same number in both). State values are jsonb; activities and
 * tickets are kept as the JSON text their store wrote (jsonb refuses "\u0000", which a user may type), with
 * the fields the stores query in columns of their own.
 */
import type { Migration } from './sqliteMigrations';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `CREATE TABLE state (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      etag text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  },
  {
    // Direct Line conversations and their activities (src/directline/store): next_seq is the watermark, taken
    // under the conversation's row lock by each append; active_at is the time of the last activity (retention).
    version: 2,
    sql: `CREATE TABLE directline_conversations (
      id text PRIMARY KEY,
      user_id text,
      created_at timestamptz NOT NULL,
      active_at timestamptz NOT NULL,
      next_seq integer NOT NULL DEFAULT 0
    );
    CREATE INDEX directline_conversations_active ON directline_conversations (active_at);
    CREATE TABLE directline_activities (
      conversation_id text NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
      seq integer NOT NULL,
      activity text NOT NULL,
      PRIMARY KEY (conversation_id, seq)
    )`,
  },
  {
    // Tickets of the support hand-off: numbers from a sequence, one ticket per source activity (the unique
    // constraint that concurrent creates from one activity meet), a version for optimistic updates.
    version: 10,
    sql: `CREATE SEQUENCE ticket_numbers;
    CREATE TABLE tickets (
      seq bigint PRIMARY KEY,
      number text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      source_activity_id text NOT NULL UNIQUE,
      requester_key text,
      status text NOT NULL,
      lang text NOT NULL,
      intent text,
      data text NOT NULL,
      version integer NOT NULL
    );
    CREATE INDEX tickets_requester ON tickets (requester_key);
    CREATE INDEX tickets_created ON tickets (created_at)`,
  },
  {
    // Review items (src/review): questions the bot missed, for the support team to label (versions 20–29).
    // The fields list filters use have columns of their own; updates name the version they read.
    version: 20,
    sql: `CREATE TABLE review_items (
      id text PRIMARY KEY,
      created_at timestamptz NOT NULL,
      requester_key text NOT NULL,
      lang text NOT NULL,
      reason text NOT NULL,
      status text NOT NULL,
      data text NOT NULL,
      version integer NOT NULL
    );
    CREATE INDEX review_items_requester ON review_items (requester_key);
    CREATE INDEX review_items_created ON review_items (created_at)`,
  },
  {
    // The insights' events (src/insights, versions 30-39): one row per counted turn, no user id, no text; the
    // salt of the conversation keys, made once by the first writer (ON CONFLICT: instances may race to make it).
    version: 30,
    sql: `CREATE TABLE insights_events (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      lang text NOT NULL,
      channel text NOT NULL,
      conversation_key text NOT NULL,
      outcome text NOT NULL,
      intent text
    );
    CREATE INDEX insights_events_at ON insights_events (at);
    CREATE TABLE insights_salt (
      id integer PRIMARY KEY CHECK (id = 1),
      salt text NOT NULL
    )`,
  },
  {
    // Token buckets of the rate limits (src/rateLimit), shared by every instance. UNLOGGED: a crash of the
    // database only refills them. Keys are hashes; full_at_ms is when a bucket is full again (then deleted).
    version: 40,
    sql: `CREATE UNLOGGED TABLE rate_limits (
      key text PRIMARY KEY,
      tokens double precision NOT NULL,
      at_ms bigint NOT NULL,
      full_at_ms double precision NOT NULL,
      allowed boolean NOT NULL
    );
    CREATE INDEX rate_limits_full_at ON rate_limits (full_at_ms)`,
  },
];
