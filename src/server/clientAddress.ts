/**
 * The client's address: the socket's, or behind `trustedProxies` reverse proxies of ours the X-Forwarded-For
 * entry the outermost of them appended. Entries to its left were written by the client and are never read.
 */
import type { IncomingMessage } from 'node:http';

/**
 * @param trustedProxies TRUST_PROXY: 0 (the socket is the client), 1 (one proxy: the last entry), 2 (a CDN in
 *   front of it: the second from the right), …
 * @example clientAddress(req, 1) // "198.51.100.7" for X-Forwarded-For: "203.0.113.9 (forged), 198.51.100.7"
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const entries = forwardedFor(req);
    // Fewer entries than proxies (a request that reached an inner proxy directly): each is one of ours; the leftmost.
    const entry = entries[Math.max(0, entries.length - trustedProxies)];
    if (entry) return entry;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** Every X-Forwarded-For entry, in order, across repeated headers. */
function forwardedFor(req: IncomingMessage): string[] {
  const header = req.headers['x-forwarded-for'];
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}
