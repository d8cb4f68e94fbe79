/**
 * PostgreSQL goes away in the middle of a conversation (the connection to it is cut): readiness turns red, a
 * message gets the polite localized apology instead of a crash, and nothing half-written remains; when the
 * database is back, readiness turns green and the conversation continues where it was, with no restart.
 */
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app';
import { readConfig } from '../../src/config/config';
import { t } from '../../src/i18n/strings';
import { messageActivity, post } from '../http/messageActivity';
import { FakeConnector } from '../support/fakeConnector';
import { useTestSchema } from '../support/postgres';
import { TcpProxy } from '../storage/tcpProxy';

const schema = useTestSchema('outage');
let proxy: TcpProxy;
let proxyPort: number;
let connector: FakeConnector;
let app: App;
let url: string;

beforeAll(async () => {
  const target = new URL(schema().url);
  proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  proxyPort = await proxy.start();
  target.host = `127.0.0.1:${proxyPort}`;
  connector = await new FakeConnector().start();
  app = await createApp(readConfig({ STORAGE_URL: target.toString(), RATE_LIMIT: 'off' }), pino({ level: 'silent' }));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.close();
  await connector?.stop();
  await proxy?.stop();
});

const conversation = { id: 'outage-conversation', conversationType: 'personal' };
const from = { id: 'outage-user', name: 'Partner' };

async function say(text: string): Promise<string> {
  const before = connector.activitiesOf(conversation.id).length;
  expect((await post(url, messageActivity(connector.serviceUrl, text, { conversation, from }))).status).toBe(200);
  const replies = await connector.waitFor(conversation.id, before + 1);
  return JSON.stringify(replies.at(-1));
}

async function readiness(): Promise<{ status: number; storage: unknown }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, storage: ((await response.json()) as { checks: { storage: unknown } }).checks.storage };
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('PostgreSQL unavailable mid-run', () => {
  it('goes red, apologises politely, and continues when the database is back', async () => {
    expect(await say('Azure says this Access ID is already associated to an account')).toContain(t('en', 'fact.membership.question'));

    await proxy.stop();
    await until(async () => (await readiness()).status === 503);
    expect((await readiness()).storage).toBe(false);
    const during = await say('gold');
    const apology = t('en', 'error.apology', { reference: '§' }).split('§')[0] ?? '';
    expect(during).toContain(apology.slice(0, 40));
    expect(during).not.toMatch(/ECONNREFUSED|Connection terminated|stack|Error:/);

    await proxy.start(proxyPort);
    await until(async () => (await readiness()).status === 200);
    // The membership question was still pending: nothing of the failed turn was written.
    expect(await say('gold')).toContain(t('en', 'fact.contractHistory.question'));
  }, 90_000);
});
