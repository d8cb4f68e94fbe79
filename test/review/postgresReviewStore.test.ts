/**
 * PostgresReviewStore (opened with the other stores by openStorage) against the conformance suite, in a schema
 * of its own of the database TEST_POSTGRES_URL names, with a second database handle (pools of its own)
 * standing for a second instance.
 */
import { openStorage } from '../../src/storage/openStorage';
import { runSql, useTestSchema } from '../support/postgres';
import { describeReviewStoreConformance } from './reviewStoreConformance';

const schema = useTestSchema('review');

describeReviewStoreConformance({
  name: 'PostgreSQL',
  open: async () => {
    const storage = await openStorage(schema().url);
    await runSql(schema().url, 'TRUNCATE review_items');
    return storage;
  },
  openAnother: () => openStorage(schema().url),
});
