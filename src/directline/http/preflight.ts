/**
 * CORS preflight (OPTIONS) for the Direct Line paths, answered before restify sees the request: the routes
 * here are GET and POST only, and restify would answer 405. A trusted origin (or this server's own) gets 204
 * with the methods and the headers it asked for; any other 403 without CORS headers, so the browser blocks
 * the call.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { originOf, type OriginPolicy } from './originPolicy';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const DEFAULT_ALLOWED_HEADERS = 'authorization, content-type, x-ms-bot-agent';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Puts the preflight answer in front of the server's other request listeners (restify's). */
export function answerPreflights(
  server: Server,
  isDirectLinePath: (path: string) => boolean,
  policy: OriginPolicy,
): void {
  const others = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS' && isDirectLinePath(new URL(req.url ?? '/', 'http://localhost').pathname))
      return answer(req, res, policy);
    for (const listener of others) listener.call(server, req, res);
  });
}

function answer(req: IncomingMessage, res: ServerResponse, policy: OriginPolicy): void {
  const origin = originOf(req);
  if (!origin || !policy.allows(origin, req.headers.host)) {
    res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', vary: 'Origin' });
    res.end(
      JSON.stringify({
        error: {
          code: 'OriginNotAllowed',
          message: 'Pages of this origin may not use this service (see TRUSTED_ORIGINS).',
        },
      }),
    );
    return;
  }
  const asked = String(req.headers['access-control-request-headers'] ?? '');
  res.writeHead(204, {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': /^[\w-]+(\s*,\s*[\w-]+)*$/.test(asked) ? asked : DEFAULT_ALLOWED_HEADERS,
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
    vary: 'Origin',
  });
  res.end();
}
