/** Building HTML safely: JSON safe inside a <script> element, one response writer (text and attributes are escaped with entities' escapeUTF8). */
import type { ServerResponse } from 'node:http';
import { pageHeaders, type PagePolicy } from './securityHeaders';

/** JSON that cannot close its <script type="application/json"> element or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Sends a page with its security headers (status 200 unless told; `headers` adds e.g. a Set-Cookie). */
export function sendPage(
  res: ServerResponse,
  html: string,
  policy: PagePolicy,
  nonce: string,
  status = 200,
  headers: Record<string, string> = {},
): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, { ...pageHeaders(policy, nonce), ...headers, 'content-length': body.length });
  res.end(body);
}
