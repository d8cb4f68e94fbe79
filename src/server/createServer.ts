/** The HTTP server: restify with the bot's routes, nothing else. */
import restify from 'restify';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Route {
  method: 'get' | 'post';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

export function createServer(routes: readonly Route[]): restify.Server {
  const server = restify.createServer({ name: 'mpn-support-benefits-assistant', handleUncaughtExceptions: false });
  for (const route of routes) {
    server[route.method](route.path, async (req: restify.Request, res: restify.Response) => {
      await route.handle(req, res);
    });
  }
  return server;
}
