/**
 * `kill -9` in the middle of a conversation with SQLite: after a restart on the same file the conversation
 * continues where it was — the pending question is answered, the remembered fact is kept. Killed while a turn
 * is on its way (at several moments), the file still passes SQLite's integrity check, every stored value
 * parses, the remembered fact is there, and the conversation goes on from the state before or after that turn.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import { messageActivity, post } from '../http/messageActivity';
import { startBotProcess, type BotProcess } from '../instances/botProcess';
import { FakeConnector } from '../support/fakeConnector';
import { asksFor, TeamsChat } from '../robustness/support/teamsChat';

const folder = mkdtempSync(join(tmpdir(), 'mpn-kill9-'));
const env = { STORAGE_URL: `sqlite:${join(folder, 'bot.db')}`, RATE_LIMIT: 'off' };
let connector: FakeConnector;
let bot: BotProcess | undefined;

beforeAll(async () => {
  connector = await new FakeConnector().start();
});

afterAll(async () => {
  await bot?.stop();
  await connector.stop();
  rmSync(folder, { recursive: true, force: true });
});

const conversation = { id: 'kill-nine-conversation', conversationType: 'personal' };
const from = { id: 'kill-nine-user', name: 'Partner' };

async function say(text: string): Promise<Record<string, unknown>> {
  const before = connector.activitiesOf(conversation.id).length;
  const response = await post(bot!.url, messageActivity(connector.serviceUrl, text, { conversation, from }));
  expect(response.status, bot!.output()).toBe(200);
  const replies = await connector.waitFor(conversation.id, before + 1);
  return replies.at(-1) as Record<string, unknown>;
}

const cardText = (activity: Record<string, unknown>) => JSON.stringify(activity.attachments ?? activity.text);

describe('kill -9 with SQLite', () => {
  it('continues the conversation after a restart on the same file', async () => {
    bot = await startBotProcess('before', env);
    const asked = await say('Azure says this Access ID is already associated to an account');
    expect(cardText(asked)).toContain(t('en', 'fact.membership.question'));
    const next = await say('gold');
    expect(cardText(next)).toContain(t('en', 'fact.contractHistory.question'));

    await bot.kill();
    bot = await startBotProcess('after', env);

    const answer = await say('we had added the contract before');
    const text = cardText(answer);
    expect(text).toContain(t('en', 'outcome.access_id_already_associated.scenario_1_already_linked'));
    expect(text).toContain(t('en', 'fact.membership.gold'));
  }, 120_000);
});

describe('kill -9 while a turn is on its way', () => {
  it('leaves a file that opens, passes the integrity check and continues the conversation', async () => {
    const file = join(folder, 'in-flight.db');
    const chatOn = (running: BotProcess) =>
      new TeamsChat({ url: running.url, connector, conversationId: 'a:in-flight', userId: '29:in-flight' });
    await bot?.stop();
    bot = await startBotProcess('first', { STORAGE_URL: `sqlite:${file}`, RATE_LIMIT: 'off' });
    expect(
      asksFor(
        (await chatOn(bot).say('Azure says this Access ID is already associated to an account')).replies,
        'membership',
      ),
    ).toBe(true);
    expect(
      asksFor(
        (
          await chatOn(bot).submit({
            action: 'fact',
            fact: 'membership',
            value: 'gold',
            intent: 'access_id_already_associated',
          })
        ).replies,
        'contractHistory',
      ),
    ).toBe(true);

    // Killed 0, 2, 5 and 15 ms after a turn was sent: before it, during it, or after it.
    for (const [round, delayMs] of [0, 2, 5, 15].entries()) {
      const inFlight = chatOn(bot)
        .say('how many incidents does a Gold partner get?')
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await bot.kill();
      await inFlight;

      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM state').all();
        for (const row of rows) expect(() => JSON.parse(row.value), `round ${round}: ${row.key}`).not.toThrow();
        const profile = rows.find((row) => row.key.includes('29:in-flight'));
        expect(JSON.parse(String(profile?.value)).profile.facts, `round ${round}`).toMatchObject({
          membership: 'gold',
        });
      } finally {
        db.close();
      }

      bot = await startBotProcess(`after kill ${round + 1}`, { STORAGE_URL: `sqlite:${file}`, RATE_LIMIT: 'off' });
      const next = await chatOn(bot).say('how many incidents does a Gold partner get?');
      expect(next.status, bot.output()).toBe(200);
      expect(next.replies.length, `round ${round}: answered`).toBeGreaterThan(0);
      expect(asksFor(next.replies, 'membership'), `round ${round}: the membership is remembered`).toBe(false);
    }
  }, 180_000);
});
