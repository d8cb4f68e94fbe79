/**
 * POST /v3/directline/conversations/{id}/activities: a client's activity, stored (and so echoed on the stream
 * with its channelData.clientActivityID), then given to the bot; answers { id } once the bot's turn is done
 * (502 when the bot fails), 429 with Retry-After past the token's rate limit. GET …/activities?watermark=:
 * the stored activities after the watermark, a page at a time, as { activities, watermark }.
 */
import type { IncomingMessage } from 'node:http';
import type { Route } from '../../server/createServer';
import { readJsonBody } from '../../server/readJsonBody';
import { sendJson } from '../../server/sendJson';
import { isConversationId, parseWatermark } from '../activityIds';
import { DirectLineError, conversationNotFound } from '../directLineError';
import type { DirectLineService } from '../directLineService';
import { incomingActivity } from '../incomingActivity';
import { redactActivity } from '../../privacy/redactActivity';
import type { Credential } from './credentials';
import { directLineRoute } from './directLineRoute';
import { conversationIdParam, queryParam } from './pathAndQuery';
import { publicOriginOf } from './requestOrigin';

const ACTIVITIES_PATH = '/v3/directline/conversations/:conversationId/activities';

export function activityRoutes(service: DirectLineService): Route[] {
  const { conversations, adapter, limiter, frame, log } = service;
  return [
    directLineRoute(
      'post',
      ACTIVITIES_PATH,
      async (req, res) => {
        const { conversationId, credential } = await openConversation(service, req);
        const decision = limiter ? await limiter.take(rateKey(credential, conversationId)) : undefined;
        if (decision && !decision.allowed) throw new DirectLineError(429, 'TooManyRequests', 'Too many activities: wait before sending the next one.', decision.retryAfterSeconds);
        const tokenUser = credential.kind === 'token' ? { id: credential.userId, ...(credential.userName ? { name: credential.userName } : {}) } : undefined;
        const activity = incomingActivity(await readJsonBody(req), { conversationId, ...(tokenUser ? { tokenUser } : {}), serviceUrl: `${publicOriginOf(req, service.publicUrl)}/` });
        // The stored transcript (read back by the widget, kept for retention) never holds an Access ID or the like.
        const stored = await conversations.append(conversationId, redactActivity(activity));
        try {
          await adapter.processActivity(stored, (context) => service.runBot(context));
        } catch (error) {
          log.error({ err: error, conversationId }, 'the bot failed on a Direct Line activity');
          throw new DirectLineError(502, 'BotError', 'The bot could not process the activity.', undefined, { cause: error });
        }
        sendJson(res, 200, { id: stored.id });
      },
      frame,
    ),
    directLineRoute(
      'get',
      ACTIVITIES_PATH,
      async (req, res) => {
        const { conversationId } = await openConversation(service, req);
        const page = await conversations.page(conversationId, parseWatermark(queryParam(req, 'watermark')) ?? 0, service.pageSize);
        sendJson(res, 200, { activities: page.activities, watermark: String(page.watermark) });
      },
      frame,
    ),
  ];
}

/** The route's conversation, once the caller may use it (401/403) and it exists (404). */
async function openConversation({ credentials, conversations }: DirectLineService, req: IncomingMessage): Promise<{ conversationId: string; credential: Credential }> {
  const conversationId = conversationIdParam(req);
  const credential = credentials.authenticateFor(req, conversationId);
  if (!isConversationId(conversationId) || !(await conversations.get(conversationId))) throw conversationNotFound();
  return { conversationId, credential };
}

/** A token and its refreshes share one bucket: they are the same conversation and user. */
function rateKey(credential: Credential, conversationId: string): string {
  return credential.kind === 'token' ? `${conversationId}:${credential.userId}` : `secret:${conversationId}`;
}
