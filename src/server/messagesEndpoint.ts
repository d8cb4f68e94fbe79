/**
 * POST /api/messages, hardened where stock botbuilder 4.23.3 is not: a missing, malformed or forged token is
 * 401 (never 500), an activity without type, serviceUrl, channel, conversation, sender or recipient, or with a
 * field of the wrong type (activityShape.ts), is 400, a body over 262,144 bytes is 413, error bodies carry no
 * exception text, and without an app id (local development) the bot replies only to loopback service URLs,
 * so nobody can make it post to an address of their choosing.
 */
import type { Activity, ActivityHandler } from 'botbuilder';
import type { BotFrameworkAdapter } from '../adapters/botFrameworkAdapter';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger';
import { invalidActivity } from './activityShape';
import { isLoopbackUrl } from './isLoopbackUrl';
import type { RateLimiter } from '../rateLimit/rateLimiter';
import { readJsonBody, RequestBodyError } from './readJsonBody';
import { tooManyRequests } from './tooManyRequests';
import { problem, sendInternalError, sendJson, sendUnauthorized } from './sendJson';

export interface MessagesEndpointDependencies {
  adapter: BotFrameworkAdapter;
  auth: BotFrameworkAuthentication;
  bot: ActivityHandler;
  /** No MicrosoftAppId: anonymous local development. */
  anonymous: boolean;
  log: Logger;
  /** Messages and message extension invokes per user (channel and user id); absent: no limit. */
  perUser?: RateLimiter;
}

export function messagesEndpoint(deps: MessagesEndpointDependencies) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch (error) {
      if (error instanceof RequestBodyError) return sendJson(res, error.status, problem(error.code, error.message));
      throw error;
    }
    const invalid = invalidActivity(body);
    if (invalid) return sendJson(res, 400, problem('BadRequest', invalid));
    const activity = body as Activity;

    let authentication;
    try {
      authentication = await deps.auth.authenticateRequest(activity, String(req.headers.authorization ?? ''));
    } catch {
      return sendUnauthorized(res);
    }
    if (deps.anonymous && !isLoopbackUrl(activity.serviceUrl)) {
      return sendJson(
        res,
        403,
        problem('Forbidden', 'Without MicrosoftAppId the bot replies only to service URLs on this machine.'),
      );
    }
    if (deps.perUser && isUserRequest(activity) && activity.from?.id) {
      const decision = await deps.perUser.take(`${activity.channelId}\u0000${activity.from.id}`);
      if (!decision.allowed) return tooManyRequests(res, decision.retryAfterSeconds);
    }

    try {
      const invokeResponse = await deps.adapter.processAuthenticated(authentication, activity, (context) =>
        deps.bot.run(context),
      );
      sendJson(res, invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      sendInternalError(res, deps.log, error, 'processing an activity failed', 'The activity could not be processed');
    }
  };
}

/** What a user sends and the bot works for: a message, or a message extension's search or link as they type or paste. */
function isUserRequest(activity: Activity): boolean {
  return (
    activity.type === 'message' ||
    (activity.type === 'invoke' && typeof activity.name === 'string' && activity.name.startsWith('composeExtension/'))
  );
}
