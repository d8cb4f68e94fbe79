/**
 * Many turns of one conversation at once, through the real SupportBot (its state, its save at the end of the
 * turn, its serializer) with a main dialog that counts turns in conversation state. BotState saves with eTag
 * '*', so a turn whose save lands on top of another's, both having read the same count, is a lost update:
 * lost = turns − count. Run first without the serializer, to show the test catches lost updates, then with it.
 */
import {
  ActivityTypes,
  ConversationState,
  TestAdapter,
  TurnContext,
  type Activity,
  type StatePropertyAccessor,
} from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from '../../src/adapters/botbuilderDialogs';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createStateAccessors } from '../../src/bot/botState';
import { SupportBot } from '../../src/bot/supportBot';
import { TurnSerializer } from '../../src/bot/turnSerializer';
import { classifier } from '../../src/nlu/classifier';
import type { TriageActions } from '../../src/tickets/triageActions';
import type { BotStorage } from '../../src/storage/botStorage';
import type { OpenedState, StorageBackend } from './storageConformance';

export const PARALLEL_TURNS = 200;

/** none: SupportBot as it was; in-process: a queue per conversation; shared: the queue and the storage's shared lock. */
export type Serialization = 'none' | 'in-process' | 'shared';

export interface TurnFigures {
  turns: number;
  counted: number;
  lost: number;
}

const COUNT = 'turnCount';

/** Counts the turn in conversation state; the pause between reading and writing is a reply being sent. */
class CountingDialog extends Dialog {
  constructor(private readonly count: StatePropertyAccessor<number>) {
    super('countTurns');
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const seen = await this.count.get(dc.context, 0);
    await new Promise((resolve) => setImmediate(resolve));
    await this.count.set(dc.context, seen + 1);
    return dc.endDialog();
  }
}

/** Only Action.Execute invokes reach the triage actions; these turns are messages. */
const noTriage = {} as TriageActions;

const passThrough = { serialize: <T>(_context: TurnContext, turn: () => Promise<T>) => turn() };

function supportBot(storage: BotStorage, serialization: Serialization): SupportBot {
  const state = createStateAccessors(storage);
  const serializer =
    serialization === 'none'
      ? passThrough
      : new TurnSerializer(serialization === 'shared' ? storage.sharedLock : undefined);
  return new SupportBot({
    state,
    classifier: classifier(),
    mainDialog: new CountingDialog(state.conversationState.createProperty<number>(COUNT)),
    triage: noTriage,
    serializer,
  });
}

function message(conversationId: string, i: number): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    id: `activity-${i}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversation: { id: conversationId, conversationType: 'personal', isGroup: false, name: '' },
    from: { id: '29:partner-user', name: 'Partner User' },
    recipient: { id: '28:mpn-support-assistant', name: 'Bot' },
    text: 'hello',
    locale: 'en-US',
  };
}

/**
 * Sends `turns` messages to one new conversation at once, turn i to the bot over storages[i % n] (one bot per
 * storage: several storages on one database stand for several processes), and counts what was kept.
 */
export async function runParallelTurns(
  storages: BotStorage[],
  serialization: Serialization,
  turns = PARALLEL_TURNS,
): Promise<TurnFigures> {
  const bots = storages.map((storage) => supportBot(storage, serialization));
  const adapter = new TestAdapter();
  const conversationId = `a:parallel-${randomUUID()}`;
  await Promise.all(
    Array.from({ length: turns }, (_, i) =>
      (bots[i % bots.length] as SupportBot).run(new TurnContext(adapter, message(conversationId, i))),
    ),
  );
  const reader = new ConversationState(storages[0] as BotStorage).createProperty<number>(COUNT);
  const counted = await reader.get(new TurnContext(adapter, message(conversationId, turns)), 0);
  return { turns, counted, lost: turns - counted };
}

function report(where: string, serialization: Serialization, figures: TurnFigures): void {
  console.info(
    `parallel turns · ${where} · serializer ${serialization}: ${figures.turns} turns at once, ${figures.counted} counted, ${figures.lost} lost`,
  );
}

/** One bot instance: without the serializer updates are lost, with it none. */
export function describeParallelTurns(backend: StorageBackend): void {
  describe(`${backend.name}: ${PARALLEL_TURNS} turns of one conversation at once`, () => {
    it('loses updates without the serializer (so this test can fail)', async () => {
      const opened = await backend.open();
      try {
        const figures = await runParallelTurns([opened.state], 'none');
        report(backend.name, 'none', figures);
        expect(figures.lost).toBeGreaterThan(0);
      } finally {
        await opened.close();
      }
    });

    it('loses none with the serializer', async () => {
      const opened = await backend.open();
      try {
        const figures = await runParallelTurns([opened.state], 'shared');
        report(backend.name, 'shared', figures);
        expect(figures).toEqual({ turns: PARALLEL_TURNS, counted: PARALLEL_TURNS, lost: 0 });
      } finally {
        await opened.close();
      }
    });
  });
}

/** Two bot instances over two storages on one database, turns alternating between them. */
export function describeParallelTurnsAcrossInstances(backend: Required<StorageBackend>): void {
  describe(`${backend.name}: ${PARALLEL_TURNS} turns of one conversation at once, alternating between two instances`, () => {
    const twoInstances = async (): Promise<OpenedState[]> => {
      const first = await backend.open();
      return [first, await backend.openAnother()];
    };

    it('loses updates with the in-process queue alone (so the shared lock is needed)', async () => {
      const instances = await twoInstances();
      const storages = instances.map((instance) => instance.state);
      try {
        const figures = await runParallelTurns(storages, 'in-process');
        report(`${backend.name}, 2 instances`, 'in-process', figures);
        expect(figures.lost).toBeGreaterThan(0);
      } finally {
        for (const instance of instances) await instance.close();
      }
    });

    it('loses none with the queue and the shared lock', async () => {
      const instances = await twoInstances();
      const storages = instances.map((instance) => instance.state);
      try {
        expect(storages.every((storage) => storage.sharedLock)).toBe(true);
        const figures = await runParallelTurns(storages, 'shared');
        report(`${backend.name}, 2 instances`, 'shared', figures);
        expect(figures).toEqual({ turns: PARALLEL_TURNS, counted: PARALLEL_TURNS, lost: 0 });
      } finally {
        for (const instance of instances) await instance.close();
      }
    });
  });
}
