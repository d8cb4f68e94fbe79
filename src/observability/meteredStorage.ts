/** A storage that counts its failures in the metrics (its shared lock's too) and passes everything else through unchanged. */
import type { StoreItems } from 'botbuilder';
import type { BotStorage, SharedLock } from '../storage/botStorage';
import type { Metrics } from './metrics';

export function meteredStorage(storage: BotStorage, metrics: Metrics): BotStorage {
  const counted = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      // A stale eTag is the caller's concurrency, not a storage failure.
      if (!/eTag conflict/.test(String((error as Error)?.message))) metrics.storageErrors.inc({ operation });
      throw error;
    }
  };
  const lock = storage.sharedLock;
  return {
    read: (keys: string[]) => counted('read', () => storage.read(keys)),
    write: (changes: StoreItems) => counted('write', () => storage.write(changes)),
    delete: (keys: string[]) => counted('delete', () => storage.delete(keys)),
    isReady: () => storage.isReady(),
    // A turn takes its conversation's lock first: with the database gone, that is where the turn fails.
    ...(lock ? { sharedLock: meteredLock(lock, metrics) } : {}),
  };
}

/** A shared lock that counts the times it could not be taken (the work's own errors are not the storage's). */
function meteredLock(lock: SharedLock, metrics: Metrics): SharedLock {
  return {
    async withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
      let started = false;
      try {
        return await lock.withLock(name, () => {
          started = true;
          return work();
        });
      } catch (error) {
        if (!started) metrics.storageErrors.inc({ operation: 'lock' });
        throw error;
      }
    },
  };
}
