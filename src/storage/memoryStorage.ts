/** Bot state in process memory (`STORAGE_URL=memory:`): for tests and throwaway runs. */
import { MemoryStorage } from 'botbuilder';
import type { BotStorage } from './botStorage';

export class InMemoryStorage extends MemoryStorage implements BotStorage {
  async isReady(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
