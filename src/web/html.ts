/** Building HTML safely: text and attributes escaped, JSON safe inside a <script> element, one response writer. */
import type { ServerResponse } from 'node:http';
import { pageHeaders, type PagePolicy } from './securityHeaders';

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that cannot close its <script type="application/json"> element or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Sends a page with its security headers (status 200 unless told; `headers` adds e.g. a Set-Cookie). */
export function sendPage(res: ServerResponse, html: string, policy: PagePolicy, nonce: string, status = 200, headers: Record<string, string> = {}): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, { ...pageHeaders(policy, nonce), ...headers, 'content-length': body.length });
  res.end(body);
}
