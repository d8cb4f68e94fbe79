/** InMemoryStorage (STORAGE_URL=memory:) against the storage conformance suite and the parallel-turns test. */
import { InMemoryStorage } from '../../src/storage/memoryStorage';
import { describeParallelTurns } from './parallelTurns';
import { describeStorageConformance } from './storageConformance';

let memory: Record<string, string> = {};
/** Memory holds no connection: nothing to close. */
const nothingToClose = async (): Promise<void> => undefined;

const backend = {
  name: 'memory',
  open: async () => ({ state: new InMemoryStorage((memory = {})), close: nothingToClose }),
  /** The same memory through another instance: what a second handle on one store looks like here. */
  openAnother: async () => ({ state: new InMemoryStorage(memory), close: nothingToClose }),
};

describeStorageConformance(backend);
describeParallelTurns(backend);
