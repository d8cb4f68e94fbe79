/**
 * Who is asking, for the review page and its API: the key of TICKETS_API_KEY as a bearer header (tools,
 * curl), or the page's signed session cookie (people, after the login form). Never a key in a URL.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { keyCheck, presentedKey } from '../server/apiKey';
import { ReviewSessions, type ReviewSession } from './reviewSession';

export type Reviewer = { via: 'key' } | { via: 'session'; session: ReviewSession };

export class ReviewAccess {
  readonly sessions: ReviewSessions;
  readonly isKey: (presented: string) => boolean;

  constructor(
    apiKey: string,
    /** TRUST_PROXY: behind our proxies, X-Forwarded-Proto tells whether the page was served over HTTPS. */
    private readonly trustProxy: number,
  ) {
    this.sessions = new ReviewSessions(apiKey);
    this.isKey = keyCheck(apiKey);
  }

  /** The key as a header first (a wrong one is not overridden by a cookie), else the session cookie. */
  reviewerOf(req: IncomingMessage, { cookie }: { cookie: boolean }): Reviewer | undefined {
    const key = presentedKey(req);
    if (key !== undefined) return this.isKey(key) ? { via: 'key' } : undefined;
    const session = cookie ? this.sessions.fromRequest(req) : undefined;
    return session ? { via: 'session', session } : undefined;
  }

  /** Whether the browser reached the page over HTTPS (the session cookie is then Secure). */
  isHttps(req: IncomingMessage): boolean {
    if ((req.socket as TLSSocket).encrypted) return true;
    if (this.trustProxy <= 0) return false;
    const proto = req.headers['x-forwarded-proto'];
    return (
      String(Array.isArray(proto) ? proto[0] : (proto ?? ''))
        .split(',')[0]
        ?.trim()
        .toLowerCase() === 'https'
    );
  }
}
