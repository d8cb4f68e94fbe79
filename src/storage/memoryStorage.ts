/**
 * Bot state in process memory (`STORAGE_URL=memory:`): for tests and throwaway runs. botbuilder's MemoryStorage,
 * with one fix: it checks and writes key by key, so a write of several keys with one stale eTag used to store
 * the others (and the keys after the stale one) anyway. Here every eTag is checked first, then all is written,
 * in the same tick, so no other write comes between.
 */
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { eTagConflict, type BotStorage } from './botStorage';

export class InMemoryStorage extends MemoryStorage implements BotStorage {
  override write(changes: StoreItems): Promise<void> {
    if (!changes) return Promise.reject(new ReferenceError('Changes are required when writing.'));
    for (const [key, item] of Object.entries(changes)) {
      const eTag = (item as { eTag?: string } | null)?.eTag;
      const stored = this.memory[key];
      if (eTag && eTag !== '*' && stored && (JSON.parse(stored) as { eTag?: string }).eTag !== eTag)
        return Promise.reject(eTagConflict(key));
    }
    return super.write(changes);
  }

  async isReady(): Promise<boolean> {
    return true;
  }
}
