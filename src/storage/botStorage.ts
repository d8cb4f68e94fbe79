/** The storage seam: botbuilder's Storage, plus readiness for the server (openStorage() owns closing). */
import type { Storage } from 'botbuilder';

export interface BotStorage extends Storage {
  /** Whether the backend answers right now (for /readyz). */
  isReady(): Promise<boolean>;
  /**
   * A lock that every process sharing this storage sees (PostgreSQL advisory locks). Absent for backends that
   * one process owns (memory, SQLite): there an in-process lock is enough.
   */
  readonly sharedLock?: SharedLock;
}

/** Runs work while holding a named lock that other processes sharing the storage respect. */
export interface SharedLock {
  /** @example await lock.withLock('msteams/a:chat-1', () => runTurn()) */
  withLock<T>(name: string, work: () => Promise<T>): Promise<T>;
}

/** The message every backend uses for a stale eTag (Teams SSO de-duplication looks for "eTag conflict"). */
export function eTagConflict(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}
