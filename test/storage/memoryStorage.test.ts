/** InMemoryStorage (STORAGE_URL=memory:) against the storage conformance suite and the parallel-turns test. */
import { InMemoryStorage } from '../../src/storage/memoryStorage';
import { describeParallelTurns } from './parallelTurns';
import { describeStorageConformance } from './storageConformance';

let memory: Record<string, string> = {};

const backend = {
  name: 'memory',
  open: async () => new InMemoryStorage((memory = {})),
  /** The same memory through another instance: what a second handle on one store looks like here. */
  openAnother: async () => new InMemoryStorage(memory),
};

describeStorageConformance(backend);
describeParallelTurns(backend);
