/** The 429 answer: Retry-After in seconds and a body that says when to retry, nothing else. */
import type { ServerResponse } from 'node:http';

export function tooManyRequests(res: ServerResponse, retryAfterSeconds: number): void {
  if (res.headersSent) return;
  const body = JSON.stringify({
    error: { code: 'TooManyRequests', message: `Too many requests: retry in ${retryAfterSeconds} s.` },
  });
  res.writeHead(429, {
    'content-type': 'application/json; charset=utf-8',
    'retry-after': String(retryAfterSeconds),
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
