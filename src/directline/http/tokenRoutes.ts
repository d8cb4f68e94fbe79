/**
 * POST /v3/directline/tokens/generate (the secret exchanged for a token of a new conversation, optionally for a
 * given `dl_` user) and POST /v3/directline/tokens/refresh (a token, before it expires, for a new one of the
 * same conversation and user). Both answer { conversationId, token, expires_in }.
 */
import type { Route } from '../../server/createServer';
import { sendJson } from '../../server/sendJson';
import { badArgument, forbidden } from '../directLineError';
import { DirectLineConversations } from '../directLineConversations';
import type { DirectLineService } from '../directLineService';
import { newUserId, requestedUser } from '../userIds';
import { directLineRoute } from './directLineRoute';
import { readOptionalJson } from './readOptionalJson';

export function tokenRoutes(service: DirectLineService): Route[] {
  const { credentials, tokens, frame } = service;
  return [
    directLineRoute(
      'post',
      '/v3/directline/tokens/generate',
      async (req, res) => {
        if (credentials.authenticate(req).kind !== 'secret')
          throw forbidden('Only the Direct Line secret can generate tokens.');
        const user = requestedUser(await readOptionalJson(req), true);
        const conversationId = DirectLineConversations.newId();
        const issued = tokens.issue({
          conversationId,
          userId: user.id ?? newUserId(),
          ...(user.name ? { userName: user.name } : {}),
        });
        sendJson(res, 200, { conversationId, ...issued });
      },
      frame,
    ),
    directLineRoute(
      'post',
      '/v3/directline/tokens/refresh',
      async (req, res) => {
        const credential = credentials.authenticate(req);
        if (credential.kind !== 'token') throw badArgument('Only a token can be refreshed.');
        const { conversationId, userId, userName } = credential;
        sendJson(res, 200, {
          conversationId,
          ...tokens.issue({ conversationId, userId, ...(userName ? { userName } : {}) }),
        });
      },
      frame,
    ),
  ];
}
