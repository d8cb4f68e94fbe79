/** A storage that counts its failures in the metrics and passes everything else through unchanged. */
import type { StoreItems } from 'botbuilder';
import type { BotStorage } from '../storage/botStorage';
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
  return Object.assign(Object.create(storage) as BotStorage, {
    read: (keys: string[]) => counted('read', () => storage.read(keys)),
    write: (changes: StoreItems) => counted('write', () => storage.write(changes)),
    delete: (keys: string[]) => counted('delete', () => storage.delete(keys)),
    isReady: () => storage.isReady(),
    close: () => storage.close(),
  });
}
