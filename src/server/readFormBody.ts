/** Reads an HTML form's body (application/x-www-form-urlencoded) with a size limit; fields as a URLSearchParams. */
import type { IncomingMessage } from 'node:http';
import { RequestBodyError } from './readJsonBody';

export const MAX_FORM_BYTES = 16_384;

/** @throws RequestBodyError 413 past the limit, 415 for another content type */
export async function readFormBody(req: IncomingMessage, limit = MAX_FORM_BYTES): Promise<URLSearchParams> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/x-www-form-urlencoded\b/i.test(type))
    throw new RequestBodyError(
      415,
      'UnsupportedMediaType',
      'The body must be a form (application/x-www-form-urlencoded).',
    );
  const declared = Number(req.headers['content-length']);
  const tooLarge = () => new RequestBodyError(413, 'PayloadTooLarge', `The form is larger than ${limit} bytes.`);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
