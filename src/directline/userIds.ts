/** Direct Line user ids: `dl_` and unguessable random characters, as the Direct Line docs ask of ids embedded in tokens. */
import { randomBytes } from 'node:crypto';
import { badArgument } from './directLineError';

const MAX_LENGTH = 256;

/** @example newUserId() // "dl_Qm9v…" */
export function newUserId(): string {
  return `dl_${randomBytes(16).toString('base64url')}`;
}

export interface RequestedUser {
  id?: string;
  name?: string;
}

/**
 * The optional `user` of a token or conversation request.
 * @param requireDlPrefix tokens/generate: "for a Direct Line user, [the id] must begin with dl_"
 * @throws DirectLineError 400
 */
export function requestedUser(body: Record<string, unknown>, requireDlPrefix: boolean): RequestedUser {
  const user = body.user;
  if (user === undefined || user === null) return {};
  if (typeof user !== 'object' || Array.isArray(user))
    throw badArgument('user must be an object: { "id": "dl_…", "name": "…" }.');
  const { id, name } = user as Record<string, unknown>;
  if (id !== undefined && (typeof id !== 'string' || !id || id.length > MAX_LENGTH))
    throw badArgument(`user.id must be a string of 1 to ${MAX_LENGTH} characters.`);
  if (requireDlPrefix && typeof id === 'string' && !id.startsWith('dl_'))
    throw badArgument('user.id must begin with dl_.');
  if (name !== undefined && (typeof name !== 'string' || name.length > MAX_LENGTH))
    throw badArgument(`user.name must be a string of at most ${MAX_LENGTH} characters.`);
  return { ...(typeof id === 'string' ? { id } : {}), ...(typeof name === 'string' && name ? { name } : {}) };
}
