/**
 * PostgresStorage (STORAGE_URL=postgres://…) against the conformance suite and the parallel-turns test, also
 * with two storages on one database standing for two processes. Runs in a schema of its own in the database
 * TEST_POSTGRES_URL names; without it these tests fail, saying how to set it.
 */
import { openStorage } from '../../src/storage/openStorage';
import { runSql, useTestSchema } from '../support/postgres';
import { describeParallelTurns, describeParallelTurnsAcrossInstances } from './parallelTurns';
import { describeStorageConformance } from './storageConformance';

const schema = useTestSchema('storage');
const url = (): string => schema().url;

const backend = {
  name: 'PostgreSQL',
  open: async () => {
    const opened = await openStorage(url());
    await runSql(url(), 'TRUNCATE state');
    return opened;
  },
  /** Its own pools on the same schema: another process. */
  openAnother: () => openStorage(url()),
};

describeStorageConformance(backend);
describeParallelTurns(backend);
describeParallelTurnsAcrossInstances(backend);
