/**
 * What the property tests found, kept as plain cases: activities that used to end in a 500, a failed turn (an
 * apology and the dialog state cleared) or a hung socket. Malformed ones are now 400 with what is wrong; odd
 * but well-formed ones get an ordinary answer; nothing is logged as an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import { postJson, startHarness, type Harness } from './support/appHarness';
import { errorsSince, expectClientAnswer } from './support/properties';
import { rawRequest } from '../support/rawHttp';
import { TeamsChat } from './support/teamsChat';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ storage: 'memory' });
});

afterAll(async () => {
  await harness?.close();
});

const chat = () => new TeamsChat({ url: harness.url, connector: harness.connector });

describe('malformed activities found by fuzzing: 400, saying what is wrong', () => {
  const cases: [string, (activity: Record<string, unknown>) => Record<string, unknown>, string][] = [
    [
      'no recipient (was a TypeError in removeRecipientMention)',
      ({ recipient: _recipient, ...rest }) => rest,
      'recipient.id',
    ],
    [
      'no channelId (was a 500: the state key could not be made)',
      ({ channelId: _channelId, ...rest }) => rest,
      'channelId',
    ],
    ['no conversation', ({ conversation: _conversation, ...rest }) => rest, 'conversation.id'],
    [
      "a number as the recipient's name (the reply could not be serialized)",
      (a) => ({ ...a, recipient: { id: '28:bot', name: 42 } }),
      'recipient.name',
    ],
    ['an entity without a type', (a) => ({ ...a, entities: [{ mentioned: { id: 'x' } }] }), 'entities[0]'],
    [
      'a mention without whom it mentions',
      (a) => ({ ...a, entities: [{ type: 'mention', text: '<at>Bot</at>' }] }),
      'entities[0].mentioned.id',
    ],
    ['entities: null', (a) => ({ ...a, entities: null }), 'entities'],
    ['text that is not a string', (a) => ({ ...a, text: 5 }), 'text'],
    ['a member without an id', (a) => ({ ...a, type: 'conversationUpdate', membersAdded: [null] }), 'membersAdded[0]'],
    [
      'a Teams messageDelete without channelData',
      ({ channelData: _channelData, ...rest }) => ({ ...rest, type: 'messageDelete' }),
      'channelData',
    ],
    ['an invoke without a value', (a) => ({ ...a, type: 'invoke', name: 'fileConsent/invoke' }), 'value'],
    [
      'an adaptiveCard/action invoke without value.action',
      (a) => ({ ...a, type: 'invoke', name: 'adaptiveCard/action', value: { data: {} } }),
      'value.action',
    ],
  ];

  it.each(cases)('%s', async (_name, change, names) => {
    const before = harness.logs.lines.length;
    const received = harness.connector.received.length;
    const response = await postJson(harness.url, '/api/messages', change(chat().activity({ text: 'hello' })));
    expect(response.status).toBe(400);
    expectClientAnswer(response, names);
    expect((JSON.parse(response.text) as { error: { message: string } }).error.message).toContain(names);
    expect(harness.connector.received.length).toBe(received);
    expect(errorsSince(harness.logs.lines, before)).toEqual([]);
  });
});

describe('odd but well-formed activities found by fuzzing: an ordinary answer', () => {
  it('answers a card submit whose action is an object with a non-callable toString as a stale button (was an apology)', async () => {
    const before = harness.logs.lines.length;
    const step = await chat().submit({ action: { toString: 1, valueOf: 1 } });
    expect(step.status).toBe(200);
    expect(step.replies[0]?.text).toBe(t('en', 'conversation.invalid_submit'));
    expect(errorsSince(harness.logs.lines, before)).toEqual([]);
  });

  it('answers a card submit that carries a mention of the bot but no text (was a TypeError)', async () => {
    const before = harness.logs.lines.length;
    const step = await chat().submit(
      { action: 'help' },
      { entities: [{ type: 'mention', mentioned: { id: '28:mpn-support-assistant' }, text: '<at>Bot</at>' }] },
    );
    expect(step.status).toBe(200);
    expect(step.replies.length).toBeGreaterThan(0);
    expect(errorsSince(harness.logs.lines, before)).toEqual([]);
  });

  it('answers a WebSocket upgrade to a path that is not a stream (was left open for ever)', async () => {
    const exchange = await rawRequest(harness.url, {
      method: 'GET',
      path: '/v3/directline/tokens/generate',
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
      timeoutMs: 2000,
    });
    expect(exchange.status).toBe(404);
  });
});
