/**
 * `kill -9` in the middle of a conversation with SQLite: after a restart on the same file the conversation
 * continues where it was — the pending question is answered, the remembered fact is kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import { messageActivity, post } from '../http/messageActivity';
import { startBotProcess, type BotProcess } from '../instances/botProcess';
import { FakeConnector } from '../support/fakeConnector';

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
