/** The storage seam: botbuilder's Storage, plus readiness and closing for the server. */
import type { Storage } from 'botbuilder';

export interface BotStorage extends Storage {
  /** Whether the backend answers right now (for /readyz). */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

/** The message every backend uses for a stale eTag (Teams SSO de-duplication looks for "eTag conflict"). */
export function eTagConflict(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}
