/** Writes a JSON response: status, body, and no caching; the error body every JSON route answers with. */
import type { ServerResponse } from 'node:http';
import { logErrorReference } from '../log/errorReference';
import type { Logger } from '../log/logger';

export function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The body of every JSON error answer. @example problem('BadArgument', 'text is missing') */
export const problem = (code: string, message: string) => ({ error: { code, message } });

/** The 401 of a route whose key or token is missing or wrong; it never says which. */
export function sendUnauthorized(res: ServerResponse): void {
  sendJson(res, 401, problem('Unauthorized', 'The request is not authorized.'));
}

/**
 * A 500 for an unexpected error: logged with a reference, and the client gets the reference, never the error.
 * @example sendInternalError(res, log, error, 'tickets API: listing failed', 'The tickets could not be listed')
 */
export function sendInternalError(
  res: ServerResponse,
  log: Logger,
  error: unknown,
  logMessage: string,
  clientMessage: string,
): void {
  const reference = logErrorReference(log, error, logMessage);
  sendJson(res, 500, problem('InternalError', `${clientMessage} (reference ${reference}).`));
}
