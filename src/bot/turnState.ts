/**
 * Conversation and user state read together and written together: one storage read at the start of a turn,
 * and at its end one write of whatever changed (none when nothing did). The write of both keys is one
 * storage write, which every backend applies all or nothing (one transaction in PostgreSQL and SQLite), so an
 * outage can no longer leave the conversation saved and the user not. Writes use eTag '*', as BotState's own
 * saveChanges does: turns of a conversation run one at a time (TurnSerializer).
 */
import {
  calculateChangeHash,
  type ConversationState,
  type Storage,
  type StoreItem,
  type StoreItems,
  type TurnContext,
  type UserState,
} from 'botbuilder';

type KeyedState = ConversationState | UserState;

/** What the turn read, by storage key: the change hash of each state as loaded (or as last saved). */
type Loaded = Map<string, { state: KeyedState; hash: string }>;

export class TurnState {
  private readonly loadedKey = Symbol('turnState');

  constructor(
    private readonly storage: Storage,
    private readonly states: readonly KeyedState[],
  ) {}

  /** Reads every state of the turn in one storage read and hands each to its BotState (what its accessors then use). */
  async load(context: TurnContext): Promise<void> {
    const keys = this.states.map((state) => state.getStorageKey(context));
    const present = keys.filter((key): key is string => Boolean(key));
    const items = present.length ? await this.storage.read(present) : {};
    const loaded: Loaded = new Map();
    for (const [index, state] of this.states.entries()) {
      const key = keys[index];
      if (!key) continue;
      // clear() gives the BotState a fresh cached object for this turn; it is filled with what was read.
      await state.clear(context);
      const cached = state.get(context) as Record<string, unknown>;
      Object.assign(cached, items[key] ?? {});
      loaded.set(key, { state, hash: calculateChangeHash(cached) });
    }
    context.turnState.set(this.loadedKey, loaded);
  }

  /** Writes the states that changed since load(), in one storage write; nothing when none did. */
  async save(context: TurnContext): Promise<void> {
    const loaded = context.turnState.get<Loaded | undefined>(this.loadedKey);
    if (!loaded) return;
    const changes: StoreItems = {};
    const hashes = new Map<string, string>();
    for (const [key, { state, hash }] of loaded) {
      // A state deleted during the turn ("forget me") and not used again has nothing to save.
      const current = state.get(context) as StoreItem | undefined;
      if (!current) continue;
      const now = calculateChangeHash(current);
      if (now === hash) continue;
      changes[key] = { ...current, eTag: '*' };
      hashes.set(key, now);
    }
    if (!hashes.size) return;
    await this.storage.write(changes);
    for (const [key, hash] of hashes)
      loaded.set(key, { ...(loaded.get(key) as { state: KeyedState; hash: string }), hash });
  }
}
