/**
 * Reads a JSON request body (the one reader of /api/messages and Direct Line) with a size limit and a depth
 * limit, answering 413 past the size, 400 for a body that is not JSON or is nested deeper than MAX_JSON_DEPTH
 * (code BadArgument, the Direct Line code; deeper values overflow the stack wherever they are walked or
 * serialized later); the error bodies say what is wrong with the request and nothing about the server. Every
 * string and key of the body comes back without NUL and half surrogate pairs (src/text/wellFormedText.ts).
 */
import type { IncomingMessage } from 'node:http';
import { wellFormedJson } from '../text/wellFormedText';

export const MAX_ACTIVITY_BYTES = 262_144;
/** Objects and arrays inside each other: a real activity (an Adaptive Card included) stays far below. */
export const MAX_JSON_DEPTH = 64;

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
  if (type && !/^application\/(.+\+)?json\b/i.test(type))
    throw new RequestBodyError(415, 'UnsupportedMediaType', 'The body must be application/json.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new RequestBodyError(400, 'InvalidJson', 'The body is not valid JSON.');
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new RequestBodyError(400, 'BadArgument', `The body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  // NUL and half surrogate pairs go here, for every endpoint: no store can keep them (src/text/wellFormedText.ts).
  return wellFormedJson(body);
}

const [QUOTE, BACKSLASH, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = ['"', '\\', '{', '}', '[', ']'].map(
  (c) => c.charCodeAt(0),
) as [number, number, number, number, number, number];

function tooLarge(limit: number): RequestBodyError {
  return new RequestBodyError(413, 'PayloadTooLarge', `The body is larger than ${limit} bytes.`);
}

/**
 * How deep objects and arrays nest in a JSON text, counted over its characters without recursion (brackets
 * inside strings do not count): linear, and safe at any depth (JSON.parse is, JSON.stringify is not).
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) deepest = Math.max(deepest, ++depth);
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
  }
  return deepest;
}
