/**
 * fast-check arbitraries for what a client can send: texts in every script and shape (empty, very long,
 * binary-looking, right-to-left, emoji-only, mixed), card-submit values (valid verbs with wrong fields, deep,
 * huge, prototype-pollution-looking) and whole Bot Framework activities with any field of any type.
 */
import fc from 'fast-check';
import { CARD_ACTION_VERBS, EXECUTE_VERBS, FEEDBACK_COMMENT_INPUT } from '../../../cards/verbs';
import { LANGS } from '../../../src/i18n/locales';
import { INTENTS } from '../../../src/nlu/intents';
import { FACT_NAMES, FACT_VALUES } from '../../../src/rules/facts';

/** The seed every property runs with unless FC_SEED says otherwise; fast-check prints seed and path on failure. */
export const SEED = Number(process.env.FC_SEED ?? 20240517);

/** fc.assert parameters: bounded runs (FC_RUNS overrides, for a longer search), the fixed seed, and the seed in the failure message. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { numRuns: Number(process.env.FC_RUNS ?? numRuns), seed: SEED, endOnFailure: true, verbose: 1 };
}

const RTL = [
  'مرحبا، كيف أفعّل مزايا الدعم؟',
  'שלום, איך אני מפעיל את ההטבות?',
  '\u202Eإعادة\u202C',
  '\u202Bשלום\u202C abc',
  'سلام \u200F ID',
];
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇧🇷', '🇷🇺', '🇫🇷', '❤️', '🤖', '🔥', '1️⃣', '🫠', '\u{1F9D1}\u{200D}\u{1F4BB}'];
const SCRIPTS = [
  'Где посмотреть Access ID?',
  'não consigo ativar',
  'identifiant d’accès',
  '技术支持',
  'サポート',
  '지원',
  'सहायता',
  'Ελληνικά',
  'e\u0301\u0301\u0301',
  'ǅ',
  'ﬁ',
  'İı',
  'ß',
  'Ⅻ',
  '𝔊𝔬𝔩𝔡',
];
const PRODUCT = [
  'how many incidents does a Gold partner get?',
  'Access ID is already associated',
  'talk to a person',
  'help',
  'start over',
  'forget my details',
  'português',
  'русский',
  'français',
  'english',
  'triage here',
  'gold',
  'cloud',
  '${lang}',
  '{{name}}',
  '<at>Bot</at> help',
];
const CONTROL = [
  '\u0000',
  '\r\n',
  '\r',
  '\n\n\n',
  '\t',
  '\u0007',
  '\u001b[31m',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\u200B',
  '\uFFFD',
  '\uD800',
  '\uDFFF',
  '\u0085',
  '\\u0000',
];

const pick = (pool: readonly string[]) => fc.constantFrom(...pool);

/** Texts of every kind a partner (or a script) might send. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 120 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '   \n\t ', '\u200B\u200B', '\uFEFF', '\u00A0') },
  { weight: 2, arbitrary: fc.array(pick(EMOJI), { minLength: 1, maxLength: 30 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.array(pick(RTL), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(pick(SCRIPTS), pick(PRODUCT), pick(EMOJI), pick(RTL), pick(CONTROL)), {
        minLength: 1,
        maxLength: 8,
      })
      .map((parts) => parts.join(' ')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(pick(PRODUCT), fc.integer({ min: 1990, max: 2100 }))
      .map(([text, length]) => text.padEnd(length, 'x')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(pick([...SCRIPTS, ...EMOJI]), fc.integer({ min: 500, max: 12_000 }))
      .map(([unit, times]) => unit.repeat(times).slice(0, 60_000)),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')) },
);

/** Keys that have tripped JavaScript code before: prototype names, empty, dotted, very long. */
const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'toJSON',
  'then',
  'eTag',
  '$root',
  '${lang}',
  '',
  'a.b',
  'x'.repeat(300),
];
export const keyArb: fc.Arbitrary<string> = fc.oneof(fc.string({ maxLength: 12 }), pick(NASTY_KEYS));

/** Any JSON value, with nasty keys. */
export const jsonArb: fc.Arbitrary<unknown> = fc
  .jsonValue({ maxDepth: 4 })
  .chain((value) => fc.oneof(fc.constant(value), fc.dictionary(keyArb, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 })));

/** `depth` nested objects or arrays around a value. */
export function nested(depth: number, kind: 'object' | 'array', inner: unknown): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { action: 'help', next: value } : [value];
  return value;
}

/** Objects that look like attempts at prototype pollution: own `__proto__`, `constructor.prototype`, non-callable toString. */
export const pollutionArb: fc.Arbitrary<unknown> = fc
  .record({
    action: fc.oneof(
      pick(CARD_ACTION_VERBS),
      fc.constant({ toString: 1 }),
      fc.constant({ valueOf: 1, toString: 'x' }),
      fc.constant(JSON.parse('{"__proto__":null}') as unknown),
    ),
    poisoned: fc.constantFrom(
      '{"__proto__":{"polluted":"yes","action":"help"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"__proto__":{"toString":1,"valueOf":1}}',
      '{"prototype":{"polluted":"yes"},"hasOwnProperty":1}',
    ),
  })
  .map(({ action, poisoned }) => ({ ...(JSON.parse(poisoned) as object), action }));

const factArb = fc
  .constantFrom(...FACT_NAMES)
  .chain((name) =>
    fc.record({ fact: fc.constant(name), value: fc.oneof(pick(FACT_VALUES[name] as readonly string[]), jsonArb) }),
  );

/** What a card button might send: the product's own verbs with any fields, and anything else. */
export const submitValueArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record(
        {
          action: fc.oneof(pick(CARD_ACTION_VERBS), pick(Object.values(EXECUTE_VERBS)), jsonArb),
          intent: fc.oneof(pick(INTENTS), jsonArb),
          lang: fc.oneof(pick(LANGS), jsonArb),
          helpful: fc.oneof(fc.boolean(), jsonArb),
          consent: fc.oneof(fc.boolean(), jsonArb),
          [FEEDBACK_COMMENT_INPUT]: fc.oneof(textArb, jsonArb),
          extra: jsonArb,
        },
        { requiredKeys: ['action'] },
      )
      .chain((value) => factArb.map((fact) => ({ ...value, ...fact }))),
  },
  { weight: 2, arbitrary: jsonArb },
  { weight: 2, arbitrary: pollutionArb },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 50, max: 2000 }), fc.constantFrom<'object' | 'array'>('object', 'array'))
      .map(([depth, kind]) => nested(depth, kind, { action: 'help' })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1000, max: 8000 }).map((keys) => ({
      action: 'feedback_comment',
      intent: 'entitlement',
      comment: 'c'.repeat(keys * 10),
      ...Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i])),
    })),
  },
);

const TYPES = [
  'message',
  'message',
  'message',
  'conversationUpdate',
  'invoke',
  'event',
  'messageReaction',
  'typing',
  'endOfConversation',
  'installationUpdate',
  'messageUpdate',
  'messageDelete',
  'trace',
  'handoff',
  'command',
];
const INVOKE_NAMES = [
  'application/vnd.microsoft.meetingStart',
  'application/vnd.microsoft.readReceipt',
  'application/search',
  'composeExtension/submitAction',
  'task/submit',
  'adaptiveCard/action',
  'composeExtension/query',
  'task/fetch',
  'signin/verifyState',
  'signin/tokenExchange',
  'config/fetch',
  'tab/fetch',
  'healthCheck',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
];
const CHANNELS = [
  'msteams',
  'msteams',
  'directline',
  'webchat',
  'emulator',
  'sms',
  'email',
  'telegram',
  'slack',
  'test',
];
const LOCALES = [
  'en-US',
  'ru-RU',
  'pt-BR',
  'fr-FR',
  'pt',
  'fr-CA',
  'de-DE',
  'ar-SA',
  'he-IL',
  'zh-Hans-CN',
  '',
  'x',
  'en_US',
  'EN-us',
  '*',
];

/** A value of some other type than the field should have. */
const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.string({ maxLength: 8 }),
  fc.dictionary(keyArb, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
const account = fc.record(
  {
    id: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), pick(['29:user', '28:bot', '8:orgid:x'])),
    name: textArb,
    aadObjectId: fc.uuid(),
    role: fc.constantFrom('user', 'bot', 'skill'),
  },
  { requiredKeys: ['id'] },
);
const mention = fc.record(
  {
    type: fc.constantFrom('mention', 'Mention', 'clientInfo', 'streaminfo', 'x'),
    mentioned: account,
    text: fc.oneof(fc.constant('<at>Bot</at>'), textArb),
  },
  { requiredKeys: ['type'] },
);
const attachment = fc.record(
  {
    contentType: fc.constantFrom(
      'application/vnd.microsoft.card.adaptive',
      'text/html',
      'application/vnd.microsoft.teams.file.download.info',
    ),
    content: jsonArb,
    contentUrl: fc.webUrl(),
    name: textArb,
  },
  { requiredKeys: [] },
);
const conversation = fc.record(
  {
    // "." or ".." would collapse the reply's URL path: a reply nobody can deliver, not a mistake the endpoint sees.
    id: fc.oneof(fc.string({ minLength: 1, maxLength: 60 }), fc.uuid()).filter((id) => !/^\.{1,2}$/.test(id)),
    conversationType: fc.constantFrom('personal', 'channel', 'groupChat'),
    tenantId: fc.uuid(),
    isGroup: fc.boolean(),
  },
  { requiredKeys: ['id'] },
);
const channelData = fc.oneof(
  fc.record(
    {
      tenant: fc.record({ id: fc.uuid() }),
      eventType: fc.constantFrom('teamMemberAdded', 'teamMemberRemoved', 'channelCreated', 'teamRenamed', 'x'),
      channel: fc.record({ id: fc.string({ maxLength: 30 }), name: fc.string() }, { requiredKeys: [] }),
      team: fc.record({ id: fc.string({ maxLength: 30 }), name: fc.string() }, { requiredKeys: [] }),
      clientActivityID: fc.string(),
      legacy: jsonArb,
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(keyArb, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

/** An activity whose fields all have their schema type, with anything in them. */
function wellTypedActivityArb(serviceUrl: string): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      type: fc.oneof(
        { weight: 10, arbitrary: fc.constant('message') },
        { weight: 6, arbitrary: pick(TYPES) },
        { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
      ),
      id: fc.string({ maxLength: 40 }),
      text: textArb,
      textFormat: fc.constantFrom('plain', 'markdown', 'xml', 'html'),
      value: submitValueArb,
      name: fc.oneof(pick(INVOKE_NAMES), fc.string({ maxLength: 30 })),
      locale: fc.oneof({ weight: 4, arbitrary: pick(LOCALES) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }),
      channelId: fc.oneof(
        { weight: 12, arbitrary: pick(CHANNELS) },
        { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
      ),
      from: account,
      recipient: account,
      conversation,
      entities: fc.array(mention, { maxLength: 3 }),
      attachments: fc.array(attachment, { maxLength: 2 }),
      channelData,
      membersAdded: fc.array(account, { maxLength: 3 }),
      membersRemoved: fc.array(account, { maxLength: 2 }),
      replyToId: fc.string({ maxLength: 30 }),
      timestamp: fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.string({ maxLength: 20 }),
      ),
      localTimestamp: fc.string({ maxLength: 30 }),
      // Not a loopback URL where nothing listens: the connector retries those for seconds before the turn fails.
      serviceUrl: fc.oneof(
        { weight: 12, arbitrary: fc.constant(serviceUrl) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'http://169.254.169.254/latest/',
            'https://smba.trafficmanager.net/emea/',
            'ftp://127.0.0.1/',
            'http://10.0.0.5/',
            'javascript:alert(1)',
          ),
        },
      ),
    },
    { requiredKeys: ['type', 'serviceUrl', 'channelId', 'from', 'recipient', 'conversation'] },
  );
}

/** Where a mangled activity gets a value of the wrong type (or loses one it needs). */
const MANGLE_PATHS: readonly (readonly (string | number)[])[] = [
  ['type'],
  ['text'],
  ['locale'],
  ['channelId'],
  ['from'],
  ['from', 'id'],
  ['from', 'name'],
  ['recipient'],
  ['recipient', 'id'],
  ['recipient', 'name'],
  ['conversation'],
  ['conversation', 'id'],
  ['conversation', 'isGroup'],
  ['conversation', 'conversationType'],
  ['entities'],
  ['entities', 0],
  ['entities', 0, 'type'],
  ['entities', 0, 'mentioned'],
  ['entities', 0, 'text'],
  ['attachments'],
  ['attachments', 0],
  ['channelData'],
  ['channelData', 'tenant'],
  ['channelData', 'channel'],
  ['membersAdded'],
  ['membersAdded', 0],
  ['membersAdded', 0, 'id'],
  ['membersRemoved'],
  ['replyToId'],
  ['id'],
  ['name'],
  ['textFormat'],
  ['serviceUrl'],
];

function mangled(
  activity: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): Record<string, unknown> {
  // Copies along the path only: the rest may be nested thousands deep.
  const copy = { ...activity };
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) {
    const child = parent[step];
    if (typeof child !== 'object' || child === null) return copy;
    const cloned = (Array.isArray(child) ? [...child] : { ...child }) as Record<string | number, unknown>;
    parent[step] = cloned;
    parent = cloned;
  }
  const last = path.at(-1) as string | number;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

/**
 * A Bot Framework activity as a channel (or an attacker posing as one) might post it to /api/messages: the
 * service URL is the fake connector's (so the bot really answers) in most runs; every field is of its schema
 * type but strange in most runs, and in the others one field is of another type or missing.
 */
export function activityArb(serviceUrl: string): fc.Arbitrary<Record<string, unknown>> {
  const wellTyped = wellTypedActivityArb(serviceUrl);
  return fc.oneof(
    { weight: 3, arbitrary: wellTyped },
    {
      weight: 1,
      arbitrary: fc
        .tuple(wellTyped, fc.constantFrom(...MANGLE_PATHS), fc.option(wrongType, { nil: undefined }))
        .map(([activity, path, value]) => mangled(activity, path, value)),
    },
  );
}

/** An activity as the body of a request, sometimes with own `__proto__` and `constructor.prototype` members spliced in. */
export function activityBodyArb(serviceUrl: string): fc.Arbitrary<string> {
  return fc.tuple(activityArb(serviceUrl), fc.integer({ min: 0, max: 5 })).map(([activity, poison]) => {
    const json = JSON.stringify(activity);
    if (poison > 0) return json;
    return `{"__proto__":{"polluted":"yes","type":"message"},"constructor":{"prototype":{"polluted":"yes"}},${json.slice(1)}`;
  });
}

/** Bodies that are not an activity at all: JSON of any shape, and bytes that are not JSON. */
export const nonActivityBodyArb: fc.Arbitrary<string> = fc.oneof(
  jsonArb.map((value) => JSON.stringify(value) ?? 'null'),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constantFrom(
    '',
    '{',
    '{"type":',
    '[]',
    'null',
    '{"type":"message"}',
    '{"type":"message","serviceUrl":"x"}',
    '\uFEFF{}',
    '{"type":"message","serviceUrl":"http://127.0.0.1:1/"}',
  ),
);
