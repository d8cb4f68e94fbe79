/**
 * An activity stored before its turn failed on a storage outage (the bot's state could not be read): the post
 * is answered 503, and the same activity posted again (same clientActivityID) once the storage is back is not
 * stored a second time; its turn runs on the stored activity and the bot answers it once. A post of an activity
 * the bot already answered is answered with its id at once, without another turn. Here the outage is the bot's
 * (a turn that fails while readiness says the storage is down); the real one is in test/faults/directLineOutage.
 * A post sent again while the first post's turn still runs waits for that turn: one turn, one answer, one id.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ActivityHandler } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryDirectLineStore } from '../../src/directline/store/memoryDirectLineStore';
import { startDirectLineServer, TEST_SECRET, type DirectLineServer } from '../support/directLineServer';
import { getActivities, newConversation, postActivity, userMessage } from './directLineClient';

let server: DirectLineServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers "answer: <text>"; while `down`, a turn fails as one does when the state cannot be read. */
class StateBot extends ActivityHandler {
  down = false;
  turns = 0;
  /** While set, a turn waits for it before answering (a slow turn). */
  gate: Promise<void> | undefined;

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      this.turns++;
      await this.gate;
      if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      await context.sendActivity(`answer: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

describe('a Direct Line activity posted again after a storage outage', () => {
  it('is stored once, and its turn runs again until the bot has answered it once', async () => {
    const bot = new StateBot();
    const apologies: string[] = [];
    server = await startDirectLineServer({
      bot,
      storageReady: async () => !bot.down,
      onTurnError: async (context) => void apologies.push(String(context.activity.text)),
    });
    const { conversationId, token } = await newConversation(server.url, TEST_SECRET);
    const question = userMessage('how do I activate my benefits?', { locale: 'pt-BR' });

    bot.down = true;
    const refused = await postActivity(server.url, conversationId, token, question);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((refused.body as unknown as { error: { code: string } }).error.code).toBe('ServiceUnavailable');
    expect(apologies).toEqual([]);

    bot.down = false;
    const accepted = await postActivity(server.url, conversationId, token, question);
    expect(accepted.status).toBe(200);
    const again = await postActivity(server.url, conversationId, token, question);
    expect(again).toMatchObject({ status: 200, body: { id: accepted.body.id } });
    expect(bot.turns).toBe(2);

    const { body } = await getActivities(server.url, conversationId, token);
    expect(body.activities.map((activity) => [activity.from.role === 'bot' ? 'bot' : 'user', activity.text])).toEqual([
      ['user', 'how do I activate my benefits?'],
      ['bot', 'answer: how do I activate my benefits?'],
    ]);
    expect(body.activities[1]?.replyToId).toBe(accepted.body.id);
  });

  it('posted again while its first turn still runs, shares that turn and its answer', async () => {
    const bot = new StateBot();
    let open = () => {};
    bot.gate = new Promise<void>((resolve) => (open = resolve));
    const store = new MemoryDirectLineStore();
    let conversationReads = 0;
    const getConversation = store.getConversation.bind(store);
    store.getConversation = (id) => (conversationReads++, getConversation(id));
    server = await startDirectLineServer({ bot, storageReady: async () => true, store });
    const { conversationId, token } = await newConversation(server.url, TEST_SECRET);
    const question = userMessage('combien d’incidents me reste-t-il ?', { locale: 'fr-FR' });

    const readsBefore = conversationReads;
    const first = postActivity(server.url, conversationId, token, question);
    await expect.poll(() => bot.turns).toBe(1);
    const retried = postActivity(server.url, conversationId, token, question);
    // The retry has reached the server; the first turn is held until the retry started a turn of its own (the bug)
    // or has had half a second to do so.
    await expect.poll(() => conversationReads).toBe(readsBefore + 2);
    for (let waited = 0; bot.turns < 2 && waited < 500; waited += 10) await sleep(10);
    open();
    const [a, b] = await Promise.all([first, retried]);

    expect(a.status).toBe(200);
    expect(b).toMatchObject({ status: 200, body: { id: a.body.id } });
    expect(bot.turns).toBe(1);
    const { body } = await getActivities(server.url, conversationId, token);
    expect(body.activities.map((activity) => activity.from.role === 'bot')).toEqual([false, true]);
  });
});
