/** MemoryReviewStore (STORAGE_URL=memory:) against the review store conformance suite. */
import { MemoryReviewStore } from '../../src/review/memoryReviewStore';
import { describeReviewStoreConformance } from './reviewStoreConformance';

describeReviewStoreConformance({
  name: 'memory',
  open: async () => ({ reviews: new MemoryReviewStore(), close: async () => undefined }),
});
