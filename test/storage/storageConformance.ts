/**
 * What every Storage backend must do, run against each one (memory, SQLite, PostgreSQL). The first part ports
 * botbuilder's own storage base tests (botbuilder-js libraries/botbuilder-core/tests/storageBaseTests.js and
 * memoryStorage.test.js); the second holds what the bot relies on beyond them: the "eTag conflict" text, a
 * missing key created by a write with an eTag, a fresh eTag per write, non-ASCII and large values, idempotent
 * deletes, several keys written all or nothing, and one winner among concurrent writers with the same eTag.
 */
import {
  AutoSaveStateMiddleware,
  ConversationState,
  MessageFactory,
  TestAdapter,
  type StoreItem,
  type StoreItems,
} from 'botbuilder';
import { Dialog, DialogSet, TextPrompt, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotStorage } from '../../src/storage/botStorage';
import type { OpenedStorage } from '../../src/storage/openStorage';

/** A state store and the close() of the connection it was opened on (an OpenedStorage is one). */
export type OpenedState = Pick<OpenedStorage, 'state' | 'close'>;

export interface StorageBackend {
  name: string;
  /** A storage holding no items; called before each test. */
  open(): Promise<OpenedState>;
  /** Another handle on the data `open()` last returned (what a second process would open), where there is one. */
  openAnother?(): Promise<OpenedState>;
}

type Counted = StoreItem & { id?: number; count: number };

export function describeStorageConformance(backend: StorageBackend): void {
  describe(`${backend.name} storage conformance`, () => {
    let storage: BotStorage;
    const opened: OpenedState[] = [];

    beforeEach(async () => {
      const handle = await backend.open();
      opened.push(handle);
      storage = handle.state;
    });
    afterEach(async () => {
      for (const handle of opened.splice(0)) await handle.close();
    });

    const another = async (): Promise<BotStorage> => {
      if (!backend.openAnother) return storage;
      const handle = await backend.openAnother();
      opened.push(handle);
      return handle.state;
    };

    describe('botbuilder storage base tests', () => {
      it('returns an empty object when reading an unknown key', async () => {
        const result = await storage.read(['unknown']);
        expect(result).toEqual({});
      });

      it('rejects reading, writing and deleting without keys', async () => {
        await expect(storage.read(null as unknown as string[])).rejects.toThrow();
        await expect(storage.write(null as unknown as StoreItems)).rejects.toThrow();
        await expect(storage.delete(null as unknown as string[])).rejects.toThrow();
      });

      it('does not throw when writing, reading or deleting no items', async () => {
        await expect(storage.write({})).resolves.toBeUndefined();
        await expect(storage.read([])).resolves.toEqual({});
        await expect(storage.delete([])).resolves.toBeUndefined();
      });

      it('creates objects', async () => {
        await storage.write({ createPoco: { id: 1 }, createPocoStoreItem: { id: 2 } });
        const read = await storage.read(['createPoco', 'createPocoStoreItem']);
        expect(read.createPoco).toMatchObject({ id: 1 });
        expect(read.createPocoStoreItem).toMatchObject({ id: 2 });
        expect(typeof read.createPoco.eTag).toBe('string');
        expect(read.createPoco.eTag).not.toBe('');
        expect(typeof read.createPocoStoreItem.eTag).toBe('string');
      });

      it('handles crazy keys', async () => {
        const keys = [
          '!@#$%^&*()~/\\><,.?\';"`~',
          '!@#$%^&*()_+??><":QASD~`',
          'msteams/conversations/19:abc@thread.tacv2;messageid=1700000000000',
        ];
        await storage.write(Object.fromEntries(keys.map((key, i) => [key, { id: i + 1 }])));
        const read = await storage.read(keys);
        keys.forEach((key, i) => {
          expect(read[key]).toMatchObject({ id: i + 1 });
          expect(read[key].eTag).toBeTruthy();
        });
      });

      it('updates objects: a stale eTag fails, no eTag or the wildcard overwrites', async () => {
        await storage.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });
        const loaded = await storage.read(['pocoItem', 'pocoStoreItem']);
        const pocoItem = loaded.pocoItem as Counted;
        delete pocoItem.eTag; // an item that does not track its eTag
        const pocoStoreItem = loaded.pocoStoreItem as Counted;
        expect(pocoStoreItem.eTag).toBeTruthy();

        pocoItem.count++;
        pocoStoreItem.count++;
        await storage.write(loaded);
        const reloaded = await storage.read(['pocoItem', 'pocoStoreItem']);
        expect(reloaded.pocoItem.eTag).toBeTruthy();
        expect(reloaded.pocoStoreItem.eTag).not.toBe(pocoStoreItem.eTag);
        expect(reloaded.pocoItem.count).toBe(2);
        expect(reloaded.pocoStoreItem.count).toBe(2);

        pocoItem.count = 123;
        await expect(storage.write({ pocoItem })).resolves.toBeUndefined();
        pocoStoreItem.count = 123;
        await expect(storage.write({ pocoStoreItem })).rejects.toThrow();

        const afterConflict = await storage.read(['pocoItem', 'pocoStoreItem']);
        expect(afterConflict.pocoItem.count).toBe(123);
        expect(afterConflict.pocoStoreItem.count).toBe(2);

        await storage.write({
          pocoItem: { ...afterConflict.pocoItem, eTag: undefined, count: 100 },
          pocoStoreItem: { ...afterConflict.pocoStoreItem, eTag: '*', count: 100 },
        });
        const final = await storage.read(['pocoItem', 'pocoStoreItem']);
        expect(final.pocoItem.count).toBe(100);
        expect(final.pocoStoreItem.count).toBe(100);
      });

      it('deletes an object', async () => {
        await storage.write({ delete1: { id: 1, count: 1 } });
        const read = await storage.read(['delete1']);
        expect(read.delete1).toMatchObject({ count: 1 });
        expect(read.delete1.eTag).toBeTruthy();
        await storage.delete(['delete1']);
        expect((await storage.read(['delete1'])).delete1).toBeUndefined();
      });

      it('does not throw when deleting an unknown object', async () => {
        await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
      });

      it('performs batch operations', async () => {
        await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
        const read = await storage.read(['batch1', 'batch2', 'batch3']);
        for (const key of ['batch1', 'batch2', 'batch3']) {
          expect(read[key].count).toBeGreaterThan(0);
          expect(read[key].eTag).toBeTruthy();
        }
        await storage.delete(['batch1', 'batch2', 'batch3']);
        expect(await storage.read(['batch1', 'batch2', 'batch3'])).toEqual({});
      });

      it('writes twice with the wildcard eTag', async () => {
        await storage.write({ keyUpdate3: { count: 1 } });
        const item = (await storage.read(['keyUpdate3'])).keyUpdate3 as Counted;
        await storage.write({ keyUpdate3: { ...item, eTag: '*', count: 2 } });
        await expect(storage.write({ keyUpdate3: { ...item, eTag: '*', count: 3 } })).resolves.toBeUndefined();
        expect((await storage.read(['keyUpdate3'])).keyUpdate3.count).toBe(3);
      });

      it('proceeds through a waterfall dialog', async () => {
        const conversationState = new ConversationState(storage);
        const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
        dialogs.add(
          new TextPrompt('textPrompt', async (prompt) => {
            if ((prompt.recognized.value ?? '').length > 3) {
              await prompt.context.sendActivity(`You got it at the ${prompt.attemptCount}th try!`);
              return true;
            }
            await prompt.context.sendActivity(
              `Please send a name that is longer than 3 characters. ${prompt.attemptCount}`,
            );
            return false;
          }),
        );
        dialogs.add(
          new WaterfallDialog('waterfallDialog', [
            async (step) => {
              expect(typeof step.activeDialog?.state['stepIndex']).toBe('number');
              await step.context.sendActivity('step1');
              return Dialog.EndOfTurn;
            },
            async (step) => step.prompt('textPrompt', { prompt: MessageFactory.text('Please type your name.') }),
            async (step) => {
              await step.context.sendActivity('step3');
              return Dialog.EndOfTurn;
            },
          ]),
        );
        const adapter = new TestAdapter(async (context) => {
          const dc = await dialogs.createContext(context);
          await dc.continueDialog();
          if (!context.responded) await dc.beginDialog('waterfallDialog');
        }).use(new AutoSaveStateMiddleware(conversationState));

        await adapter
          .send('hello')
          .assertReply('step1')
          .send('hello')
          .assertReply('Please type your name.')
          .send('hi')
          .assertReply('Please send a name that is longer than 3 characters. 1')
          .send('hi')
          .assertReply('Please send a name that is longer than 3 characters. 2')
          .send('hi')
          .assertReply('Please send a name that is longer than 3 characters. 3')
          .send('Kyle')
          .assertReply('You got it at the 4th try!')
          .assertReply('step3')
          .startTest();
      });
    });

    describe('what the bot relies on', () => {
      it('fails a write with a stale eTag with an error that says "eTag conflict", and keeps what is stored', async () => {
        await storage.write({ sso: { count: 1 } });
        const first = (await storage.read(['sso'])).sso as Counted;
        await storage.write({ sso: { ...first, count: 2 } });
        const error = await storage.write({ sso: { ...first, count: 3 } }).then(
          () => undefined,
          (reason: unknown) => reason,
        );
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toContain('eTag conflict');
        expect((error as Error).message).toContain('sso');
        expect((await storage.read(['sso'])).sso.count).toBe(2);
      });

      it("overwrites with '*' or without an eTag, whatever eTag is stored", async () => {
        await storage.write({ state: { count: 1 } });
        await storage.write({ state: { count: 2, eTag: '*' } });
        expect((await storage.read(['state'])).state.count).toBe(2);
        await storage.write({ state: { count: 3 } });
        expect((await storage.read(['state'])).state.count).toBe(3);
        await storage.write({ state: { count: 4, eTag: '' } });
        expect((await storage.read(['state'])).state.count).toBe(4);
      });

      it('creates a missing key written with an eTag', async () => {
        await storage.write({ fresh: { count: 1, eTag: 'an-etag-from-elsewhere' } });
        const read = (await storage.read(['fresh'])).fresh;
        expect(read.count).toBe(1);
        expect(read.eTag).not.toBe('an-etag-from-elsewhere');
      });

      it('gives every write a fresh eTag', async () => {
        const eTags = new Set<string>();
        for (let count = 0; count < 10; count++) {
          await storage.write({ counter: { count }, other: { count } });
          const read = await storage.read(['counter', 'other']);
          eTags.add(read.counter.eTag as string);
          eTags.add(read.other.eTag as string);
        }
        expect(eTags.size).toBe(20);
      });

      it('does not keep the eTag inside the value and does not change the object it writes', async () => {
        const item = { count: 1, eTag: '*', nested: { list: [1, 2] } };
        const snapshot = structuredClone(item);
        await storage.write({ item });
        expect(item).toEqual(snapshot);
        const read = (await storage.read(['item'])).item;
        expect(Object.keys(read).filter((key) => key === 'eTag')).toHaveLength(1);
        expect(read.eTag).not.toBe('*');
      });

      it('gives a reader a copy: changing it does not change what is stored', async () => {
        await storage.write({ copy: { count: 1, list: ['a'] } });
        const read = (await storage.read(['copy'])).copy as { count: number; list: string[] };
        read.count = 99;
        read.list.push('b');
        expect((await storage.read(['copy'])).copy).toMatchObject({ count: 1, list: ['a'] });
      });

      it('reads only the keys that exist among those asked', async () => {
        await storage.write({ a: { count: 1 }, b: { count: 2 } });
        const read = await storage.read(['a', 'missing', 'b']);
        expect(Object.keys(read).sort()).toEqual(['a', 'b']);
      });

      it('round-trips JSON values of every type', async () => {
        const value = {
          text: '',
          integer: Number.MAX_SAFE_INTEGER,
          negative: -42,
          fraction: 0.1 + 0.2,
          tiny: 5e-324,
          yes: true,
          no: false,
          nothing: null,
          list: [1, 'two', { three: [3] }, [], {}],
          nested: { deeper: { deepest: { leaf: 'ok' } } },
        };
        await storage.write({ types: value });
        const { eTag, ...read } = (await storage.read(['types'])).types;
        expect(eTag).toBeTruthy();
        expect(read).toEqual(value);
      });

      it('round-trips non-ASCII text in values and keys', async () => {
        const texts = {
          ru: 'Где посмотреть Access ID? Ёлка, йогурт',
          pt: 'Não consigo ativar os benefícios de suporte técnico',
          fr: 'Où trouver l’ID d’accès ? « Éléphant » œuvre',
          emoji: '👩🏽‍💻 🇧🇷 🎉',
          cjk: '技術サポート 技术支持 기술 지원',
          rtl: 'الدعم الفني עברית',
          combining: 'e\u0301 a\u0308 \u2028 \u2029 \u200b \ufeff',
          escapes: 'quote " backslash \\ tab \t newline \n unicode escape \\u0000 as text',
        };
        const keys = ['user/Жанна', 'conversation/joão', 'clé/ünïcödé/👍'];
        await storage.write(Object.fromEntries(keys.map((key) => [key, { texts, [texts.ru]: texts.emoji }])));
        const read = await storage.read(keys);
        for (const key of keys) expect(read[key]).toMatchObject({ texts, [texts.ru]: texts.emoji });
      });

      it('writes a NUL and half a surrogate pair in values and keys without failing, keeping the rest of the text', async () => {
        // What a user types (NUL), or a cut through an emoji leaves; PostgreSQL's jsonb refused both.
        const value = { text: 'a\u0000b \uD800c \uDFFFd 😀', cut: '😀'.slice(0, 1), ['key\u0000\uDC00']: 'x' };
        await storage.write({ 'conversation/ill-formed': value });
        const read = (await storage.read(['conversation/ill-formed']))['conversation/ill-formed'] as Record<
          string,
          string
        >;
        // Kept as given (memory, SQLite), or dropped alone (PostgreSQL): never anything else.
        expect([value.text, 'ab c d 😀']).toContain(read.text);
        expect([value.cut, '']).toContain(read.cut);
        expect([read['key\u0000\uDC00'], read.key]).toContain('x');
      });

      it('round-trips a large value', async () => {
        const big = {
          transcript: 'Подробный ответ партнёру — réponse détaillée — 🧾 '.repeat(60_000),
          turns: Array.from({ length: 20_000 }, (_, i) => ({
            i,
            text: `message ${i}`,
            at: new Date(1_700_000_000_000 + i).toISOString(),
          })),
        };
        await storage.write({ big });
        const { eTag, ...read } = (await storage.read(['big'])).big;
        expect(eTag).toBeTruthy();
        expect(read.transcript.length).toBe(big.transcript.length);
        expect(read).toEqual(big);
      });

      it('deletes idempotently', async () => {
        await storage.write({ gone: { count: 1 }, kept: { count: 2 } });
        await storage.delete(['gone']);
        await expect(storage.delete(['gone'])).resolves.toBeUndefined();
        await expect(storage.delete(['gone', 'never-was'])).resolves.toBeUndefined();
        expect(await storage.read(['gone', 'kept'])).toEqual({ kept: expect.objectContaining({ count: 2 }) });
        await storage.write({ gone: { count: 3, eTag: 'stale-from-before-the-delete' } });
        expect((await storage.read(['gone'])).gone.count).toBe(3);
      });

      it('writes several keys all or nothing: one stale eTag and none is written', async () => {
        await storage.write({ current: { count: 1 }, stale: { count: 1 } });
        const read = await storage.read(['current', 'stale']);
        await storage.write({ stale: { ...read.stale, count: 2 } });
        const batch = {
          aNewKey: { count: 1 },
          current: { ...read.current, count: 10 },
          stale: { ...read.stale, count: 10 },
          zLastKey: { count: 1 },
        };
        await expect(storage.write(batch)).rejects.toThrow(/eTag conflict/);
        const after = await storage.read(['aNewKey', 'current', 'stale', 'zLastKey']);
        expect(Object.keys(after).sort()).toEqual(['current', 'stale']);
        expect(after.current.count).toBe(1);
        expect(after.current.eTag).toBe(read.current.eTag);
        expect(after.stale.count).toBe(2);
      });

      it('lets exactly one of many concurrent writers with the same eTag win', async () => {
        await storage.write({ contested: { count: 0 } });
        const handles = [storage, await another()];
        const { eTag } = (await storage.read(['contested'])).contested;
        const writers = Array.from({ length: 24 }, (_, i) =>
          (handles[i % 2] as BotStorage).write({ contested: { count: i + 1, eTag } }),
        );
        const results = await Promise.allSettled(writers);
        const won = results.filter((result) => result.status === 'fulfilled');
        const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
        expect(won).toHaveLength(1);
        for (const { reason } of lost) expect(String((reason as Error).message)).toContain('eTag conflict');
        const winner = results.indexOf(won[0] as PromiseFulfilledResult<void>) + 1;
        expect((await storage.read(['contested'])).contested.count).toBe(winner);
      });

      it('is ready while it answers', async () => {
        await expect(storage.isReady()).resolves.toBe(true);
      });
    });
  });
}
