/**
 * POST /v3/directline/conversations: starts a conversation (201), or with a token whose conversation has
 * started already, opens it again (200). GET /v3/directline/conversations/{id}?watermark=: a new stream URL to
 * reconnect with. Both answer { conversationId, token, expires_in, streamUrl }; the stream replays from the
 * watermark given, else from the moment of the request.
 */
import type { ChannelAccount } from 'botbuilder';
import type { IncomingMessage } from 'node:http';
import type { Route } from '../../server/createServer';
import { sendJson } from '../../server/sendJson';
import { isConversationId, parseWatermark } from '../activityIds';
import { announceConversation } from '../conversationStart';
import { badArgument, conversationNotFound } from '../directLineError';
import { DirectLineConversations } from '../directLineConversations';
import type { DirectLineService } from '../directLineService';
import { streamUrl } from '../streaming/streamUrl';
import { newUserId, requestedUser } from '../userIds';
import type { Credential } from './credentials';
import { directLineRoute } from './directLineRoute';
import { conversationIdParam, queryParam } from './pathAndQuery';
import { readOptionalJson } from './readOptionalJson';
import { publicOriginOf, webSocketOrigin } from './requestOrigin';

export function conversationRoutes(service: DirectLineService): Route[] {
  const { credentials, conversations, frame } = service;
  return [
    directLineRoute(
      'post',
      '/v3/directline/conversations',
      async (req, res) => {
        const credential = credentials.authenticate(req);
        const body = await readOptionalJson(req);
        const locale = localeOf(body);
        const asked = requestedUser(body, false);
        const conversationId =
          credential.kind === 'token' ? credential.conversationId : DirectLineConversations.newId();
        const userId = credential.kind === 'token' ? credential.userId : (asked.id ?? newUserId());
        const userName = credential.kind === 'token' ? credential.userName : asked.name;
        // The stream replays from here: a new conversation from its very start (the bot's welcome included).
        const watermark = (await conversations.get(conversationId))?.watermark ?? 0;
        const created = await conversations.create(conversationId, userId);
        if (created) {
          const user = { id: userId, ...(userName ? { name: userName } : {}), role: 'user' } as ChannelAccount;
          await announceConversation(service, {
            conversationId,
            user,
            ...(locale ? { locale } : {}),
            serviceUrl: `${publicOriginOf(req, service.publicUrl)}/`,
          });
        }
        sendJson(
          res,
          created ? 201 : 200,
          conversationResponse(
            service,
            req,
            credential,
            { conversationId, userId, ...(userName ? { userName } : {}) },
            watermark,
          ),
        );
      },
      frame,
    ),
    directLineRoute(
      'get',
      '/v3/directline/conversations/:conversationId',
      async (req, res) => {
        const conversationId = conversationIdParam(req);
        const credential = credentials.authenticateFor(req, conversationId);
        const conversation = isConversationId(conversationId) ? await conversations.get(conversationId) : undefined;
        if (!conversation) throw conversationNotFound();
        const watermark = parseWatermark(queryParam(req, 'watermark')) ?? conversation.watermark;
        const grant =
          credential.kind === 'token' ? credential : { conversationId, userId: conversation.userId ?? newUserId() };
        sendJson(res, 200, conversationResponse(service, req, credential, grant, watermark));
      },
      frame,
    ),
  ];
}

/** The Direct Line Conversation object: a token (the caller's own, or with the secret a new one) and a fresh stream URL. */
function conversationResponse(
  { tokens, publicUrl }: DirectLineService,
  req: IncomingMessage,
  credential: Credential,
  grant: { conversationId: string; userId: string; userName?: string },
  watermark: number,
) {
  const { token, expires_in } =
    credential.kind === 'token' ? { token: credential.token, expires_in: credential.expiresIn } : tokens.issue(grant);
  const stream = streamUrl(
    webSocketOrigin(publicOriginOf(req, publicUrl)),
    grant.conversationId,
    watermark,
    tokens.issueStreamToken(grant.conversationId),
  );
  return { conversationId: grant.conversationId, token, expires_in, streamUrl: stream };
}

function localeOf(body: Record<string, unknown>): string | undefined {
  const { locale } = body;
  if (locale === undefined || locale === null) return undefined;
  if (typeof locale !== 'string' || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(locale))
    throw badArgument('locale must be a BCP 47 language tag such as pt-BR.');
  return locale;
}
