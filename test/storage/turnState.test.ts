/**
 * State per turn, on real SQLite and PostgreSQL through openStorage(): conversation and user state are read in
 * one storage read and written in one write, only what changed (nothing when nothing did); and a write whose
 * second key fails (a fault the database itself raises, through a trigger) saves neither, so an outage can no
 * longer leave the conversation saved and the user not.
 */
import { ActivityTypes, TestAdapter, type Activity, type Storage, type StoreItems } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStateAccessors } from '../../src/bot/botState';
import { SupportBot } from '../../src/bot/supportBot';
import { classifier } from '../../src/nlu/classifier';
import { openStorage, type OpenedStorage } from '../../src/storage/openStorage';
import type { TriageActions } from '../../src/tickets/triageActions';
import { runSql, useTestSchema } from '../support/postgres';

const folder = mkdtempSync(join(tmpdir(), 'mpn-turn-state-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const schema = useTestSchema('turnstate');

/** The main dialog's place, doing nothing: the turn's own bookkeeping (transcript, language) is what changes state. */
class IdleDialog extends Dialog {
  constructor() {
    super('idle');
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return dc.endDialog();
  }
}

/** The storage, with every read and write it is asked for written down. */
function counted(storage: Storage): Storage & { reads: string[][]; writes: string[][] } {
  const reads: string[][] = [];
  const writes: string[][] = [];
  return {
    reads,
    writes,
    read: (keys: string[]) => (reads.push([...keys].sort()), storage.read(keys)),
    write: (changes: StoreItems) => (writes.push(Object.keys(changes).sort()), storage.write(changes)),
    delete: (keys: string[]) => storage.delete(keys),
  };
}

function botOn(storage: Storage): { run(activity: Partial<Activity>): Promise<void> } {
  const state = createStateAccessors(storage);
  const bot = new SupportBot({
    state,
    classifier: classifier(),
    mainDialog: new IdleDialog(),
    triage: {} as TriageActions,
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  const conversation = adapter.conversation;
  return {
    run: (activity) => adapter.processActivity({ ...conversation, ...activity }, async (context) => bot.run(context)),
  };
}

const CONVERSATION = 'test/conversations/Convo1/';
const USER = 'test/users/user1/';
const message = (text: string): Partial<Activity> => ({
  type: ActivityTypes.Message,
  text,
  from: { id: 'user1', name: 'User1' },
});

interface Backend {
  name: string;
  open(): Promise<OpenedStorage>;
  /** Makes every write of a user's state fail in the database itself. */
  failUserWrites(): Promise<void>;
}

let sqliteFile = '';
let files = 0;
const backends: Backend[] = [
  {
    name: 'SQLite',
    open: () => openStorage(`sqlite:${(sqliteFile = join(folder, `bot-${++files}.db`))}`),
    failUserWrites: async () => {
      const db = new Database(sqliteFile);
      for (const event of ['INSERT', 'UPDATE']) {
        db.exec(
          `CREATE TRIGGER fail_user_${event.toLowerCase()} BEFORE ${event} ON state WHEN NEW.key LIKE '%/users/%' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
        );
      }
      db.close();
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const storage = await openStorage(schema().url);
      await runSql(schema().url, 'DROP TRIGGER IF EXISTS fail_user_state ON state; TRUNCATE state');
      return storage;
    },
    failUserWrites: () =>
      runSql(
        schema().url,
        `CREATE OR REPLACE FUNCTION fail_user_state() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
          IF NEW.key LIKE '%/users/%' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER fail_user_state BEFORE INSERT OR UPDATE ON state FOR EACH ROW EXECUTE FUNCTION fail_user_state()`,
      ),
  },
];

describe.each(backends)('$name: state of a turn', (backend) => {
  it('is read once, and written once with what changed (nothing when nothing did)', async () => {
    const storage = await backend.open();
    try {
      const store = counted(storage.state);
      const bot = botOn(store);

      await bot.run(message('hello'));
      expect(store.reads).toEqual([[CONVERSATION, USER]]);
      expect(store.writes).toEqual([[CONVERSATION, USER]]);

      // The same language again: the user's state is as it was, only the conversation (its transcript) changed.
      await bot.run(message('hello again'));
      expect(store.reads).toHaveLength(2);
      expect(store.writes.at(-1)).toEqual([CONVERSATION]);

      await bot.run({ type: ActivityTypes.Typing, from: { id: 'user1', name: 'User1' } });
      expect(store.reads).toHaveLength(3);
      expect(store.writes).toHaveLength(2);
    } finally {
      await storage.close();
    }
  });

  it('saves neither the conversation nor the user when the write of the second fails', async () => {
    const storage = await backend.open();
    try {
      const bot = botOn(storage.state);
      await bot.run(message('hello'));
      const before = await storage.state.read([CONVERSATION, USER]);
      expect(before[USER]?.profile.lang).toBe('en');

      await backend.failUserWrites();
      // French: the user's language changes, and the conversation's transcript grows.
      await expect(bot.run(message('bonjour, comment activer mes avantages ?'))).rejects.toThrow(/injected fault/);

      const after = await storage.state.read([CONVERSATION, USER]);
      const { eTag: _conversationTag, ...conversationAfter } = after[CONVERSATION] as Record<string, unknown>;
      const { eTag: _conversationTagBefore, ...conversationBefore } = before[CONVERSATION] as Record<string, unknown>;
      expect(conversationAfter).toEqual(conversationBefore);
      expect(after[USER]?.profile.lang).toBe('en');
    } finally {
      await storage.close();
    }
  });
});
