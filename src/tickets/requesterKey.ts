/** A requester's key in ticket records: a hash of channel and user id, so a raw user id is not kept twice. */
import { createHash } from 'node:crypto';

export function requesterKey(channelId: string, userId: string): string {
  return createHash('sha256').update(`${channelId}\u0000${userId}`).digest('hex');
}
