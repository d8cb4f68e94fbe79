/**
 * One turn at a time per conversation. BotState.saveChanges writes with eTag '*', so two turns of one
 * conversation running together would each save what they read before the other wrote, and one would be lost.
 * Turns of a conversation (channelId + conversation.id) wait in a queue in this process, and, when the storage
 * is shared by several processes (PostgreSQL), also for its shared lock, taken after the queue so a process
 * holds at most one lock connection per conversation. Turns of different conversations run side by side.
 *
 * Never run a turn of a conversation from inside a turn of the same conversation: it would wait for itself.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { SharedLock } from '../storage/botStorage';

export class TurnSerializer {
  /** The last turn queued per conversation; it settles when that turn ends, and is removed when none follows. */
  private readonly tails = new Map<string, Promise<void>>();

  /** @param sharedLock the storage's lock across processes (BotStorage.sharedLock), if it has one */
  constructor(private readonly sharedLock?: SharedLock) {}

  /** @example await serializer.serialize(context, () => runTheTurn(context)) */
  async serialize<T>(context: TurnContext, turn: () => Promise<T>): Promise<T> {
    const key = conversationKey(context.activity);
    if (!key) return turn();
    const previous = this.tails.get(key) ?? Promise.resolve();
    let done!: () => void;
    const tail = new Promise<void>((resolve) => (done = resolve));
    this.tails.set(key, tail);
    try {
      await previous;
      return await (this.sharedLock ? this.sharedLock.withLock(key, turn) : turn());
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
      done();
    }
  }

  /** Conversations with a turn running or waiting in this process. */
  get activeConversations(): number {
    return this.tails.size;
  }
}

/** "msteams/19:abc@thread.v2": the conversation a turn belongs to, or undefined for an activity without one. */
export function conversationKey(activity: Partial<Activity>): string | undefined {
  const id = activity.conversation?.id;
  return id ? `${activity.channelId ?? ''}/${id}` : undefined;
}
