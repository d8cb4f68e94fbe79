/**
 * The correlation id of the request being served: set once per request by the server, carried through every
 * await of its turn (AsyncLocalStorage), and added by the logger to every line written meanwhile — the
 * endpoint's, the bot's, onTurnError's, the ticket service's — so one grep finds a whole turn.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

const current = new AsyncLocalStorage<string>();

/** A new id: 16 hex digits, nothing taken from the request. */
export function newCorrelationId(): string {
  return randomBytes(8).toString('hex');
}

/** @example await withCorrelationId(newCorrelationId(), () => route.handle(req, res)) */
export function withCorrelationId<T>(id: string, work: () => T): T {
  return current.run(id, work);
}

/** The id of the request this code runs for, if any. */
export function correlationId(): string | undefined {
  return current.getStore();
}
