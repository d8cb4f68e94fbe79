/**
 * PostgresReviewStore against the conformance suite, in a schema of its own of the database TEST_POSTGRES_URL
 * names, with a second database handle (pools of its own) standing for a second instance.
 */
import { createReviewStore } from '../../src/review/createReviewStore';
import { openPostgres } from '../../src/storage/postgresDatabase';
import { useTestSchema } from '../support/postgres';
import { describeReviewStoreConformance } from './reviewStoreConformance';

const schema = useTestSchema('review');

describeReviewStoreConformance({
  name: 'PostgreSQL',
  open: async () => {
    const store = await createReviewStore(schema().url);
    const db = await openPostgres(schema().url);
    await db.pool.query('TRUNCATE review_items');
    await db.close();
    return store;
  },
  openAnother: () => createReviewStore(schema().url),
});
