/**
 * The one error reference: a short code logged with an unexpected error and shown in its place (to a user or a
 * client), so support finds the log line while the error's text never leaves the server.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from './logger';

/** @example const reference = logErrorReference(log, error, 'turn failed'); // "3FA9C2D1", in the log line too */
export function logErrorReference(
  log: Logger,
  error: unknown,
  message: string,
  fields: Record<string, unknown> = {},
): string {
  const reference = randomBytes(4).toString('hex').toUpperCase();
  log.error({ reference, err: error, ...fields }, message);
  return reference;
}
