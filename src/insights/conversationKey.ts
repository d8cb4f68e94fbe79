/**
 * The stand-in for a conversation in the insights: an HMAC-SHA256 of its channel and id under a random salt that
 * the storage keeps (the same for every instance on one database), cut to 128 bits. It tells events of one
 * conversation apart from another's for counting, and nothing about who took part.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** A new salt: 256 random bits, as hex. */
export function newSalt(): string {
  return randomBytes(32).toString('hex');
}

/** @example conversationKey(salt, 'msteams', 'a:1x…') // '3f9c…' (32 hex characters) */
export function conversationKey(salt: string, channelId: string, conversationId: string): string {
  return createHmac('sha256', salt).update(`${channelId}\u0000${conversationId}`, 'utf8').digest('hex').slice(0, 32);
}
