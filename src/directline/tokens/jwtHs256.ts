/**
 * Compact JWTs signed with HMAC-SHA256: the shape of real Direct Line tokens, which clients decode (the
 * official client reads the `user` claim). Only HS256 is accepted on the way back; the signature is compared
 * in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export class MalformedJwtError extends Error {
  constructor(reason: string) {
    super(`not a valid token: ${reason}`);
    this.name = 'MalformedJwtError';
  }
}

/** @example signJwt({ conv: 'abc', exp: 1700000000 }, key) // "eyJhbGciOi…" */
export function signJwt(payload: Record<string, unknown>, key: Buffer): string {
  const body = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${body}.${signature(body, key)}`;
}

/** The payload of a token this key signed; throws MalformedJwtError for anything else. Expiry is the caller's. */
export function verifyJwt(token: string, key: Buffer): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new MalformedJwtError('three parts expected');
  const [header, payload, signed] = parts as [string, string, string];
  if (header !== HEADER) throw new MalformedJwtError('unexpected header');
  const expected = Buffer.from(signature(`${header}.${payload}`, key));
  const actual = Buffer.from(signed);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new MalformedJwtError('bad signature');
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new MalformedJwtError('payload is not JSON');
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new MalformedJwtError('payload is not an object');
  return claims as Record<string, unknown>;
}

function signature(body: string, key: Buffer): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}
