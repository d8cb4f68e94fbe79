/**
 * Which browser pages may use Direct Line: this server's own pages (the Origin names the host the request
 * came to) and the origins listed in TRUSTED_ORIGINS. CORS headers go to the trusted ones only; the same list
 * decides the WebSocket Origin check.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class OriginPolicy {
  private readonly trusted: ReadonlySet<string>;

  constructor(trustedOrigins: readonly string[]) {
    this.trusted = new Set(trustedOrigins.map((origin) => origin.toLowerCase()));
  }

  /** Whether a page at `origin` may call a server reached as `host` (the request's Host header). */
  allows(origin: string, host: string | undefined): boolean {
    return this.isTrusted(origin) || isSameHost(origin, host);
  }

  isTrusted(origin: string): boolean {
    return this.trusted.has(origin.toLowerCase());
  }

  /** Adds the CORS response headers when the request comes from a trusted page of another origin. */
  addCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
    const origin = originOf(req);
    res.setHeader('vary', 'Origin');
    if (origin && this.isTrusted(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', 'Retry-After');
    }
  }
}

/** The request's Origin header, if a browser sent one. */
export function originOf(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin ? origin : undefined;
}

function isSameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
