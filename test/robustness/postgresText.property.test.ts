/**
 * Any text on the PostgreSQL backend, end to end through a real turn: a message over /api/messages and over
 * Direct Line, and a feedback comment, made of any characters — the whole Unicode range, NUL, lone surrogates,
 * and texts whose cut (a question kept to 300 characters, a comment to 1,000) falls inside an emoji. These used
 * to fail the turn in the state upsert ("unsupported Unicode escape sequence", "invalid input syntax for type
 * json"): an apology, and the turn's state lost. Properties: answered (200), no error logged, the conversation's
 * state row written, the comment stored, and no stored string holding a NUL or a lone surrogate. FC_SEED and
 * FC_RUNS change the seed and the number of runs.
 */
import fc from 'fast-check';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newConversation, postActivity, userMessage } from '../directline/directLineClient';
import { useTestSchema } from '../support/postgres';
import { runs } from './support/arbitraries';
import { HARNESS_DIRECTLINE_SECRET, startHarness, type Harness } from './support/appHarness';
import { errorsSince } from './support/properties';
import { TeamsChat } from './support/teamsChat';

const schema = useTestSchema('any_text');
let harness: Harness;
let db: Client;

beforeAll(async () => {
  harness = await startHarness({ storage: 'memory', env: { STORAGE_URL: schema().url } });
  db = new Client({ connectionString: schema().url });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await harness?.close();
});

const HALVES_AND_NUL = ['\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00', '\u0000\u0000'];

/** One code point of the whole range, or (often) a NUL or half a surrogate pair. */
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HALVES_AND_NUL) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
);

const QUESTION = 'How many incidents does a Gold partner get with the support benefits? ';

/** `length` characters of a question, then an emoji: cut at `length + 1` characters, half the emoji stays. */
const emojiAt = (text: string, length: number) =>
  `${text.repeat(Math.ceil(length / text.length)).slice(0, length)}😀 and more`;

/** Arbitrary text, and questions that the bot keeps (cut to 300 characters) with an emoji at the cut. */
const anyText = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit, minLength: 1, maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ unit, maxLength: 10 }), fc.integer({ min: 296, max: 300 }))
      .map(([tail, length]) => `${emojiAt(QUESTION, length)}${tail}`),
  },
);

// eslint-disable-next-line no-control-regex -- a NUL is one of the ill-formed inputs
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string (and key) of a JSON value that holds a NUL or a lone surrogate. */
function illFormedStrings(value: unknown): string[] {
  if (typeof value === 'string') return ILL_FORMED.test(value) ? [value] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(ILL_FORMED.test(key) ? [key] : []),
    ...illFormedStrings(item),
  ]);
}

async function stateRow(key: string): Promise<unknown> {
  return (await db.query<{ value: unknown }>('SELECT value FROM state WHERE key = $1', [key])).rows[0]?.value;
}

async function feedbackComments(): Promise<string[]> {
  const { rows } = await db.query<{ comment: string }>(
    "SELECT value->>'comment' AS comment FROM state WHERE key LIKE 'feedback/%' AND value ? 'comment'",
  );
  return rows.map((row) => row.comment);
}

describe('any text on PostgreSQL', () => {
  it('answers a Teams message of any characters without a failed turn, and keeps its state', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const context = `text ${JSON.stringify(text).slice(0, 200)}`;
        const chat = new TeamsChat({ url: harness.url, connector: harness.connector });
        const before = harness.logs.lines.length;
        const step = await chat.say(text);
        expect(step.status, context).toBe(200);
        expect(errorsSince(harness.logs.lines, before), `${context}: errors logged`).toEqual([]);
        const state = await stateRow(`msteams/conversations/${chat.conversationId}/`);
        expect(state, `${context}: the conversation's state row`).toBeDefined();
        expect(illFormedStrings(state), context).toEqual([]);
      }),
      runs(40),
    );
  }, 120_000);

  it('stores a feedback comment of any characters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyText,
          fc.string({ unit, maxLength: 10 }).map((tail) => `${emojiAt('The answer was not right. ', 999)}${tail}`),
        ),
        async (comment) => {
          const context = `comment ${JSON.stringify(comment).slice(0, 200)}`;
          const chat = new TeamsChat({ url: harness.url, connector: harness.connector });
          const stored = (await feedbackComments()).length;
          const before = harness.logs.lines.length;
          const step = await chat.submit({ action: 'feedback_comment', intent: 'entitlement', lang: 'en', comment });
          expect(step.status, context).toBe(200);
          expect(errorsSince(harness.logs.lines, before), `${context}: errors logged`).toEqual([]);
          const comments = await feedbackComments();
          expect(comments.length, `${context}: comments stored`).toBe(stored + 1);
          expect(illFormedStrings(comments), context).toEqual([]);
        },
      ),
      runs(25),
    );
  }, 120_000);

  it('answers a Direct Line message of any characters, keeps its state and stores its transcript well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const context = `text ${JSON.stringify(text).slice(0, 200)}`;
        const conversation = await newConversation(harness.url, HARNESS_DIRECTLINE_SECRET);
        const before = harness.logs.lines.length;
        const posted = await postActivity(
          harness.url,
          conversation.conversationId,
          conversation.token,
          userMessage(text),
        );
        expect(posted.status, context).toBe(200);
        expect(errorsSince(harness.logs.lines, before), `${context}: errors logged`).toEqual([]);
        expect(
          await stateRow(`directline/conversations/${conversation.conversationId}/`),
          `${context}: the conversation's state row`,
        ).toBeDefined();
        const { rows } = await db.query<{ activity: string }>(
          'SELECT activity FROM directline_activities WHERE conversation_id = $1',
          [conversation.conversationId],
        );
        expect(rows.length, context).toBeGreaterThan(0);
        expect(
          rows.flatMap((row) => illFormedStrings(JSON.parse(row.activity))),
          context,
        ).toEqual([]);
      }),
      runs(25),
    );
  }, 120_000);
});
