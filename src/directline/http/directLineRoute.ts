/**
 * The frame of every Direct Line HTTP route: the Origin check and CORS headers first, then the handler, and
 * every failure answered as a Direct Line ErrorResponse ({ error: { code, message } }) — a refused request with
 * its status (and Retry-After for 429), anything unexpected as 500 with a reference to the log, never the
 * exception's text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Route } from '../../server/createServer';
import { RequestBodyError } from '../../server/readJsonBody';
import { problem, sendInternalError, sendJson } from '../../server/sendJson';
import type { Logger } from '../../log/logger';
import { DirectLineError } from '../directLineError';
import { originOf, type OriginPolicy } from './originPolicy';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface RouteFrame {
  policy: OriginPolicy;
  log: Logger;
}

export function directLineRoute(
  method: Route['method'],
  path: string,
  handler: Handler,
  { policy, log }: RouteFrame,
): Route {
  return {
    method,
    path,
    async handle(req, res) {
      try {
        const origin = originOf(req);
        if (origin && !policy.allows(origin, req.headers.host)) {
          throw new DirectLineError(
            403,
            'OriginNotAllowed',
            'Pages of this origin may not use this service (see TRUSTED_ORIGINS).',
          );
        }
        policy.addCorsHeaders(req, res);
        await handler(req, res);
      } catch (error) {
        sendError(res, error, log);
      }
    },
  };
}

function sendError(res: ServerResponse, error: unknown, log: Logger): void {
  if (error instanceof DirectLineError) {
    if (error.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(error.retryAfterSeconds));
    return sendJson(res, error.status, problem(error.code, error.message));
  }
  if (error instanceof RequestBodyError) return sendJson(res, error.status, problem(error.code, error.message));
  sendInternalError(res, log, error, 'a Direct Line request failed', 'The request could not be served');
}
