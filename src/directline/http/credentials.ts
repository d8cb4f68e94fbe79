/**
 * Who is calling, from `Authorization: Bearer <secret or token>`: the secret opens every conversation; a token
 * opens the one conversation it is bound to, as its one user. No header is 401; a value that is neither, or a
 * token of another conversation, is 403; an expired token is 403 TokenExpired.
 */
import type { IncomingMessage } from 'node:http';
import { forbidden, tokenExpired, unauthorized } from '../directLineError';
import { TokenRejectedError, type DirectLineTokens, type VerifiedGrant } from '../tokens/directLineTokens';

export type Credential = { kind: 'secret' } | ({ kind: 'token'; token: string } & VerifiedGrant);

export class Credentials {
  constructor(
    private readonly isSecret: (candidate: string) => boolean,
    private readonly tokens: DirectLineTokens,
  ) {}

  /** @throws DirectLineError 401 or 403 */
  authenticate(req: IncomingMessage): Credential {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!bearer) throw unauthorized();
    if (this.isSecret(bearer)) return { kind: 'secret' };
    try {
      return { kind: 'token', token: bearer, ...this.tokens.verify(bearer) };
    } catch (error) {
      if (error instanceof TokenRejectedError) throw error.reason === 'expired' ? tokenExpired() : forbidden();
      throw error;
    }
  }

  /** @throws DirectLineError 401 or 403, also for a token bound to another conversation */
  authenticateFor(req: IncomingMessage, conversationId: string): Credential {
    const credential = this.authenticate(req);
    if (credential.kind === 'token' && credential.conversationId !== conversationId)
      throw forbidden('The token is not valid for this conversation.');
    return credential;
  }
}
