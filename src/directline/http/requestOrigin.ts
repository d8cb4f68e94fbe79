/**
 * Where a request came to and from: this server's public origin (for stream URLs and the service URL of web chat
 * activities), never one the client chose, and whether the caller is on this machine.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:(\d{1,5}))?$/i;

/**
 * PUBLIC_URL's origin when configured. Without it (local development) the address the connection reached: the
 * Host header is kept only when it names this machine and that very port (a browser on http://localhost:3978
 * keeps its host name); any other Host, and X-Forwarded-Proto, are ignored.
 * @example publicOriginOf(req, 'https://bot.example.com') // "https://bot.example.com"
 * @example publicOriginOf(req) // "http://127.0.0.1:3978", or "http://localhost:3978" for a request to localhost:3978
 */
export function publicOriginOf(req: IncomingMessage, configured?: string): string {
  if (configured) return new URL(configured).origin;
  const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  const port = req.socket.localPort;
  const host = req.headers.host ?? '';
  const loopback = LOOPBACK_HOST.exec(host);
  if (loopback && Number(loopback[4] ?? (scheme === 'https' ? 443 : 80)) === port)
    return `${scheme}://${host.toLowerCase()}`;
  return `${scheme}://${hostOf(req.socket.localAddress ?? '127.0.0.1')}:${port ?? 0}`;
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

/** A socket address as a URL host: IPv4 mapped to IPv6 as IPv4, IPv6 in brackets. */
function hostOf(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  return address.includes(':') ? `[${address}]` : address;
}
