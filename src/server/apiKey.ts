/**
 * The API key of TICKETS_API_KEY as requests present it (the tickets API, the review page and its API): read
 * from `Authorization: Bearer <key>` or `x-api-key`, never from a URL, and compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Compares SHA-256 digests, so the comparison takes the same time whatever the length and content of the
 * key presented, and `timingSafeEqual` always gets two buffers of one length.
 * @example const isKey = keyCheck(config.ticketsApiKey); isKey(presentedKey(req) ?? '')
 */
export function keyCheck(apiKey: string): (presented: string) => boolean {
  const expected = createHash('sha256').update(apiKey, 'utf8').digest();
  return (presented) => timingSafeEqual(createHash('sha256').update(presented, 'utf8').digest(), expected);
}

/** `Authorization: Bearer <key>` first, else `x-api-key`; undefined when the request names no key. */
export function presentedKey(req: IncomingMessage): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) return bearer;
  const header = req.headers['x-api-key'];
  return typeof header === 'string' && header.trim() ? header.trim() : undefined;
}
