/**
 * The review page's sign-in: after the login form took the key, a signed session cookie (HttpOnly,
 * SameSite=Strict, Path=/ so that the insights page (/insights) takes it too, Secure on HTTPS) holding the reviewer's name and an expiry; never the key.
 * Tokens are HMACs under a secret derived from the key, so every instance with the same key accepts them and
 * changing the key signs everyone out. Each form of the page carries a CSRF token bound to the session.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { redact } from '../privacy/redact';

export const SESSION_COOKIE = 'mpn_review';
export const SESSION_HOURS = 12;
/** The longest reviewer name kept. */
export const MAX_REVIEWER_NAME = 80;

export interface ReviewSession {
  /** The name the reviewer gave at sign-in (redacted), written on the items they label. */
  name: string;
  token: string;
}

export class ReviewSessions {
  private readonly secret: Buffer;

  constructor(
    apiKey: string,
    private readonly now: () => number = Date.now,
  ) {
    this.secret = createHash('sha256').update(`review-session\u0000${apiKey}`, 'utf8').digest();
  }

  /** A token for a reviewer who gave the right key. */
  issue(name: string): ReviewSession {
    const clean = reviewerName(name);
    const body = Buffer.from(JSON.stringify({ n: clean, e: this.now() + SESSION_HOURS * 3_600_000 }), 'utf8').toString(
      'base64url',
    );
    return { name: clean, token: `${body}.${this.sign(`session:${body}`)}` };
  }

  /** The session of the request's cookie, if it is one of ours and has not expired. */
  fromRequest(req: IncomingMessage): ReviewSession | undefined {
    const token = cookieOf(req, SESSION_COOKIE);
    if (!token) return undefined;
    const [body = '', mac = ''] = token.split('.');
    if (!sameText(mac, this.sign(`session:${body}`))) return undefined;
    try {
      const { n, e } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { n: unknown; e: unknown };
      if (typeof n !== 'string' || typeof e !== 'number' || e <= this.now()) return undefined;
      return { name: n, token };
    } catch {
      return undefined;
    }
  }

  /** The CSRF token the session's forms carry. */
  csrfToken(session: ReviewSession): string {
    return this.sign(`csrf:${session.token}`);
  }

  isCsrfToken(session: ReviewSession, presented: string | undefined): boolean {
    return presented !== undefined && sameText(presented, this.csrfToken(session));
  }

  /** The Set-Cookie value that signs in; `secure` when the page is served over HTTPS. */
  cookie(session: ReviewSession, secure: boolean): string {
    return `${SESSION_COOKIE}=${session.token}; Path=/; Max-Age=${SESSION_HOURS * 3600}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  }

  /** The Set-Cookie value that signs out. */
  clearedCookie(secure: boolean): string {
    return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  }

  private sign(text: string): string {
    return createHmac('sha256', this.secret).update(text, 'utf8').digest('base64url');
  }
}

/** A name as typed, made safe to keep: no secrets, no control characters, short; "reviewer" when empty. */
export function reviewerName(name: string): string {
  const clean = redact(name.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim()).slice(0, MAX_REVIEWER_NAME);
  return clean || 'reviewer';
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
