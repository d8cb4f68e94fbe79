/**
 * PostgreSQL goes away in the middle of a conversation (the connection to it is cut at a TCP proxy; the shared
 * database server keeps running): readiness turns red with storage false, a message gets the polite "try again
 * in a minute" in the user's language instead of a crash or the generic apology, the stored state is not touched
 * (rows compared directly in the database, value and eTag), and the outage shows in bot_storage_errors_total;
 * when the database is back, readiness turns green and the conversation continues where it was — the pending
 * question answered, the remembered fact used — with no restart.
 */
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import { useTestSchema } from '../support/postgres';
import { request, startHarness, type Harness } from '../robustness/support/appHarness';
import { EXCEPTION_TEXT } from '../robustness/support/properties';
import { asksFor, TeamsChat, type Reply } from '../robustness/support/teamsChat';
import { TcpProxy } from '../storage/tcpProxy';

const schema = useTestSchema('outage');
let proxy: TcpProxy;
let proxyPort: number;
let harness: Harness;

beforeAll(async () => {
  const target = new URL(schema().url);
  proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  proxyPort = await proxy.start();
  target.host = `127.0.0.1:${proxyPort}`;
  harness = await startHarness({ storage: 'memory', env: { STORAGE_URL: target.toString() } });
});

afterAll(async () => {
  await harness?.close();
  await proxy?.stop();
});

async function readiness(): Promise<{ status: number; storage: unknown }> {
  const response = await request(harness.url, '/readyz');
  return {
    status: response.status,
    storage: (JSON.parse(response.text) as { checks: { storage: unknown } }).checks.storage,
  };
}

/** Every row of the state table, read past the proxy: what is stored, value and eTag. */
async function storedState(): Promise<{ key: string; value: unknown; etag: string }[]> {
  const client = new Client({ connectionString: schema().url });
  await client.connect();
  try {
    return (
      await client.query<{ key: string; value: unknown; etag: string }>(
        'SELECT key, value, etag FROM state ORDER BY key',
      )
    ).rows;
  } finally {
    await client.end();
  }
}

async function storageErrors(): Promise<number> {
  const text = (await request(harness.url, '/metrics')).text;
  return [...text.matchAll(/^bot_storage_errors_total\{[^}]*\} (\d+)/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

const texts = (replies: readonly Reply[]) => replies.map((reply) => reply.text);

describe('PostgreSQL unavailable mid-run', () => {
  it("goes red, asks to try again in the user's language, writes nothing, and continues when the database is back", async () => {
    const english = new TeamsChat({ url: harness.url, connector: harness.connector, locale: 'en-US' });
    const russian = new TeamsChat({ url: harness.url, connector: harness.connector, locale: 'ru-RU' });
    expect(
      asksFor(
        (await english.say('Azure says this Access ID is already associated to an account')).replies,
        'membership',
      ),
    ).toBe(true);
    expect(
      asksFor(
        (
          await russian.say(
            'В портале Azure ошибка «Этот идентификатор доступа уже связан с учетной записью», что делать?',
          )
        ).replies,
        'membership',
      ),
    ).toBe(true);
    expect(
      asksFor((await russian.press({ action: 'fact', fact: 'membership', value: 'gold' })).replies, 'contractHistory'),
    ).toBe(true);
    expect((await readiness()).status).toBe(200);
    const before = await storedState();
    const errorsBefore = await storageErrors();

    await proxy.stop();
    await expect.poll(readiness, { timeout: 20_000 }).toEqual({ status: 503, storage: false });

    // A typed answer and a clicked one: each gets the polite "try again", in its language, and nothing else.
    const typed = await english.say('gold');
    expect(typed.status).toBe(200);
    expect(texts(typed.replies)).toEqual([t('en', 'error.storage_unavailable')]);
    const clicked = await russian.press({ action: 'fact', fact: 'contractHistory', value: 'linked_before' });
    expect(clicked.status).toBe(200);
    expect(texts(clicked.replies)).toEqual([t('ru', 'error.storage_unavailable')]);
    for (const reply of [...typed.replies, ...clicked.replies])
      expect(EXCEPTION_TEXT.test(JSON.stringify(reply))).toBe(false);
    expect(await storageErrors(), 'the outage shows in bot_storage_errors_total').toBeGreaterThan(errorsBefore);
    const failures = harness.logs.entries().filter((entry) => entry.msg === 'turn failed');
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures.every((entry) => entry.storageDown === true)).toBe(true);

    await proxy.start(proxyPort);
    await expect.poll(readiness, { timeout: 20_000 }).toEqual({ status: 200, storage: true });
    // Nothing of the failed turns was written, and nothing was cleared.
    expect(await storedState()).toEqual(before);

    // Both conversations continue where they were, without a restart.
    expect(asksFor((await english.say('gold')).replies, 'contractHistory')).toBe(true);
    const answered = await russian.press({ action: 'fact', fact: 'contractHistory', value: 'linked_before' });
    expect(asksFor(answered.replies, 'membership')).toBe(false);
    expect(answered.replies.some((reply) => reply.attachments?.length)).toBe(true);
    const [card] = answered.replies.flatMap((reply) => reply.attachments ?? []);
    expect(JSON.stringify(card?.content)).toContain(t('ru', 'fact.membership.gold'));
    const profile = (await storedState()).find((row) => row.key.includes(russian.userId));
    expect((profile?.value as { profile: { facts: unknown } }).profile.facts).toMatchObject({
      membership: 'gold',
      contractHistory: 'linked_before',
    });
  }, 90_000);
});
