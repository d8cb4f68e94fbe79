/**
 * POST /api/messages in anonymous development mode, fed arbitrary activities (any field missing, of the wrong
 * type or strange; texts in every script and shape; card submits of any shape, deep, huge or
 * prototype-pollution-looking) and bodies that are not activities at all. Properties: no 5xx for a client's
 * mistake (501 only for an invoke the bot does not handle, the Bot Framework's own answer), no exception text
 * in a response or a reply, no reply over 80 KB of content, no turn that fails, the process answers /healthz
 * after each request, nothing lands on Object.prototype, and the stored state stays readable: conversations
 * that got garbage still answer a normal question, and a conversation that got none still has its pending
 * question and its remembered facts. FC_SEED and FC_RUNS change the seed and the number of runs.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OUTGOING_BYTES } from '../../src/bot/send';
import { activityArb, nonActivityBodyArb, runs } from './support/arbitraries';
import { postJson, request, startHarness, type Harness } from './support/appHarness';
import { errorsSince, EXCEPTION_TEXT, expectClientAnswer, expectNoPrototypePollution } from './support/properties';
import { asksFor, TeamsChat } from './support/teamsChat';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

const ACCESS_ID_QUESTION = 'Azure keeps telling me the Access ID is already associated to an account, what do I do';
const NORMAL_QUESTION = 'how many incidents does a Gold partner get?';

/** The conversations and users the garbage goes to, so that it piles up on the same stored state. */
const SHARED_CONVERSATIONS = ['a:fuzz-1', 'a:fuzz-2', '19:fuzz-channel@thread.tacv2', 'a:fuzz-3'];
const SHARED_USERS = ['29:fuzz-user-1', '29:fuzz-user-2'];

async function expectHealthy(context: string): Promise<void> {
  const health = await request(harness.url, '/healthz');
  expect(health.status, `${context}: /healthz`).toBe(200);
}

describe('POST /api/messages with arbitrary input', () => {
  it('answers arbitrary activities without a server error, exception text or a failed turn, and keeps serving', async () => {
    // A conversation the garbage never touches: a pending question and a remembered fact.
    const bystander = new TeamsChat({ url: harness.url, connector: harness.connector });
    expect(asksFor((await bystander.say(ACCESS_ID_QUESTION)).replies, 'membership')).toBe(true);
    expect(
      asksFor(
        (await bystander.press({ action: 'fact', fact: 'membership', value: 'gold' })).replies,
        'contractHistory',
      ),
    ).toBe(true);

    const serviceUrl = harness.connector.serviceUrl;
    const arbitrary = fc.tuple(
      activityArb(serviceUrl),
      fc.nat(9),
      fc.constantFrom(...SHARED_CONVERSATIONS),
      fc.constantFrom(...SHARED_USERS),
      fc.nat(5),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([random, shared, conversationId, userId, poison]) => {
        // Most activities go to a few shared conversations, as one user's garbage would.
        const activity =
          shared < 7
            ? {
                ...random,
                conversation: { id: conversationId, conversationType: 'personal' },
                from: { id: userId, name: 'Fuzz' },
              }
            : random;
        const json = JSON.stringify(activity);
        const body =
          poison === 0
            ? `{"__proto__":{"polluted":"yes","type":"message"},"constructor":{"prototype":{"polluted":"yes"}},${json.slice(1)}`
            : json;
        const before = harness.logs.lines.length;
        const received = harness.connector.received.length;
        const response = await postJson(harness.url, '/api/messages', body);
        const context = `activity ${body.slice(0, 400)}`;
        expectClientAnswer(response, context, { allowNotImplemented: activity.type === 'invoke' });
        for (const { activity: reply } of harness.connector.received.slice(received)) {
          expect(
            EXCEPTION_TEXT.test(JSON.stringify(reply)),
            `${context}: a reply carries exception text: ${JSON.stringify(reply).slice(0, 300)}`,
          ).toBe(false);
          // A message: 80 KB of content, and the addresses the adapter adds (which echo the activity's, up to its
          // size). Not a trace: botbuilder sends those (dialog state dumps) to the Emulator only.
          if (reply.type === 'message')
            expect(Buffer.byteLength(JSON.stringify(reply)), `${context}: reply size`).toBeLessThanOrEqual(
              MAX_OUTGOING_BYTES + Buffer.byteLength(body),
            );
        }
        // A reply that cannot be delivered (a loopback service URL where nothing listens) is worth an error in the log.
        if (activity.serviceUrl === serviceUrl)
          expect(errorsSince(harness.logs.lines, before), `${context}: errors logged`).toEqual([]);
        await expectHealthy(context);
      }),
      runs(300),
    );
    expectNoPrototypePollution();

    // Every stored value is still JSON (the bystander's profile and the conversations above are stored there).
    const { state: storedState = [] } = harness.readTables();
    expect(storedState.length, 'state rows').toBeGreaterThan(0);
    for (const row of storedState)
      expect(() => JSON.parse(String(row.value)), `state row ${String(row.key)}`).not.toThrow();

    // Every conversation that got garbage still answers a normal question.
    for (const conversationId of SHARED_CONVERSATIONS.filter((id) => id.startsWith('a:'))) {
      const chat = new TeamsChat({
        url: harness.url,
        connector: harness.connector,
        conversationId,
        userId: SHARED_USERS[0],
      });
      const before = harness.logs.lines.length;
      await chat.say('start over');
      const answer = await chat.say(NORMAL_QUESTION);
      expect(answer.status).toBe(200);
      expect(answer.replies.length, `${conversationId} answers`).toBeGreaterThan(0);
      expect(errorsSince(harness.logs.lines, before)).toEqual([]);
    }

    // The bystander's pending question is still pending, and its answer uses the remembered membership.
    const answered = await bystander.press({ action: 'fact', fact: 'contractHistory', value: 'linked_before' });
    expect(answered.replies.length).toBeGreaterThan(0);
    expect(asksFor(answered.replies, 'membership')).toBe(false);
    const { state = [] } = harness.readTables();
    const profile = state.find((row) => String(row.key).includes(bystander.userId));
    expect(profile, `a state row for ${bystander.userId}`).toBeDefined();
    expect(JSON.parse(String(profile?.value)).profile.facts).toMatchObject({
      membership: 'gold',
      contractHistory: 'linked_before',
    });
  }, 240_000);

  it('answers bodies that are not activities with 4xx and a fixed message', async () => {
    const contentTypes = fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/vnd.api+json',
      'multipart/form-data; boundary=x',
      '',
    );
    await fc.assert(
      fc.asyncProperty(nonActivityBodyArb, contentTypes, async (body, contentType) => {
        const before = harness.logs.lines.length;
        const response = await postJson(
          harness.url,
          '/api/messages',
          body,
          contentType ? { 'content-type': contentType } : {},
        );
        const context = `body ${JSON.stringify(body.slice(0, 200))} as ${contentType}`;
        expectClientAnswer(response, context);
        expect(response.status, context).toBeGreaterThanOrEqual(400);
        expect(errorsSince(harness.logs.lines, before)).toEqual([]);
      }),
      runs(200),
    );
    await expectHealthy('after the bodies');
  });
});
