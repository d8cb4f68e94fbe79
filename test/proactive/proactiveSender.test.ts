/**
 * ProactiveSender: unit tests with a scripted `send` on a virtual clock (429 waits for Retry-After, 412/502/504
 * back off with bounded full jitter, 403 is "removed" without throwing, order per conversation, at most 7 a
 * second, measured on the injected clock), then through botbuilder's real CloudAdapter to a scripted connector.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adapterSend } from '../../src/proactive/adapterSend';
import { parseRetryAfter, ProactiveSender, type ProactiveSenderOptions } from '../../src/proactive/proactiveSender';
import { FakeConnector } from '../support/fakeConnector';
import { ScriptedConnector } from '../support/scriptedConnector';
import { VirtualClock } from '../support/virtualClock';

const START = Date.parse('2025-03-01T09:00:00Z');

/** An error shaped like the RestError botbuilder's connector throws: statusCode, and a non-enumerable response with headers. */
function restError(statusCode: number, headers: Record<string, string> = {}): Error {
  const error = Object.assign(new Error(`Operation returned an invalid status code ${statusCode}`), {
    name: 'RestError',
    statusCode,
  });
  const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  Object.defineProperty(error, 'response', {
    value: { status: statusCode, headers: { get: (name: string) => lower.get(name.toLowerCase()) } },
    enumerable: false,
  });
  return error;
}

type Step = 'ok' | Error;

/** A `send` that answers each conversation's requests from its script (then 'ok'), and notes when each came. */
class ScriptedSend {
  readonly calls: { conversation: string; text: string; at: number; answer: 'ok' | number }[] = [];
  private readonly scripts = new Map<string, Step[]>();

  constructor(private readonly clock: VirtualClock) {}

  script(conversation: string, ...steps: Step[]): this {
    this.scripts.set(conversation, steps);
    return this;
  }

  send = async (reference: Partial<ConversationReference>, activity: { text?: string }) => {
    const conversation = reference.conversation?.id ?? '';
    const step = this.scripts.get(conversation)?.shift() ?? 'ok';
    this.calls.push({
      conversation,
      text: activity.text ?? '',
      at: this.clock.now() - START,
      answer: step === 'ok' ? 'ok' : ((step as { statusCode?: number }).statusCode ?? 0),
    });
    if (step !== 'ok') throw step;
    return { id: `${conversation}/${this.calls.length}` };
  };

  /** When the requests that succeeded came, in ms after START. */
  delivered(conversation: string): { text: string; at: number }[] {
    return this.calls
      .filter((c) => c.conversation === conversation && c.answer === 'ok')
      .map(({ text, at }) => ({ text, at }));
  }
}

function capturingLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'debug' },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { log, lines };
}

function setup(options: Partial<ProactiveSenderOptions> = {}) {
  const clock = new VirtualClock(START);
  const scripted = new ScriptedSend(clock);
  const { log, lines } = capturingLog();
  const sender = new ProactiveSender({ send: scripted.send, log, clock, random: () => 0.5, ...options });
  return { clock, scripted, sender, lines };
}

const to = (conversation: string): Partial<ConversationReference> => ({
  serviceUrl: 'https://smba.example/',
  conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
});
const message = (text: string) => ({ type: 'message', text });

describe('ProactiveSender: 429', () => {
  it('waits the Retry-After seconds, then sends', async () => {
    const { clock, scripted, sender } = setup();
    scripted.script('a', restError(429, { 'Retry-After': '2' }));
    const outcome = await clock.run(sender.send(to('a'), message('hi')));
    expect(outcome).toEqual({ status: 'sent', id: 'a/2', attempts: 2 });
    expect(scripted.calls.map((c) => c.at)).toEqual([0, 2000]);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const { clock, scripted, sender } = setup();
    scripted.script('a', restError(429, { 'retry-after': new Date(START + 3000).toUTCString() }));
    expect(await clock.run(sender.send(to('a'), message('hi')))).toMatchObject({ status: 'sent', attempts: 2 });
    expect(scripted.calls.map((c) => c.at)).toEqual([0, 3000]);
  });

  it('backs off with jitter when there is no Retry-After', async () => {
    const { clock, scripted, sender } = setup({ random: () => 0.25 });
    scripted.script('a', restError(429), restError(429));
    expect(await clock.run(sender.send(to('a'), message('hi')))).toMatchObject({ status: 'sent', attempts: 3 });
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it('gives up rather than hold the conversation for a Retry-After over a minute', async () => {
    const { clock, scripted, sender } = setup();
    scripted.script('a', restError(429, { 'Retry-After': '3600' }));
    expect(await clock.run(sender.send(to('a'), message('hi')))).toEqual({
      status: 'failed',
      attempts: 1,
      statusCode: 429,
    });
    expect(clock.now()).toBe(START);
  });
});

describe('ProactiveSender: 412, 502, 504', () => {
  it('retries each with exponential back-off and full jitter', async () => {
    const randoms = [0.25, 0.999, 0];
    const { clock, scripted, sender } = setup({ random: () => randoms.shift() ?? 0 });
    scripted.script('a', restError(412), restError(502), restError(504));
    expect(await clock.run(sender.send(to('a'), message('hi')))).toEqual({ status: 'sent', id: 'a/4', attempts: 4 });
    // random × min(16 s, 1 s × 2^(n−1)): 0.25 × 1000, 0.999 × 2000, 0 × 4000
    expect(clock.sleeps).toEqual([250, 1998, 0]);
  });

  it('stops after maxAttempts, every wait under its capped ceiling', async () => {
    const { clock, scripted, sender } = setup({
      random: () => 0.9999,
      maxAttempts: 6,
      backoff: { baseMs: 1000, maxMs: 3000 },
    });
    scripted.script('a', ...Array.from({ length: 10 }, () => restError(502)));
    expect(await clock.run(sender.send(to('a'), message('hi')))).toEqual({
      status: 'failed',
      attempts: 6,
      statusCode: 502,
    });
    expect(scripted.calls).toHaveLength(6);
    const ceilings = [1000, 2000, 3000, 3000, 3000];
    expect(clock.sleeps).toHaveLength(ceilings.length);
    clock.sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(ceilings[i]!);
    });
  });

  it('makes 4 requests at most by default', async () => {
    const { clock, scripted, sender } = setup();
    scripted.script('a', ...Array.from({ length: 10 }, () => restError(504)));
    expect(await clock.run(sender.send(to('a'), message('hi')))).toMatchObject({ status: 'failed', attempts: 4 });
  });
});

describe('ProactiveSender: 403 and other failures', () => {
  it('403 (the bot was removed) resolves as removed, without a retry, a throw or a stuck queue, and is logged', async () => {
    const { clock, scripted, sender, lines } = setup();
    scripted.script('a', restError(403));
    const [removed, next] = await clock.run(
      Promise.all([sender.send(to('a'), message('one')), sender.send(to('a'), message('two'))]),
    );
    expect(removed).toEqual({ status: 'removed', attempts: 1, statusCode: 403 });
    expect(next).toMatchObject({ status: 'sent', attempts: 1 });
    expect(clock.sleeps).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, conversation: 'a', status: 'removed', attempts: 1 }),
    );
  });

  it.each([400, 401, 404, 500, 503])('%i fails at once, without a retry', async (status) => {
    const { clock, scripted, sender, lines } = setup();
    scripted.script('a', restError(status));
    expect(await clock.run(sender.send(to('a'), message('hi')))).toEqual({
      status: 'failed',
      attempts: 1,
      statusCode: status,
    });
    expect(clock.sleeps).toEqual([]);
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, status: 'failed', statusCode: status }));
  });

  it('an error without an HTTP status fails at once', async () => {
    const { clock, scripted, sender } = setup();
    scripted.script('a', new TypeError('fetch failed'));
    expect(await clock.run(sender.send(to('a'), message('hi')))).toEqual({ status: 'failed', attempts: 1 });
  });

  it('logs a sent message with its attempts', async () => {
    const { clock, sender, lines } = setup();
    await clock.run(sender.send(to('a'), message('hi')));
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 30,
        msg: 'proactive message sent',
        conversation: 'a',
        status: 'sent',
        attempts: 1,
      }),
    );
  });
});

describe('ProactiveSender: order and rate', () => {
  it('keeps each conversation in order through retries, and one conversation never waits for another', async () => {
    const { clock, scripted, sender } = setup();
    scripted.script('a', restError(429, { 'Retry-After': '1' }), 'ok', restError(502));
    const texts = ['1', '2', '3', '4', '5'];
    const outcomes = await clock.run(
      Promise.all([...texts.map((t) => sender.send(to('a'), message(t))), sender.send(to('b'), message('b1'))]),
    );
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    expect(scripted.delivered('a').map((d) => d.text)).toEqual(texts);
    expect(scripted.delivered('b')).toEqual([{ text: 'b1', at: 0 }]);
  });

  it('sends a burst of 30 at no more than 7 in any second, and no slower', async () => {
    const { clock, scripted, sender } = setup();
    const outcomes = await clock.run(
      Promise.all(Array.from({ length: 30 }, (_, i) => sender.send(to('a'), message(String(i))))),
    );
    expect(outcomes.every((o) => o.status === 'sent' && o.attempts === 1)).toBe(true);
    const times = scripted.delivered('a').map((d) => d.at);
    expect(scripted.delivered('a').map((d) => d.text)).toEqual(Array.from({ length: 30 }, (_, i) => String(i)));
    for (let i = 0; i + 7 < times.length; i++) expect(times[i + 7]! - times[i]!).toBeGreaterThanOrEqual(1000);
    expect(times).toEqual([
      ...Array(7).fill(0),
      ...Array(7).fill(1000),
      ...Array(7).fill(2000),
      ...Array(7).fill(3000),
      4000,
      4000,
    ]);
  });

  it('limits each conversation on its own: two bursts at once both start with 7', async () => {
    const { clock, scripted, sender } = setup();
    await clock.run(
      Promise.all(
        ['a', 'b'].flatMap((c) => Array.from({ length: 10 }, (_, i) => sender.send(to(c), message(String(i))))),
      ),
    );
    for (const c of ['a', 'b'])
      expect(scripted.delivered(c).map((d) => d.at)).toEqual([...Array(7).fill(0), 1000, 1000, 1000]);
  });

  it('counts retries against the limit too', async () => {
    const { clock, scripted, sender } = setup();
    scripted.script('a', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', restError(429, { 'Retry-After': '0' }));
    await clock.run(Promise.all(Array.from({ length: 7 }, (_, i) => sender.send(to('a'), message(String(i))))));
    expect(scripted.calls.map((c) => c.at)).toEqual([0, 0, 0, 0, 0, 0, 0, 1000]);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['2', 2000],
    ['0', 0],
    ['1.5', 1500],
    [new Date(START + 10_000).toUTCString(), 10_000],
    [new Date(START - 10_000).toUTCString(), 0],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s ms', (value, ms) => {
    expect(parseRetryAfter(value, START)).toBe(ms);
  });
});

describe('ProactiveSender through CloudAdapter.continueConversationAsync', () => {
  let fake: FakeConnector;
  let scripted: ScriptedConnector;
  // Anonymous, as in local development: outgoing requests are unsigned.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const onTurnError = vi.fn(async () => {});
  adapter.onTurnError = onTurnError;

  beforeAll(async () => {
    fake = await new FakeConnector().start();
    scripted = await new ScriptedConnector(fake).start();
  });
  afterAll(async () => {
    await scripted.stop();
    await fake.stop();
  });

  const reference = (conversation: string): Partial<ConversationReference> => ({
    channelId: 'msteams',
    serviceUrl: scripted.serviceUrl,
    conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
    bot: { id: '28:bot', name: 'bot' },
    user: { id: '29:requester', name: 'Rita' },
  });

  function realSender() {
    const sleeps: number[] = [];
    const clock = {
      now: () => Date.now(),
      sleep: (ms: number) => (sleeps.push(ms), new Promise<void>((resolve) => setTimeout(resolve, ms))),
    };
    const sender = new ProactiveSender({
      send: adapterSend(adapter, ''),
      log: pino({ level: 'silent' }),
      clock,
      random: () => 0.5,
    });
    return { sender, sleeps };
  }

  it('a 429 with Retry-After: 1, then 200: the message arrives once', async () => {
    const { sender } = realSender();
    scripted.answerNext({ status: 429, headers: { 'Retry-After': '1' } });
    const started = Date.now();
    const outcome = await sender.send(reference('conv-429'), message('Your ticket MPN-000001 is resolved.'));
    // botbuilder's connector client honours a 429's Retry-After itself (up to 3 times), so the sender's one attempt succeeds.
    expect(outcome).toMatchObject({ status: 'sent', id: expect.stringMatching(/^1:message-/), attempts: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const arrived = await fake.waitFor('conv-429', 1);
    expect(arrived.map((a) => a.text)).toEqual(['Your ticket MPN-000001 is resolved.']);
    expect(scripted.requests.filter((r) => r.path.includes('conv-429')).map((r) => r.status)).toEqual([429, 200]);
    expect(onTurnError).not.toHaveBeenCalled();
  });

  it("429s beyond the connector's own retries reach the sender with their Retry-After, which it honours", async () => {
    // botbuilder's connector client retries a 429 with Retry-After 3 times itself; the 4th reaches the sender.
    const { sender, sleeps } = realSender();
    scripted.answerNext(...Array.from({ length: 4 }, () => ({ status: 429, headers: { 'Retry-After': '0' } })));
    const outcome = await sender.send(reference('conv-429x4'), message('hello again'));
    expect(outcome).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sleeps).toEqual([0]); // Retry-After read from the RestError (a back-off would have been 500 ms)
    expect(await fake.waitFor('conv-429x4', 1)).toHaveLength(1);
    expect(scripted.requests.filter((r) => r.path.includes('conv-429x4')).map((r) => r.status)).toEqual([
      429, 429, 429, 429, 200,
    ]);
    expect(onTurnError).not.toHaveBeenCalled();
  });

  it('a 403 is "removed": no throw, no retry, nothing for onTurnError', async () => {
    const { sender } = realSender();
    scripted.answerNext({
      status: 403,
      body: {
        error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
      },
    });
    expect(await sender.send(reference('conv-403'), message('anyone there?'))).toEqual({
      status: 'removed',
      attempts: 1,
      statusCode: 403,
    });
    expect(fake.activitiesOf('conv-403')).toEqual([]);
    expect(scripted.requests.filter((r) => r.path.includes('conv-403')).map((r) => r.status)).toEqual([403]);
    expect(onTurnError).not.toHaveBeenCalled();
  });
});
