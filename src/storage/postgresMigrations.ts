/**
 * The PostgreSQL schema, as numbered migrations applied once each, in order, at start (versions as in
 * sqliteMigrations.ts: the same feature gets the same number in both). Values are jsonb.
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
];
