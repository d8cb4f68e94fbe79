/**
 * Deeply nested JSON: thousands of levels in channelData or value used to be a 500 on Direct Line (RangeError:
 * Maximum call stack size exceeded while storing the activity). The one body reader refuses a body nested
 * deeper than MAX_JSON_DEPTH with 400 on Direct Line and /api/messages alike, in each endpoint's error shape;
 * an activity nested as deep as a real one still gets its answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/server/readJsonBody';
import { newConversation, postActivity, userMessage, type Conversation } from '../directline/directLineClient';
import { HARNESS_DIRECTLINE_SECRET, postJson, startHarness, type Harness } from './support/appHarness';
import { errorsSince, expectClientAnswer } from './support/properties';
import { TeamsChat } from './support/teamsChat';

let harness: Harness;
let conversation: Conversation;

beforeAll(async () => {
  harness = await startHarness();
  conversation = await newConversation(harness.url, HARNESS_DIRECTLINE_SECRET);
});

afterAll(async () => {
  await harness?.close();
});

const DEEP = 5_000;
const HOLE = '"__nested__"';

/**
 * The JSON text of `body` with `depth` nested objects (or arrays) where the string "__nested__" is: written as
 * text, since JSON.stringify itself overflows the stack at these depths.
 */
function withNested(body: Record<string, unknown>, depth: number, kind: 'object' | 'array'): string {
  const [open, close] = kind === 'object' ? ['{"action":"help","next":', '}'] : ['[', ']'];
  return JSON.stringify(body).replace(HOLE, `${open.repeat(depth)}1${close.repeat(depth)}`);
}

describe('deeply nested JSON on Direct Line', () => {
  it.each([
    [
      'channelData',
      withNested(
        userMessage('hello', { channelData: { clientActivityID: 'deep', nested: '__nested__' } }),
        DEEP,
        'object',
      ),
    ],
    ['value', withNested(userMessage('hello', { value: '__nested__' }), DEEP, 'array')],
  ] as const)('answers 400 BadArgument for %s nested 5,000 levels deep, and logs no error', async (_field, body) => {
    const before = harness.logs.lines.length;
    const posted = await postActivity(harness.url, conversation.conversationId, conversation.token, body);
    expect(posted.status).toBe(400);
    expect(posted.body).toEqual({
      error: { code: 'BadArgument', message: expect.stringContaining(String(MAX_JSON_DEPTH)) },
    });
    expect(errorsSince(harness.logs.lines, before)).toEqual([]);
  });

  it('answers an activity nested exactly as deep as the limit, and refuses one level more', async () => {
    // The activity and its channelData are two levels; the rest are the nested objects.
    const at = (depth: number) =>
      withNested(
        userMessage('hello', { channelData: { clientActivityID: `deep-${depth}`, nested: '__nested__' } }),
        depth - 2,
        'object',
      );
    expect(
      (await postActivity(harness.url, conversation.conversationId, conversation.token, at(MAX_JSON_DEPTH))).status,
    ).toBe(200);
    expect(
      (await postActivity(harness.url, conversation.conversationId, conversation.token, at(MAX_JSON_DEPTH + 1))).status,
    ).toBe(400);
  });
});

describe('deeply nested JSON on /api/messages', () => {
  it('answers 400 for a card submit nested 5,000 levels deep, and logs no error', async () => {
    const before = harness.logs.lines.length;
    const chat = new TeamsChat({ url: harness.url, connector: harness.connector });
    const response = await postJson(
      harness.url,
      '/api/messages',
      withNested(chat.activity({ value: '__nested__' }), DEEP, 'object'),
    );
    expect(response.status).toBe(400);
    expectClientAnswer(response, 'deep /api/messages');
    expect(JSON.parse(response.text)).toEqual({
      error: { code: 'BadArgument', message: expect.stringContaining(String(MAX_JSON_DEPTH)) },
    });
    expect(errorsSince(harness.logs.lines, before)).toEqual([]);
  });
});
