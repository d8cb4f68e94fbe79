/** The optional JSON body of a Direct Line call (token and conversation requests may have none): {} when empty. */
import type { IncomingMessage } from 'node:http';
import { readJsonBody } from '../../server/readJsonBody';
import { badArgument } from '../directLineError';

const OPTIONS_BODY_LIMIT = 16_384;

export async function readOptionalJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const declared = req.headers['content-length'];
  if (declared === '0' || (declared === undefined && req.headers['transfer-encoding'] === undefined)) return {};
  const body = await readJsonBody(req, OPTIONS_BODY_LIMIT);
  if (body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badArgument('The body must be a JSON object.');
  return body as Record<string, unknown>;
}
