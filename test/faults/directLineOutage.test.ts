/**
 * A Direct Line post while PostgreSQL is down (the connection cut at a TCP proxy; the database server keeps
 * running), through a real server on loopback: the post is answered 503 with Retry-After and a plain message in
 * the user's language (no exception text, no reference to look up), nothing of it is stored; once the database
 * is back, the client posts the same activity again (same clientActivityID, as Web Chat's retry does) and gets
 * it stored once and answered once — and a third post of it (a client that never saw the 200) changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import { useTestSchema } from '../support/postgres';
import { HARNESS_DIRECTLINE_SECRET, request, startHarness, type Harness } from '../robustness/support/appHarness';
import { EXCEPTION_TEXT } from '../robustness/support/properties';
import {
  getActivities,
  newConversation,
  postActivity,
  userMessage,
  type WireActivity,
} from '../directline/directLineClient';
import { TcpProxy } from '../storage/tcpProxy';

const schema = useTestSchema('dloutage');
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

const ready = async () => (await request(harness.url, '/readyz')).status;

describe('Direct Line while the storage is down', () => {
  it('answers 503 with Retry-After, and the same activity posted again once it is back is stored and answered once', async () => {
    const { conversationId, token } = await newConversation(harness.url, HARNESS_DIRECTLINE_SECRET);
    expect(
      (await postActivity(harness.url, conversationId, token, userMessage('hello', { locale: 'fr-FR' }))).status,
    ).toBe(200);

    await proxy.stop();
    await expect.poll(ready, { timeout: 20_000 }).toBe(503);
    const question = userMessage("Comment activer les avantages d'assistance ?", { locale: 'fr-FR' });
    const refused = await postActivity(harness.url, conversationId, token, question);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body).toEqual({
      error: { code: 'ServiceUnavailable', message: t('fr', 'error.storage_unavailable') },
    });
    expect(EXCEPTION_TEXT.test(JSON.stringify(refused.body))).toBe(false);

    await proxy.start(proxyPort);
    await expect.poll(ready, { timeout: 20_000 }).toBe(200);
    const accepted = await postActivity(harness.url, conversationId, token, question);
    expect(accepted.status).toBe(200);
    const again = await postActivity(harness.url, conversationId, token, question);
    expect(again).toMatchObject({ status: 200, body: { id: accepted.body.id } });

    const { body } = await getActivities(harness.url, conversationId, token);
    const clientId = (question.channelData as { clientActivityID: string }).clientActivityID;
    const posted = body.activities.filter((activity) => activity.channelData?.clientActivityID === clientId);
    expect(posted.map((activity) => activity.id)).toEqual([accepted.body.id]);
    const replies = (activities: WireActivity[]) =>
      activities.filter((activity) => activity.replyToId === accepted.body.id);
    expect(replies(body.activities).length).toBeGreaterThan(0);
    // One answer: as many replies as the same question gets in a conversation without an outage.
    const fresh = await newConversation(harness.url, HARNESS_DIRECTLINE_SECRET);
    const control = await postActivity(
      harness.url,
      fresh.conversationId,
      fresh.token,
      userMessage(question.text as string, { locale: 'fr-FR' }),
    );
    const controlActivities = (await getActivities(harness.url, fresh.conversationId, fresh.token)).body.activities;
    expect(replies(body.activities)).toHaveLength(
      controlActivities.filter((activity) => activity.replyToId === control.body.id).length,
    );
  }, 90_000);
});
