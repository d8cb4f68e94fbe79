/**
 * The Direct Line master secret: DIRECTLINE_SECRET, or in development a random one for this process (logged as
 * generated, never its value). Compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../log/logger';

export function resolveDirectLineSecret(configured: string, log: Logger): string {
  if (configured) return configured;
  log.warn(
    'DIRECTLINE_SECRET is not set: generated a Direct Line secret for this process (its tokens end with it; set one to share them between instances)',
  );
  return randomBytes(48).toString('base64url');
}

/** Whether a bearer value is the secret, without leaking how much of it matched. */
export function secretMatcher(secret: string): (candidate: string) => boolean {
  const expected = digest(secret);
  return (candidate) => timingSafeEqual(digest(candidate), expected);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
