/**
 * Log lines: each write is one JSON line, whatever a user typed (CR, LF, a forged JSON line) — also when it
 * reaches the log inside an exception's message, as a user id does in a storage error — and every
 * line written while a request is served carries that request's correlation id: the endpoint's, onTurnError's,
 * the ticket service's, on /api/messages and on Direct Line alike. The ids the bot makes (the reference a user
 * is given, the correlation id, a ticket number) are logged as they are, not masked as pasted codes; an object
 * nested deeper than the logger scrubs is not written; an error that only wraps another (an empty message) is
 * logged with what it wraps.
 */
import type { StoreItems } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/strings';
import { createLogger } from '../../src/log/logger';
import type { BotStorage } from '../../src/storage/botStorage';
import { InMemoryStorage } from '../../src/storage/memoryStorage';
import { newConversation, postActivity, userMessage } from '../directline/directLineClient';
import { HARNESS_DIRECTLINE_SECRET, LogCapture, startHarness, type Harness } from '../robustness/support/appHarness';
import { TeamsChat } from '../robustness/support/teamsChat';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A line break, a carriage return, Unicode line separators (which JSON leaves as they are), and a whole forged log line. */
const INJECTED = 'first\r\n{"level":60,"msg":"forged"}\nsecond\u2028third\u2029fourth\rfifth';

function expectOneLineEach(logs: LogCapture): void {
  expect(logs.lines.length).toBeGreaterThan(0);
  for (const line of logs.lines) {
    expect(line.endsWith('\n'), line).toBe(true);
    expect(line.slice(0, -1), 'a write holds one line').not.toMatch(/[\r\n]/);
    const entry = JSON.parse(line) as unknown;
    // Neutralized in the values too, for whoever prints them.
    const strings = JSON.stringify(entry).match(/"(?:[^"\\]|\\.)*"/g) ?? [];
    for (const text of strings) expect(JSON.parse(text) as string, line).not.toMatch(/[\r\n]/);
  }
  expect(logs.lines.join('')).not.toMatch(/^\{"level":60,"msg":"forged"\}/m);
}

/** Storage whose writes fail with a message naming the key, as a driver's error does. */
class KeyNamingFailingStorage extends InMemoryStorage implements BotStorage {
  failWrites = false;

  override async write(changes: StoreItems): Promise<void> {
    if (this.failWrites) throw new Error(`could not write ${Object.keys(changes).join(', ')}`);
    return super.write(changes);
  }

  override async delete(keys: string[]): Promise<void> {
    if (this.failWrites) throw new Error(`could not delete ${keys.join(', ')}`);
    return super.delete(keys);
  }
}

describe('log lines', () => {
  it('keeps each write one line when user text with line breaks reaches a log line', () => {
    const logs = new LogCapture();
    const log = createLogger('trace', logs.destination);
    log.info({ text: INJECTED, nested: { deeper: [INJECTED] }, [INJECTED]: 'as a key' }, INJECTED);
    log.error({ err: new Error(INJECTED) }, 'failed');
    log.warn(`template ${INJECTED}`);
    expectOneLineEach(logs);
  });

  it('keeps each write one line when a user id with line breaks reaches a log line inside an error', async () => {
    const storage = new KeyNamingFailingStorage();
    harness = await startHarness({ overrides: { storage } });
    // In the user id: it names the user's state, and a write error names the key (in a conversation id it would
    // not get that far: the reply's HTTP header refuses it first).
    const chat = new TeamsChat({ url: harness.url, connector: harness.connector, userId: `29:${INJECTED}` });
    await chat.say('hello');
    storage.failWrites = true;
    expect((await chat.say('how many incidents does a Gold partner get?')).status).toBe(200);
    const failed = harness.logs.entries().find((entry) => entry.msg === 'turn failed');
    expect(JSON.stringify(failed)).toContain('could not write');
    expectOneLineEach(harness.logs);
  });

  it('gives every line of a turn the correlation id of its request, one id per request', async () => {
    const storage = new KeyNamingFailingStorage();
    harness = await startHarness({ overrides: { storage } });
    const { url, connector, logs } = harness;
    const chat = new TeamsChat({ url, connector });

    // A hand-off that files a ticket (the ticket service logs), then a turn that fails (onTurnError logs twice).
    await chat.say('talk to a person');
    await chat.say('Azure says the Access ID is already associated');
    const beforeTicket = logs.lines.length;
    await chat.press({ action: 'handoff_consent', consent: true });
    const ticketLines = logs.entries().slice(beforeTicket);
    storage.failWrites = true;
    const beforeFailure = logs.lines.length;
    await chat.say('how many incidents does a Gold partner get?');
    const failureLines = logs.entries().slice(beforeFailure);
    storage.failWrites = false;
    // The same on Direct Line.
    const conversation = await newConversation(url, HARNESS_DIRECTLINE_SECRET);
    storage.failWrites = true;
    const beforeDirectLine = logs.lines.length;
    await postActivity(
      url,
      conversation.conversationId,
      conversation.token,
      userMessage('how many incidents does a Gold partner get?'),
    );
    const directLineLines = logs.entries().slice(beforeDirectLine);
    storage.failWrites = false;

    const groups = { ticket: ticketLines, failure: failureLines, directLine: directLineLines };
    expect(ticketLines.map((entry) => entry.msg)).toContain('no triage channel: the ticket waits in the store');
    expect(failureLines.map((entry) => entry.msg)).toEqual(
      expect.arrayContaining(['turn failed', 'could not clear the dialog state']),
    );
    expect(directLineLines.map((entry) => entry.msg)).toContain('turn failed');
    const ids = Object.entries(groups).map(([name, entries]) => {
      const found = new Set(entries.map((entry) => entry.correlationId));
      expect([...found], `${name}: one id on every line`).toHaveLength(1);
      const [id] = [...found];
      expect(id, name).toMatch(/^[0-9a-f]{16}$/);
      return id;
    });
    expect(new Set(ids).size, 'each request its own id').toBe(ids.length);
  });

  it('logs the reference a user is given as it is, so the support team finds the turn by it', async () => {
    const storage = new KeyNamingFailingStorage();
    harness = await startHarness({ overrides: { storage } });
    const chat = new TeamsChat({ url: harness.url, connector: harness.connector });
    await chat.say('hello');
    storage.failWrites = true;
    const apology = t('en', 'error.apology', { reference: '§' }).split('§')[0] as string;
    // References are eight hex digits: most look like a pasted code (digits and letters), which redaction masks.
    for (let i = 0; i < 8; i++) {
      const before = harness.logs.lines.length;
      // The answer went out; saving the state after it failed: the apology follows.
      const reply = (await chat.say('how many incidents does a Gold partner get?')).replies.find((r) =>
        String(r.text).startsWith(apology),
      );
      const given = String(reply?.text).slice(apology.length);
      expect(given).toMatch(/^[0-9A-F]{8}$/);
      const logged = harness.logs
        .entries()
        .slice(before)
        .find((entry) => entry.msg === 'turn failed');
      expect(logged?.reference).toBe(given);
    }
  });

  it('writes no object deeper than it scrubs, so nothing deep goes out unredacted', () => {
    const logs = new LogCapture();
    const log = createLogger('trace', logs.destination);
    let deep: Record<string, unknown> = { text: 'Access ID: 7QX299ABK3, jane@contoso.com' };
    for (let i = 0; i < 10; i++) deep = { level: deep };
    log.info({ deep, ticket: 'MPN-000042' }, 'deep');
    expect(logs.lines.join('')).not.toMatch(/7QX299ABK3|jane@contoso\.com/);
    expect(logs.entries()[0]?.ticket).toBe('MPN-000042');
  });

  it('logs what an error wraps when its own message says nothing', () => {
    const logs = new LogCapture();
    const log = createLogger('trace', logs.destination);
    const driverError = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wrapper = Object.assign(new Error(''), { name: 'DialogContextError', error: driverError });
    log.error({ err: wrapper }, 'turn failed');
    log.error(
      {
        err: new Error('the turn could not be saved', {
          cause: Object.assign(new Error('Not Found'), { statusCode: 404 }),
        }),
      },
      'turn failed',
    );
    const [wrapped, caused] = logs.entries() as {
      err: { cause?: { message: string; code?: string; statusCode?: number } };
    }[];
    expect(wrapped?.err.cause).toMatchObject({ message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' });
    expect(caused?.err.cause).toMatchObject({ message: 'Not Found', statusCode: 404 });
  });
});
