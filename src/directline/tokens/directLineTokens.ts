/**
 * Direct Line tokens: a conversation token (1800 s, bound to one conversation and one user) and a stream token
 * (60 s, only for opening that conversation's WebSocket). Both are JWTs signed with a key derived from
 * DIRECTLINE_SECRET, so every instance sharing the secret accepts them and nothing is stored per token. Signed
 * and verified by jsonwebtoken: HS256 only (never `none`, never another algorithm), issuer, audience, `nbf`
 * (a few seconds of clock skew between instances allowed) and `exp` (to the second: 1800 s means 1800 s).
 */
import { createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Clock } from '../../clock';

export const TOKEN_LIFETIME_SECONDS = 1800;
export const STREAM_URL_LIFETIME_SECONDS = 60;

const ISSUER = 'mpn-support-benefits-assistant/directline';
const CONVERSATION_AUDIENCE = 'directline';
const STREAM_AUDIENCE = 'directline-stream';
const ALGORITHM = 'HS256';
/** How far ahead of this instance's clock another instance's may be: its fresh tokens are good here at once. */
const NOT_BEFORE_SKEW_SECONDS = 5;

export interface ConversationGrant {
  conversationId: string;
  userId: string;
  userName?: string;
}

/** A token's grant, and the seconds it has left. */
export interface VerifiedGrant extends ConversationGrant {
  expiresIn: number;
}

export interface IssuedToken {
  token: string;
  expires_in: number;
}

/** Why a token was refused: it expired (403 TokenExpired, cannot be refreshed) or it is not ours (403). */
export class TokenRejectedError extends Error {
  constructor(
    readonly reason: 'expired' | 'invalid',
    options?: { cause?: unknown },
  ) {
    super(reason === 'expired' ? 'the token has expired' : 'the token is not valid', options);
    this.name = 'TokenRejectedError';
  }
}

/** The HS256 key of the tokens, derived from DIRECTLINE_SECRET (so the secret itself never signs anything). */
export function tokenSigningKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'mpn-support-benefits-assistant', 'direct line token signing v1', 32));
}

export class DirectLineTokens {
  /** A KeyObject made once: given a Buffer, jsonwebtoken tries it as a public key (and fails) on every verify. */
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.key = createSecretKey(tokenSigningKey(secret));
  }

  /** @example tokens.issue({ conversationId: 'Ab1…', userId: 'dl_4f…' }) // { token: 'eyJ…', expires_in: 1800 } */
  issue(grant: ConversationGrant): IssuedToken {
    const claims = {
      conv: grant.conversationId,
      user: grant.userId,
      ...(grant.userName ? { name: grant.userName } : {}),
    };
    return {
      token: this.sign(CONVERSATION_AUDIENCE, claims, TOKEN_LIFETIME_SECONDS),
      expires_in: TOKEN_LIFETIME_SECONDS,
    };
  }

  /** @throws TokenRejectedError */
  verify(token: string): VerifiedGrant {
    const claims = this.check(token, CONVERSATION_AUDIENCE);
    const { conv, user, name, exp } = claims;
    if (typeof conv !== 'string' || typeof user !== 'string') throw new TokenRejectedError('invalid');
    const expiresIn = Math.max(0, Math.floor(Number(exp) - this.clock.now() / 1000));
    return { conversationId: conv, userId: user, ...(typeof name === 'string' ? { userName: name } : {}), expiresIn };
  }

  /** The `t` of a stream URL: lets its holder open the conversation's WebSocket for the next 60 seconds. */
  issueStreamToken(conversationId: string): string {
    return this.sign(STREAM_AUDIENCE, { conv: conversationId }, STREAM_URL_LIFETIME_SECONDS);
  }

  /** @returns the conversation the stream token opens. @throws TokenRejectedError */
  verifyStreamToken(token: string): string {
    const { conv } = this.check(token, STREAM_AUDIENCE);
    if (typeof conv !== 'string') throw new TokenRejectedError('invalid');
    return conv;
  }

  private sign(audience: string, claims: Record<string, unknown>, lifetimeSeconds: number): string {
    const now = Math.floor(this.clock.now() / 1000);
    const jti = randomBytes(9).toString('base64url');
    return jwt.sign(
      { iss: ISSUER, aud: audience, ...claims, iat: now, nbf: now, exp: now + lifetimeSeconds, jti },
      this.key,
      { algorithm: ALGORITHM },
    );
  }

  private check(token: string, audience: string): jwt.JwtPayload {
    let claims: string | jwt.JwtPayload;
    try {
      // exp is checked below, without the skew: the Direct Line lifetimes are exact.
      claims = jwt.verify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience,
        clockTimestamp: Math.floor(this.clock.now() / 1000),
        clockTolerance: NOT_BEFORE_SKEW_SECONDS,
        ignoreExpiration: true,
      });
    } catch (error) {
      throw new TokenRejectedError('invalid', { cause: error });
    }
    if (typeof claims !== 'object' || typeof claims.nbf !== 'number' || typeof claims.exp !== 'number')
      throw new TokenRejectedError('invalid');
    if (claims.exp * 1000 <= this.clock.now()) throw new TokenRejectedError('expired');
    return claims;
  }
}
