/** Where a request came to and from: this server's public origin as the client sees it, and whether the caller is on this machine. */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { badArgument } from '../directLineError';

const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/**
 * @example publicOrigin(req) // "http://127.0.0.1:3978"; behind a TLS proxy (X-Forwarded-Proto: https) "https://…"
 * @throws DirectLineError 400 when the Host header is missing or not a host
 */
export function publicOrigin(req: IncomingMessage): string {
  const host = req.headers.host;
  if (!host || !HOST.test(host)) throw badArgument('The request has no valid Host header.');
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim().toLowerCase();
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  return `${scheme}://${host}`;
}

/** The serviceUrl of the activities of a conversation: this server, as the client reached it. */
export function serviceUrlOf(req: IncomingMessage): string {
  return `${publicOrigin(req)}/`;
}

/** "http://host" → "ws://host", "https://host" → "wss://host". */
export function webSocketOrigin(origin: string): string {
  return origin.replace(/^http/, 'ws');
}

/** Whether the TCP peer is this machine (127.0.0.0/8, ::1, or IPv4 loopback mapped to IPv6). */
export function isLoopbackPeer(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(address);
}
