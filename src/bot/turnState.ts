/**
 * Conversation and user state read together and written together: one storage read at the start of a turn,
 * and at its end one write of whatever changed (none when nothing did). The write of both keys is one
 * storage write, which every backend applies all or nothing (one transaction in PostgreSQL and SQLite), so an
 * outage can no longer leave the conversation saved and the user not. Writes use eTag '*', as BotState's own
 * saveChanges does: turns of a conversation run one at a time (TurnSerializer).
 */
import type { ConversationState, Storage, StoreItem, StoreItems, TurnContext, UserState } from 'botbuilder';

type KeyedState = ConversationState | UserState;

/** What the turn read, by storage key: each state's JSON as loaded (or as last saved). */
type Loaded = Map<string, { state: KeyedState; json: string }>;

/**
 * A state as JSON without its eTag: equal before and after the turn when nothing changed. botbuilder's
 * calculateChangeHash compares the same text, but through a cycle-safe replacer and a SHA-256 of it, for
 * state that is always plain JSON (it is stored as JSON) and kept for one turn only.
 */
function jsonOf(state: StoreItem): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

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
      const cached = state.get(context) as StoreItem;
      Object.assign(cached, items[key] ?? {});
      loaded.set(key, { state, json: jsonOf(cached) });
    }
    context.turnState.set(this.loadedKey, loaded);
  }

  /** Writes the states that changed since load(), in one storage write; nothing when none did. */
  async save(context: TurnContext): Promise<void> {
    const loaded = context.turnState.get<Loaded | undefined>(this.loadedKey);
    if (!loaded) return;
    const changes: StoreItems = {};
    const saved = new Map<string, string>();
    for (const [key, { state, json }] of loaded) {
      // A state deleted during the turn ("forget me") and not used again has nothing to save.
      const current = state.get(context) as StoreItem | undefined;
      if (!current) continue;
      const now = jsonOf(current);
      if (now === json) continue;
      changes[key] = { ...current, eTag: '*' };
      saved.set(key, now);
    }
    if (!saved.size) return;
    await this.storage.write(changes);
    for (const [key, json] of saved)
      loaded.set(key, { ...(loaded.get(key) as { state: KeyedState; json: string }), json });
  }
}
