/**
 * Reads a JSON request body with a size limit, answering 413 past the limit and 400 for a body that is not
 * JSON; the error bodies say what is wrong with the request and nothing about the server.
 */
import type { IncomingMessage } from 'node:http';

export const MAX_ACTIVITY_BYTES = 262_144;

export class RequestBodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestBodyError';
  }
}

export async function readJsonBody(req: IncomingMessage, limit = MAX_ACTIVITY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const type = String(req.headers['content-type'] ?? '');
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) throw new RequestBodyError(415, 'UnsupportedMediaType', 'The body must be application/json.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new RequestBodyError(400, 'InvalidJson', 'The body is not valid JSON.');
  }
}

function tooLarge(limit: number): RequestBodyError {
  return new RequestBodyError(413, 'PayloadTooLarge', `The body is larger than ${limit} bytes.`);
}
