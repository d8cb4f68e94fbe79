/**
 * The real app (booted by test/support/testApp.ts) for robustness, fault, limit, leak and metrics tests: anonymous development mode, SQLite in a
 * temporary file (so a test can read every table afterwards), a logger at `trace` that keeps every line it
 * writes, and a fake connector on loopback that receives the bot's replies.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, AppOverrides } from '../../../src/app';
import { createLogger } from '../../../src/log/logger';
import { FakeConnector } from '../../support/fakeConnector';
import { startApp } from '../../support/testApp';

export const HARNESS_DIRECTLINE_SECRET = 'robustness-directline-secret-0123456789abcdefghij';
export const HARNESS_TICKETS_API_KEY = 'robustness-tickets-api-key-0123456789';

/** Every line the app's logger wrote, as written (one JSON document per line, newline included). */
export class LogCapture {
  readonly lines: string[] = [];

  /** A pino destination. */
  readonly destination = { write: (line: string) => void this.lines.push(line) };

  /** The parsed entries; a line that is not one JSON document fails the test that reads it. */
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The entries at `error` (50) or above. */
  errors(): Record<string, unknown>[] {
    return this.entries().filter((entry) => Number(entry.level) >= 50);
  }
}

export interface Harness {
  url: string;
  app: App;
  connector: FakeConnector;
  logs: LogCapture;
  /** The SQLite file the app keeps everything in (undefined with `storage: 'memory'` or a storage override). */
  dbFile: string | undefined;
  /** Every row of every table of the SQLite file, read through a separate read-only connection. */
  readTables(): Record<string, Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Environment on top of the harness's (STORAGE_URL, RATE_LIMIT=off, DIRECTLINE_SECRET, TICKETS_API_KEY). */
  env?: NodeJS.ProcessEnv;
  storage?: 'sqlite' | 'memory';
  overrides?: AppOverrides;
  /** Listen on this loopback address (default 127.0.0.1). */
  host?: string;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'mpn-robustness-'));
  const dbFile = options.storage === 'memory' || options.overrides?.storage ? undefined : join(dir, 'bot.db');
  const logs = new LogCapture();
  const connector = await new FakeConnector().start();
  const running = await startApp({
    env: {
      STORAGE_URL: dbFile ? `sqlite:${dbFile}` : 'memory:',
      RATE_LIMIT: 'off',
      DIRECTLINE_SECRET: HARNESS_DIRECTLINE_SECRET,
      TICKETS_API_KEY: HARNESS_TICKETS_API_KEY,
      ...options.env,
    },
    storageFromUrl: true,
    ...(options.overrides ? { overrides: options.overrides } : {}),
    logger: createLogger('trace', logs.destination),
    ...(options.host ? { host: options.host } : {}),
  });
  return {
    url: running.url,
    app: running,
    connector,
    logs,
    dbFile,
    readTables() {
      if (!dbFile) throw new Error('this harness keeps no SQLite file');
      const db = new Database(dbFile, { readonly: true });
      try {
        const names = db
          .prepare<[], { name: string }>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
          .all();
        return Object.fromEntries(
          names.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]]),
        );
      } finally {
        db.close();
      }
    },
    async close() {
      await running.close();
      await connector.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A plain HTTP exchange: status, headers and body text, whatever the content type. */
export interface Exchange {
  status: number;
  headers: Headers;
  text: string;
}

export async function request(url: string, path: string, init: RequestInit = {}): Promise<Exchange> {
  const response = await fetch(`${url}${path}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export async function postJson(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Exchange> {
  return request(url, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
