/**
 * The review of missed questions over HTTP: the page (/review) and the JSON API (/api/review), behind the key of
 * TICKETS_API_KEY. Without a key neither exists (restify's own 404), as the tickets API.
 */
import type { Logger } from '../log/logger';
import type { Route } from '../server/createServer';
import { ReviewAccess } from './reviewAccess';
import { reviewApiRoutes } from './reviewApi';
import { reviewPageRoutes } from './reviewPage';
import type { ReviewStore } from './reviewStore';

export interface ReviewRoutesOptions {
  store: ReviewStore;
  /** TICKETS_API_KEY; undefined switches the review page and API off. */
  apiKey: string | undefined;
  /** TRUST_PROXY (for X-Forwarded-Proto: the cookie is Secure on HTTPS). */
  trustProxy: number;
  /** CONVERSATION_IDLE_MINUTES: an item with no further message within it reads as "left". */
  idleMinutes: number;
  log: Logger;
}

/** @example createServer([...reviewRoutes({ store, apiKey: config.ticketsApiKey, trustProxy: config.trustProxy, idleMinutes: config.conversationIdleMinutes, log })]) */
export function reviewRoutes(options: ReviewRoutesOptions): Route[] {
  if (options.apiKey === undefined) {
    options.log.info('review page off: TICKETS_API_KEY is not set');
    return [];
  }
  const deps = {
    store: options.store,
    access: new ReviewAccess(options.apiKey, options.trustProxy),
    log: options.log,
    idleMs: options.idleMinutes * 60_000,
  };
  return [...reviewPageRoutes(deps), ...reviewApiRoutes(deps)];
}
