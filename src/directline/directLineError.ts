/**
 * A Direct Line request that cannot be served: its HTTP status and the stable `code` of the Direct Line
 * ErrorResponse ({ error: { code, message } }). The message is for the client; it never carries exception text.
 */
export type DirectLineErrorCode =
  | 'BadArgument'
  | 'MissingProperty'
  | 'Unauthorized'
  | 'Forbidden'
  | 'TokenExpired'
  | 'OriginNotAllowed'
  | 'NotFound'
  | 'TooManyRequests'
  | 'BotError'
  | 'ServiceUnavailable';

export class DirectLineError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 429 | 502 | 503,
    readonly code: DirectLineErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DirectLineError';
  }
}

export const unauthorized = () =>
  new DirectLineError(401, 'Unauthorized', 'The request needs Authorization: Bearer <secret or token>.');
export const forbidden = (message = 'The secret or token is not valid for this request.') =>
  new DirectLineError(403, 'Forbidden', message);
export const tokenExpired = () => new DirectLineError(403, 'TokenExpired', 'The token has expired.');
export const conversationNotFound = () => new DirectLineError(404, 'NotFound', 'The conversation does not exist.');
/** Seconds a client waits before posting again while the storage is down. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;
/** The storage cannot be reached: nothing of the activity is lost, the client posts it again (same clientActivityID) later. */
export const storageUnavailable = (message: string, cause: unknown) =>
  new DirectLineError(503, 'ServiceUnavailable', message, STORAGE_RETRY_AFTER_SECONDS, { cause });
export const badArgument = (message: string) => new DirectLineError(400, 'BadArgument', message);
