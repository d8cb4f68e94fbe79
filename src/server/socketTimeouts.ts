/**
 * The HTTP server's own socket timeouts (Node's defaults let a silent connection live a minute or more, and a
 * request body trickle for five): a client that has not sent its headers in time, or its whole request, gets 408
 * and is closed; an idle keep-alive connection is closed. WebSocket streams, once upgraded, leave these behind
 * (ws clears the socket's timeout) and have their own idle time (StreamHub).
 */
import type { Server } from 'node:http';
import type { HttpTimeouts } from '../config/config';

/** Node checks running requests against the timeouts at this interval (its default, 30 s, would blur them). */
const CHECKS_PER_HEADERS_TIMEOUT = 4;
const MIN_CHECK_INTERVAL_MS = 25;
const MAX_CHECK_INTERVAL_MS = 30_000;

/** Must run before listen: Node reads the checking interval when the server starts listening. */
export function applySocketTimeouts(server: Server, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  const interval = Math.floor(timeouts.headersMs / CHECKS_PER_HEADERS_TIMEOUT);
  // An option of http.createServer, which restify calls without options; Node keeps it on the server and reads it at listen.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    MAX_CHECK_INTERVAL_MS,
    Math.max(MIN_CHECK_INTERVAL_MS, interval),
  );
}
