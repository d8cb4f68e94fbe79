/**
 * PostgreSQL at start and while running: versioned, idempotent migrations that instances starting together do
 * not race over; a database that cannot be reached stops the bot with a message for the operator (no stack,
 * no password); STORAGE_URL=postgres:// or postgresql:// selects it; readiness follows the database down and
 * back up without a restart. Needs TEST_POSTGRES_URL, except for the unreachable-database tests.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/openStorage';
import { openPostgres } from '../../src/storage/postgresDatabase';
import { POSTGRES_MIGRATIONS } from '../../src/storage/postgresMigrations';
import { PostgresStorage } from '../../src/storage/postgresStorage';
import { StorageUnavailableError } from '../../src/storage/storageUnavailableError';
import {
  createTestSchema,
  testPostgresUrl,
  TEST_POSTGRES_URL_VARIABLE,
  useTestSchema,
  withSearchPath,
  type TestSchema,
} from '../support/postgres';
import { closedPort, TcpProxy } from './tcpProxy';

const ROOT = join(__dirname, '..', '..');
/** Versions for this file's own test migrations: after the product's last one. */
const VERSIONS = POSTGRES_MIGRATIONS.map((migration) => migration.version);
const NEXT = Math.max(...VERSIONS) + 1;

describe('a PostgreSQL that cannot be reached at start', () => {
  it('fails with a StorageUnavailableError that names the server and what to do, never the password', async () => {
    const port = await closedPort();
    const error = await openPostgres(`postgres://bot:s3cret-pass@127.0.0.1:${port}/botstate`).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StorageUnavailableError);
    const { message } = error as Error;
    expect(message).toContain(`127.0.0.1:${port}/botstate`);
    expect(message).toContain('STORAGE_URL');
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).not.toContain('s3cret-pass');
    expect((error as Error).cause).toBeDefined();
  });

  it('stops the bot process with that message and no stack trace', async () => {
    const port = await closedPort();
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(ROOT, 'src', 'index.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        STORAGE_URL: `postgresql://bot:s3cret-pass@127.0.0.1:${port}/botstate`,
        NODE_ENV: 'development',
        MicrosoftAppId: '',
        PORT: '0',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`PostgreSQL at 127.0.0.1:${port}/botstate`);
    expect(result.stderr).not.toContain('s3cret-pass');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the PostgreSQL tests themselves', () => {
  it(`fail, saying how to set it, when ${TEST_POSTGRES_URL_VARIABLE} is not set`, () => {
    const saved = process.env[TEST_POSTGRES_URL_VARIABLE];
    delete process.env[TEST_POSTGRES_URL_VARIABLE];
    try {
      expect(() => testPostgresUrl()).toThrow(`${TEST_POSTGRES_URL_VARIABLE}=postgres://`);
    } finally {
      if (saved !== undefined) process.env[TEST_POSTGRES_URL_VARIABLE] = saved;
    }
  });
});

describe('PostgreSQL at start and while running', () => {
  const main = useTestSchema('start');
  const made: TestSchema[] = [];
  const schema = async (label: string): Promise<TestSchema> => {
    const created = await createTestSchema(label);
    made.push(created);
    return created;
  };
  afterAll(async () => {
    for (const created of made) await created.drop();
  });

  it('applies each migration once, in order, and nothing when opened again', async () => {
    const first = await openPostgres(main().url);
    const applied = (
      await first.pool.query<{ version: number; applied_at: Date }>(
        'SELECT version, applied_at FROM schema_migrations ORDER BY version',
      )
    ).rows;
    await first.close();
    expect(applied.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));

    const again = await openPostgres(main().url);
    const reapplied = (
      await again.pool.query<{ version: number; applied_at: Date }>(
        'SELECT version, applied_at FROM schema_migrations ORDER BY version',
      )
    ).rows;
    await again.close();
    expect(reapplied).toEqual(applied);
  });

  it('lets instances that start together on an empty schema migrate it once, without racing', async () => {
    const fresh = await schema('race');
    const migrations = [
      ...POSTGRES_MIGRATIONS,
      { version: NEXT, sql: 'SELECT pg_sleep(0.2); CREATE TABLE slow (id integer PRIMARY KEY)' },
      { version: NEXT + 1, sql: 'CREATE TABLE later (id integer PRIMARY KEY)' },
    ];
    const instances = await Promise.all(Array.from({ length: 6 }, () => openPostgres(fresh.url, { migrations })));
    try {
      const { rows } = await (instances[0] as (typeof instances)[number]).pool.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((row) => row.version)).toEqual([...VERSIONS, NEXT, NEXT + 1]);
    } finally {
      for (const instance of instances) await instance.close();
    }
  });

  it('rolls a failed migration back, names its version, and applies it once it is fixed', async () => {
    const fresh = await schema('failing');
    const broken = [
      ...POSTGRES_MIGRATIONS,
      { version: NEXT, sql: 'CREATE TABLE half (id integer); CREATE TABLE oops (' },
    ];
    await expect(openPostgres(fresh.url, { migrations: broken })).rejects.toThrow(`migration ${NEXT} failed`);
    const fixed = [...POSTGRES_MIGRATIONS, { version: NEXT, sql: 'CREATE TABLE half (id integer)' }];
    const db = await openPostgres(fresh.url, { migrations: fixed });
    try {
      expect(
        (await db.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
          (row) => row.version,
        ),
      ).toEqual([...VERSIONS, NEXT]);
    } finally {
      await db.close();
    }
  });

  it('says so when no schema of the search_path exists', async () => {
    const url = withSearchPath(testPostgresUrl(), 'mpn_test_no_such_schema');
    await expect(openPostgres(url)).rejects.toThrow(StorageUnavailableError);
    await expect(openPostgres(url)).rejects.toThrow(/no schema of the search_path exists/);
  });

  it('is selected by STORAGE_URL=postgres://… and postgresql://…', async () => {
    for (const url of [main().url, main().url.replace(/^postgres:/, 'postgresql:')]) {
      expect(url).toMatch(/^postgres(ql)?:\/\//);
      const storage = await openStorage(url);
      try {
        expect(storage.backend).toBe('postgres');
        expect(storage.state).toBeInstanceOf(PostgresStorage);
        await storage.state.write({ selected: { by: url.split(':')[0] } });
        expect((await storage.state.read(['selected'])).selected.by).toBe(url.split(':')[0]);
      } finally {
        await storage.close();
      }
    }
  });

  it('is not ready while the database is down and ready again once it is back, without a restart', async () => {
    const target = new URL(testPostgresUrl());
    const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const port = await proxy.start();
    const viaProxy = new URL(main().url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(port);
    const db = await openPostgres(viaProxy.toString(), { connectTimeoutMs: 1000 });
    const storage = new PostgresStorage(db);
    try {
      await storage.write({ outage: { count: 1 } });
      expect(await storage.isReady()).toBe(true);

      // The database goes away while a turn holds its conversation's lock: the turn ends, the process stays up.
      const turn = storage.sharedLock.withLock('msteams/a:during-the-outage', async () => {
        await proxy.stop();
        await new Promise((resolve) => setTimeout(resolve, 100));
        return 'turn ended';
      });
      await expect(turn).resolves.toBe('turn ended');
      await expect.poll(() => storage.isReady(), { timeout: 5000 }).toBe(false);
      await expect(storage.read(['outage'])).rejects.toThrow();

      await proxy.start(port);
      await expect.poll(() => storage.isReady(), { timeout: 5000 }).toBe(true);
      const { outage } = await storage.read(['outage']);
      await storage.write({ outage: { ...outage, count: 2 } });
      expect((await storage.read(['outage'])).outage.count).toBe(2);
      await expect(storage.sharedLock.withLock('msteams/a:after-the-outage', async () => 'locked')).resolves.toBe(
        'locked',
      );
    } finally {
      await db.close();
      await proxy.stop();
    }
  });
});
