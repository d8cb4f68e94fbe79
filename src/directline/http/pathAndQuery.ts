/** The conversation id of a `/conversations/:conversationId/…` route, and a query parameter of the request. */
import type { IncomingMessage } from 'node:http';

export function conversationIdParam(req: IncomingMessage): string {
  const params = (req as IncomingMessage & { params?: Record<string, unknown> }).params;
  const id = params?.conversationId;
  return typeof id === 'string' ? id : '';
}

export function queryParam(req: IncomingMessage, name: string): string | null {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name);
}
