/**
 * The security headers of the HTML pages: a Content-Security-Policy that allows only this server (plus, for the
 * tab, the Teams SDK's origin list on Microsoft's CDN), a per-response nonce for the styles Web Chat injects, and
 * who may frame the page.
 */
import { randomBytes } from 'node:crypto';

/**
 * Who may put the page in a frame:
 * - `none`: nobody (the demo page);
 * - `teams`: the Teams, Outlook and Microsoft 365 web clients (the tab);
 * - `any`: any site (the chat page that /embed.js opens: it holds no cookie, credential or user data, so a
 *   framing site gains nothing a visitor could not do on the page itself).
 */
export type FramePolicy = 'none' | 'teams' | 'any';

/** The hosts Teams, Outlook and Microsoft 365 load tabs from. */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.skype.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://*.cloud.microsoft',
] as const;

/**
 * The hash of the empty string. Web Chat 4.18 does not hand its nonce to react-scroll-to-bottom, whose emotion
 * cache adds an empty <style> element and fills it through the CSSOM (insertRule, which CSP does not govern):
 * this hash allows exactly an empty style element, nothing with content.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** @microsoft/teams-js fetches its list of valid host origins from here when it loads. */
export const TEAMS_JS_ORIGIN_LIST_HOST = 'https://res.cdn.office.net';

const FRAME_ANCESTORS: Readonly<Record<FramePolicy, string>> = {
  none: "'none'",
  teams: TEAMS_FRAME_ANCESTORS.join(' '),
  any: '*',
};

export interface PagePolicy {
  frame: FramePolicy;
  /** Origins besides this server the page's scripts fetch from. */
  connect?: readonly string[];
  /** The page's forms post to this server (the review page); otherwise no form may be sent anywhere. */
  forms?: boolean;
}

/** A fresh nonce for one response (128 random bits). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * @example contentSecurityPolicy({ frame: 'none' }, nonce) // "default-src 'none'; script-src 'self'; …"
 */
export function contentSecurityPolicy(policy: PagePolicy, nonce: string): string {
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': "'self'",
    // Web Chat (emotion) adds <style> elements: they carry the nonce (or are empty, see EMPTY_STYLE_HASH).
    'style-src': `'self' 'nonce-${nonce}' ${EMPTY_STYLE_HASH}`,
    // Web Chat draws some images from data: and blob: URLs it makes itself.
    'img-src': "'self' data: blob:",
    // 'self' covers the Direct Line WebSocket of the same host (ws: and wss:).
    'connect-src': ["'self'", ...(policy.connect ?? [])].join(' '),
    'font-src': "'self'",
    'base-uri': "'none'",
    'form-action': policy.forms ? "'self'" : "'none'",
    'object-src': "'none'",
    'frame-ancestors': FRAME_ANCESTORS[policy.frame],
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Every header an HTML page is sent with. */
export function pageHeaders(policy: PagePolicy, nonce: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    // The page carries a one-time nonce: never reuse it from a cache.
    'cache-control': 'no-store',
    'content-security-policy': contentSecurityPolicy(policy, nonce),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(policy.frame === 'none' ? { 'x-frame-options': 'DENY' } : {}),
  };
}
