/**
 * How many WebSocket streams are open per conversation (a token and its refreshes share one) and per client
 * address, so that nobody holds more than their share: a slot is taken before the upgrade and given back when
 * the socket closes, so upgrades that arrive at once cannot all slip under a cap.
 */
import type { StreamLimits } from '../../config/config';

export type CapRefusal = 'conversation_cap' | 'address_cap';

/** A taken slot; releasing it twice is harmless. */
export interface StreamSlot {
  release(): void;
}

export class StreamCaps {
  private readonly perConversation = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();

  constructor(private readonly limits: Pick<StreamLimits, 'perConversation' | 'perAddress'>) {}

  /** @returns a slot, or which cap is full */
  take(conversationId: string, address: string): StreamSlot | CapRefusal {
    if ((this.perConversation.get(conversationId) ?? 0) >= this.limits.perConversation) return 'conversation_cap';
    if ((this.perAddress.get(address) ?? 0) >= this.limits.perAddress) return 'address_cap';
    add(this.perConversation, conversationId, 1);
    add(this.perAddress, address, 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        add(this.perConversation, conversationId, -1);
        add(this.perAddress, address, -1);
      },
    };
  }
}

/** Counts up or down; a key at zero is forgotten, so memory follows the open streams. */
function add(counts: Map<string, number>, key: string, delta: number): void {
  const count = (counts.get(key) ?? 0) + delta;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}
