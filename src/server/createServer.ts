/**
 * The HTTP server: restify with the bot's routes, each limited per client address unless it opts out, each
 * request served under a correlation id of its own, with the socket timeouts of the configuration.
 */
import restify from 'restify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newCorrelationId, withCorrelationId } from '../log/correlation';
import { clientAddress } from './clientAddress';
import type { HttpTimeouts } from '../config/config';
import type { RateLimiter } from '../rateLimit/rateLimiter';
import { applySocketTimeouts } from './socketTimeouts';
import { tooManyRequests } from './tooManyRequests';

export interface Route {
  method: 'get' | 'post';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
  /** false for routes a load balancer polls (health); every other route is limited per client address. */
  rateLimited?: boolean;
}

export interface ServerOptions {
  /** The per-address limit of every public route; absent: no limit (RATE_LIMIT=off). */
  perAddress?: RateLimiter;
  /** TRUST_PROXY: the reverse proxies of ours in front of the server (0: none; see clientAddress). */
  trustProxy?: number;
  /** The server's own socket timeouts; absent: Node's defaults. */
  timeouts?: HttpTimeouts;
}

export function createServer(routes: readonly Route[], options: ServerOptions = {}): restify.Server {
  const server = restify.createServer({ name: 'mpn-support-benefits-assistant', handleUncaughtExceptions: false });
  if (options.timeouts) applySocketTimeouts(server.server, options.timeouts);
  for (const route of routes) {
    const limiter = route.rateLimited === false ? undefined : options.perAddress;
    // restify takes a two-argument handler only when it is an async function.
    server[route.method](route.path, async (req: restify.Request, res: restify.Response) =>
      // One correlation id per request: every log line of its turn carries it.
      withCorrelationId(newCorrelationId(), async () => {
        if (limiter) {
          const decision = await limiter.take(clientAddress(req, options.trustProxy ?? 0));
          if (!decision.allowed) return tooManyRequests(res, decision.retryAfterSeconds);
        }
        await route.handle(req, res);
      }),
    );
  }
  return server;
}
