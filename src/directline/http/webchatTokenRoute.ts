/**
 * POST /api/webchat/token: a Direct Line token for this server's own web pages, which must not hold the secret.
 * Only for pages of this origin or of TRUSTED_ORIGINS (the Origin header), or, without an Origin, for callers
 * on this machine. Answers { token, conversationId, expires_in, userId } for a new conversation and a new
 * `dl_` user; the page then starts the conversation with the token (POST /v3/directline/conversations).
 */
import type { Route } from '../../server/createServer';
import { sendJson } from '../../server/sendJson';
import { DirectLineError } from '../directLineError';
import { DirectLineConversations } from '../directLineConversations';
import type { DirectLineService } from '../directLineService';
import { newUserId } from '../userIds';
import { directLineRoute } from './directLineRoute';
import { originOf } from './originPolicy';
import { isLoopbackPeer } from './requestOrigin';

export const WEBCHAT_TOKEN_PATH = '/api/webchat/token';

export function webchatTokenRoute({ tokens, frame }: DirectLineService): Route {
  return directLineRoute(
    'post',
    WEBCHAT_TOKEN_PATH,
    async (req, res) => {
      // A page's Origin was checked by the route frame; without one, only this machine may ask.
      if (!originOf(req) && !isLoopbackPeer(req)) {
        throw new DirectLineError(
          403,
          'OriginNotAllowed',
          "Tokens are only for this server's pages and trusted origins.",
        );
      }
      const conversationId = DirectLineConversations.newId();
      const userId = newUserId();
      const { token, expires_in } = tokens.issue({ conversationId, userId });
      sendJson(res, 200, { token, conversationId, expires_in, userId });
    },
    frame,
  );
}
