/**
 * The three insights stores against the conformance suite: memory; SQLite on temporary files (a second
 * connection to the file stands for a second process); PostgreSQL in a schema of its own (a second database
 * handle with pools of its own stands for a second instance; without TEST_POSTGRES_URL these tests fail, saying
 * how to set it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStorage } from '../../src/storage/openStorage';
import { runSql, useTestSchema } from '../support/postgres';
import { describeInsightsStoreConformance } from './insightsStoreConformance';

describeInsightsStoreConformance({ name: 'memory', open: () => openStorage('memory:') });

const folder = mkdtempSync(join(tmpdir(), 'mpn-sqlite-insights-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let file = '';
let files = 0;
describeInsightsStoreConformance({
  name: 'SQLite',
  open: () => openStorage(`sqlite:${(file = join(folder, `insights-${++files}.db`))}`),
  openAnother: () => openStorage(`sqlite:${file}`),
});

const schema = useTestSchema('insights');
describeInsightsStoreConformance({
  name: 'PostgreSQL',
  open: async () => {
    const opened = await openStorage(schema().url);
    await runSql(schema().url, 'TRUNCATE insights_events, insights_salt');
    return opened;
  },
  openAnother: () => openStorage(schema().url),
});
