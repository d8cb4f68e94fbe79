/**
 * PostgreSQL for tests: each test file gets a schema of its own in the database TEST_POSTGRES_URL names (by
 * default the development database postgres://postgres@127.0.0.1:5432/test, see vitest.config.mts), and drops
 * it when done. Without a reachable database the PostgreSQL tests fail (never skip) saying so.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll } from 'vitest';

export const TEST_POSTGRES_URL_VARIABLE = 'TEST_POSTGRES_URL';

/** Schemas of runs that died before their cleanup are dropped after this long. */
const STALE_AFTER_MS = 60 * 60 * 1000;
const PREFIX = 'mpn_test_';

export interface TestSchema {
  /** A URL whose search_path is this schema: anything opened with it keeps its tables there. */
  url: string;
  schema: string;
  drop(): Promise<void>;
}

/** The database the PostgreSQL tests use, or an error saying how to name it. */
export function testPostgresUrl(): string {
  const url = process.env[TEST_POSTGRES_URL_VARIABLE]?.trim();
  if (!url) {
    throw new Error(
      `The PostgreSQL tests need a database: set ${TEST_POSTGRES_URL_VARIABLE}, e.g. ` +
        `${TEST_POSTGRES_URL_VARIABLE}=postgres://postgres@127.0.0.1:5432/test npx vitest run (.ci/run sets it). ` +
        'Each test file works in a schema of its own and drops it.',
    );
  }
  return url;
}

/** @example const db = await createTestSchema('conformance'); … await db.drop() */
export async function createTestSchema(label: string): Promise<TestSchema> {
  const base = testPostgresUrl();
  const schema = `${PREFIX}${Date.now()}_${label.replace(/\W/g, '_').toLowerCase()}_${randomBytes(3).toString('hex')}`;
  await withClient(base, async (client) => {
    await dropStaleSchemas(client);
    await client.query(`CREATE SCHEMA ${schema}`);
  });
  return {
    url: withSearchPath(base, schema),
    schema,
    drop: () =>
      withClient(base, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).then(() => undefined)),
  };
}

/**
 * A schema for the tests of this file (or describe block), created before them and dropped after. Each test
 * that asks for it fails with the reason it could not be made (e.g. how to set TEST_POSTGRES_URL): a failing
 * beforeAll would only mark the tests skipped.
 * @example const schema = useTestSchema('storage'); it('…', async () => openPostgres(schema().url))
 */
export function useTestSchema(label: string): () => TestSchema {
  let created: TestSchema | undefined;
  let failure: unknown = new Error('the test schema is made in beforeAll: ask for it inside a test or a hook');
  beforeAll(async () => {
    try {
      created = await createTestSchema(label);
    } catch (error) {
      failure = error;
    }
  });
  afterAll(async () => created?.drop());
  return () => {
    if (created) return created;
    throw failure;
  };
}

/** Runs one statement on a connection of its own (e.g. emptying a table the stores under test keep). */
export async function runSql(url: string, sql: string): Promise<void> {
  await withClient(url, (client) => client.query(sql));
}

/** The URL with `options=-c search_path=<schema>`, as libpq and node-postgres read it. */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete('options');
  const rest = parsed.searchParams.toString();
  parsed.search = `?options=${encodeURIComponent(`-c search_path=${schema}`)}${rest ? `&${rest}` : ''}`;
  return parsed.toString();
}

async function dropStaleSchemas(client: Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    'SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE $1',
    [`${PREFIX}%`],
  );
  for (const { name } of rows) {
    const createdAt = Number(name.slice(PREFIX.length).split('_')[0]);
    if (Date.now() - createdAt > STALE_AFTER_MS) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
