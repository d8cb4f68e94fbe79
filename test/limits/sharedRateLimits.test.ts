/**
 * The one rate limiter, as clients meet it through real servers on loopback: two app instances on one
 * PostgreSQL allow a client address its burst once between them (it used to be once per instance), and
 * RATE_LIMIT=off reaches the Direct Line activities too (it used to stop at the public routes).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HARNESS_DIRECTLINE_SECRET, startHarness, type Harness } from '../robustness/support/appHarness';
import { rawRequest } from '../support/rawHttp';
import { newConversation, postActivity, userMessage } from '../directline/directLineClient';
import { useTestSchema } from '../support/postgres';

const schema = useTestSchema('sharedlimits');
const running: Harness[] = [];
afterEach(async () => {
  for (const harness of running.splice(0)) await harness.close();
});

async function start(env: NodeJS.ProcessEnv, storage?: 'memory'): Promise<Harness> {
  const harness = await startHarness({ env, ...(storage ? { storage } : {}) });
  running.push(harness);
  return harness;
}

describe('two instances on one PostgreSQL', () => {
  it('allow a client address its burst once between them', async () => {
    // A rate so slow that nothing refills during the test: the burst is all there is.
    const env = {
      STORAGE_URL: schema().url,
      RATE_LIMIT: 'on',
      RATE_LIMIT_IP_PER_SECOND: '0.001',
      RATE_LIMIT_IP_BURST: '4',
    };
    const instances = [await start(env), await start(env)];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const instance = instances[i % 2] as Harness;
      statuses.push(
        (await rawRequest(instance.url, { method: 'POST', path: '/api/webchat/token', localAddress: '127.0.0.3' }))
          .status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
    // Another client address has a bucket of its own.
    expect(
      (await rawRequest(instances[1]!.url, { method: 'POST', path: '/api/webchat/token', localAddress: '127.0.0.4' }))
        .status,
    ).toBe(200);
  });
});

describe('Direct Line activities per token', () => {
  const env = { DIRECTLINE_RATE_PER_SECOND: '0.001', DIRECTLINE_RATE_BURST: '1' };
  const postThree = async (harness: Harness): Promise<number[]> => {
    const conversation = await newConversation(harness.url, HARNESS_DIRECTLINE_SECRET);
    const statuses: number[] = [];
    for (const text of ['hello', 'what is the access id?', 'thanks'])
      statuses.push(
        (await postActivity(harness.url, conversation.conversationId, conversation.token, userMessage(text))).status,
      );
    return statuses;
  };

  it('are limited with RATE_LIMIT=on', async () => {
    expect(await postThree(await start({ ...env, RATE_LIMIT: 'on' }, 'memory'))).toEqual([200, 429, 429]);
  });

  it('are not limited with RATE_LIMIT=off', async () => {
    expect(await postThree(await start({ ...env, RATE_LIMIT: 'off' }, 'memory'))).toEqual([200, 200, 200]);
  });
});
