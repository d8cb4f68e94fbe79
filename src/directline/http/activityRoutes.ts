/**
 * POST /v3/directline/conversations/{id}/activities: a client's activity, stored (and so echoed on the stream
 * with its channelData.clientActivityID), then given to the bot; answers { id } once the bot's turn is done
 * (502 when the bot fails), 429 with Retry-After past the token's rate limit, 503 with Retry-After while the
 * storage is down (the client posts it again: an activity posted again with the same clientActivityID is stored
 * once, and answered once; posted again while its first post's turn still runs, it waits for that turn and gets
 * its answer). GET …/activities?watermark=:
 * the stored activities after the watermark, a page at a time, as { activities, watermark }.
 */
import type { IncomingMessage } from 'node:http';
import type { Route } from '../../server/createServer';
import { readJsonBody, RequestBodyError } from '../../server/readJsonBody';
import { sendJson } from '../../server/sendJson';
import { isConversationId, parseWatermark } from '../activityIds';
import { DirectLineError, conversationNotFound, storageUnavailable } from '../directLineError';
import type { DirectLineService } from '../directLineService';
import { incomingActivity } from '../incomingActivity';
import { clientActivityIdOf } from '../store/directLineStore';
import { langOfLocale, type Lang } from '../../i18n/locales';
import { t } from '../../i18n/strings';
import { redactActivity } from '../../privacy/redactActivity';
import type { Credential } from './credentials';
import { directLineRoute } from './directLineRoute';
import { conversationIdParam, queryParam } from './pathAndQuery';
import { publicOriginOf } from './requestOrigin';
import { SharedAttempts } from './sharedAttempts';
import type { DirectLineActivity } from '../store/directLineStore';

const ACTIVITIES_PATH = '/v3/directline/conversations/:conversationId/activities';

export function activityRoutes(service: DirectLineService): Route[] {
  const { conversations, adapter, limiter, frame, log } = service;
  // A client activity's posts answered now, by conversation and clientActivityID: a retry shares the first's turn.
  const answering = new SharedAttempts<string | undefined>();

  /** Stores the activity once (or finds it stored by an earlier post) and runs the bot on it unless it was answered. */
  async function answer(conversationId: string, redacted: DirectLineActivity, clientId: string | undefined) {
    const earlier = clientId ? await conversations.findClientActivity(conversationId, clientId) : undefined;
    if (earlier?.replied) return earlier.activity.id;
    const stored = earlier?.activity ?? (await conversations.append(conversationId, redacted));
    try {
      await adapter.processActivity(stored, (context) => service.runBot(context));
    } catch (error) {
      if (!(await service.storageReady())) throw error;
      log.error({ err: error, conversationId }, 'the bot failed on a Direct Line activity');
      throw new DirectLineError(502, 'BotError', 'The bot could not process the activity.', undefined, {
        cause: error,
      });
    }
    return stored.id;
  }

  return [
    directLineRoute(
      'post',
      ACTIVITIES_PATH,
      async (req, res) => {
        let lang: Lang | undefined;
        let body: Promise<unknown> | undefined;
        try {
          const { conversationId, credential } = await openConversation(service, req);
          const decision = limiter ? await limiter.take(rateKey(credential, conversationId)) : undefined;
          if (decision && !decision.allowed)
            throw new DirectLineError(
              429,
              'TooManyRequests',
              'Too many activities: wait before sending the next one.',
              decision.retryAfterSeconds,
            );
          const tokenUser =
            credential.kind === 'token'
              ? { id: credential.userId, ...(credential.userName ? { name: credential.userName } : {}) }
              : undefined;
          const activity = incomingActivity(await (body = readJsonBody(req)), {
            conversationId,
            ...(tokenUser ? { tokenUser } : {}),
            serviceUrl: `${publicOriginOf(req, service.publicUrl)}/`,
          });
          lang = langOfLocale(activity.locale);
          // The stored transcript (read back by the widget, kept for retention) never holds an Access ID or the like.
          const redacted = redactActivity(activity);
          // A post sent again after a failure (same clientActivityID) is the same message: stored once, answered once.
          const clientId = activity.type === 'typing' ? undefined : clientActivityIdOf(redacted);
          const id = clientId
            ? await answering.run(`${conversationId}\u0000${clientId}`, () =>
                answer(conversationId, redacted, clientId),
              )
            : await answer(conversationId, redacted, undefined);
          sendJson(res, 200, { id });
        } catch (error) {
          // While the storage is down the activity is kept by the client, not lost: 503, Retry-After, a plain message.
          if ((error instanceof DirectLineError && error.status < 500) || error instanceof RequestBodyError)
            throw error;
          if (await service.storageReady()) throw error;
          log.warn({ err: error }, 'a Direct Line activity was refused while the storage is unavailable');
          throw storageUnavailable(t(lang ?? (await requestLang(req, body)), 'error.storage_unavailable'), error);
        }
      },
      frame,
    ),
    directLineRoute(
      'get',
      ACTIVITIES_PATH,
      async (req, res) => {
        const { conversationId } = await openConversation(service, req);
        const page = await conversations.page(
          conversationId,
          parseWatermark(queryParam(req, 'watermark')) ?? 0,
          service.pageSize,
        );
        sendJson(res, 200, { activities: page.activities, watermark: String(page.watermark) });
      },
      frame,
    ),
  ];
}

/** The language of a post refused before its activity was read: its locale (the body is read for it), else Accept-Language, else English. */
async function requestLang(req: IncomingMessage, body: Promise<unknown> | undefined): Promise<Lang> {
  const activity = (await (body ?? readJsonBody(req)).catch(() => undefined)) as { locale?: unknown } | undefined;
  const locale =
    typeof activity?.locale === 'string'
      ? activity.locale
      : String(req.headers['accept-language'] ?? '').split(/[,;]/)[0];
  return langOfLocale(locale) ?? 'en';
}

/** The route's conversation, once the caller may use it (401/403) and it exists (404). */
async function openConversation(
  { credentials, conversations }: DirectLineService,
  req: IncomingMessage,
): Promise<{ conversationId: string; credential: Credential }> {
  const conversationId = conversationIdParam(req);
  const credential = credentials.authenticateFor(req, conversationId);
  if (!isConversationId(conversationId) || !(await conversations.get(conversationId))) throw conversationNotFound();
  return { conversationId, credential };
}

/** A token and its refreshes share one bucket: they are the same conversation and user. */
function rateKey(credential: Credential, conversationId: string): string {
  return credential.kind === 'token' ? `${conversationId}:${credential.userId}` : `secret:${conversationId}`;
}
