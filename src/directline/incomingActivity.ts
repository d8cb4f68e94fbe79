/**
 * An activity a client posts, checked and made the service's: a malformed one (activityShape.ts checks what
 * botbuilder reads: entities, members, invoke values) is 400; the sender comes from
 * the token (its user id overrides `from.id`) or, with the secret, from `from.id`; conversation, recipient,
 * channel and service URL are set here; the client's id is dropped (the service assigns one) and everything
 * else it sent, channelData.clientActivityID included, is kept.
 */
import type { ChannelAccount } from 'botbuilder';
import { invalidActivityContent } from '../server/activityShape';
import { DirectLineError, badArgument } from './directLineError';
import { BOT_ACCOUNT, DIRECT_LINE_CHANNEL } from './directLineAdapter';
import type { DirectLineActivity } from './store/directLineStore';

/** Activity types a client may not send (the service creates them, or Direct Line has none). */
const SERVICE_ONLY_TYPES = new Set(['conversationUpdate', 'contactRelationUpdate', 'installationUpdate']);
const MAX_ID_LENGTH = 256;

export interface Sender {
  id: string;
  name?: string;
}

export interface IncomingContext {
  conversationId: string;
  /** The token's user; undefined with the secret, when the activity's own from.id says who sends it. */
  tokenUser?: Sender;
  serviceUrl: string;
}

/** @throws DirectLineError 400 */
export function incomingActivity(
  body: unknown,
  { conversationId, tokenUser, serviceUrl }: IncomingContext,
): DirectLineActivity {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badArgument('The body must be an activity object.');
  const activity = body as Record<string, unknown>;
  const { type } = activity;
  if (typeof type !== 'string' || !type || type.length > 64)
    throw new DirectLineError(400, 'MissingProperty', 'The activity has no type.');
  if (SERVICE_ONLY_TYPES.has(type)) throw badArgument(`Clients may not send ${type} activities.`);
  expectOptional(activity, 'text', 'string');
  expectOptional(activity, 'locale', 'string');
  expectOptional(activity, 'name', 'string');
  expectOptional(activity, 'channelData', 'object');
  expectOptional(activity, 'attachments', 'array');
  expectOptional(activity, 'entities', 'array');

  const from = sender(activity.from, tokenUser);
  const {
    id: _id,
    conversation: _conversation,
    recipient: _recipient,
    channelId: _channelId,
    serviceUrl: _serviceUrl,
    timestamp: _timestamp,
    ...kept
  } = activity;
  const problem = invalidActivityContent(kept);
  if (problem) throw badArgument(problem);
  return {
    ...kept,
    type,
    from,
    recipient: BOT_ACCOUNT,
    conversation: { id: conversationId } as DirectLineActivity['conversation'],
    channelId: DIRECT_LINE_CHANNEL,
    serviceUrl,
  };
}

function sender(from: unknown, tokenUser: Sender | undefined): ChannelAccount {
  const claimed = typeof from === 'object' && from !== null ? (from as Record<string, unknown>) : {};
  const claimedName =
    typeof claimed.name === 'string' && claimed.name.length <= MAX_ID_LENGTH ? claimed.name : undefined;
  if (tokenUser) return account(tokenUser.id, tokenUser.name ?? claimedName);
  const { id } = claimed;
  if (typeof id !== 'string' || !id || id.length > MAX_ID_LENGTH)
    throw new DirectLineError(
      400,
      'MissingProperty',
      'With the secret, the activity must say who sends it in from.id.',
    );
  return account(id, claimedName);
}

/** A user account; `role: 'user'` always, whatever the client claimed (Web Chat tells its own messages by it). */
function account(id: string, name: string | undefined): ChannelAccount {
  return { id, ...(name ? { name } : {}), role: 'user' } as ChannelAccount;
}

function expectOptional(activity: Record<string, unknown>, field: string, kind: 'string' | 'object' | 'array'): void {
  const value = activity[field];
  if (value === undefined || value === null) return;
  const ok =
    kind === 'array'
      ? Array.isArray(value)
      : kind === 'object'
        ? typeof value === 'object' && !Array.isArray(value)
        : typeof value === kind;
  if (!ok)
    throw badArgument(
      `The activity's ${field} must be ${kind === 'array' ? 'an array' : `a${kind === 'object' ? 'n' : ''} ${kind}`}.`,
    );
}
