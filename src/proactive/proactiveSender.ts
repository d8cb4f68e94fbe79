/**
 * Proactive messages within Teams' limits. Each conversation has its own queue, so its messages go out in
 * order, at most 7 in any second; 429 waits for Retry-After, 412/502/504 back off exponentially with full
 * jitter, 403 (the bot was removed from the conversation or team) gives up quietly. `send` never throws: it
 * resolves with what happened, and logs it.
 */
import { systemClock, type Clock } from '../clock';
import type { Activity, ConversationReference } from 'botbuilder';
import type { Logger } from '../log/logger';

/** One attempt at posting an activity to a conversation, e.g. through the adapter (see adapterSend.ts). */
export type ProactiveSend = (
  reference: Partial<ConversationReference>,
  activity: Partial<Activity>,
) => Promise<{ id?: string } | undefined>;

export interface ProactiveOutcome {
  status: 'sent' | 'removed' | 'failed';
  /** The activity id the channel gave the message. */
  id?: string;
  /** Requests made through `send`, retries included. */
  attempts: number;
  /** The HTTP status of the last failed attempt, when it had one. */
  statusCode?: number;
}

/** At most `max` requests in any `ms` milliseconds, per conversation. */
export interface RateWindow {
  ms: number;
  max: number;
}

export interface ProactiveSenderOptions {
  send: ProactiveSend;
  log: Logger;
  clock?: Clock;
  /** In [0, 1); the jitter of back-offs. */
  random?: () => number;
  /** Default: Teams' 7 messages per second per conversation. */
  windows?: readonly RateWindow[];
  /** Requests per message, the first included (default 4; botbuilder's connector retries 429 and 5xx itself too). */
  maxAttempts?: number;
  /** Back-off before retry n (n = 1, 2, …): random() × min(maxMs, baseMs × 2^(n−1)). Default 1 s, 16 s. */
  backoff?: { baseMs: number; maxMs: number };
  /** A Retry-After longer than this fails the message rather than hold its conversation's queue (default 60 s). */
  maxRetryAfterMs?: number;
}

export const TEAMS_WINDOWS: readonly RateWindow[] = [{ ms: 1000, max: 7 }];
const RETRY_WITH_BACKOFF = new Set([412, 502, 504]);

interface Lane {
  /** The outcome of the last message queued; the next one starts after it. */
  tail: Promise<unknown>;
  /** When each recent request started, oldest first. */
  starts: number[];
  queued: number;
}

/**
 * @example
 * const sender = new ProactiveSender({ send: adapterSend(adapter, appId), log });
 * const outcome = await sender.send(ticket.requester.conversation, MessageFactory.text(note));
 * // { status: 'sent', id: '1:…', attempts: 1 } | { status: 'removed', attempts: 1, statusCode: 403 }
 */
export class ProactiveSender {
  private readonly lanes = new Map<string, Lane>();
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly windows: readonly RateWindow[];
  private readonly maxAttempts: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly maxRetryAfterMs: number;
  private readonly longestWindowMs: number;

  constructor(private readonly options: ProactiveSenderOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.windows = options.windows ?? TEAMS_WINDOWS;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.backoff = options.backoff ?? { baseMs: 1000, maxMs: 16_000 };
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.longestWindowMs = Math.max(0, ...this.windows.map((w) => w.ms));
  }

  /** Queues the activity behind the conversation's earlier messages; resolves when it is sent or given up. */
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<ProactiveOutcome> {
    const conversation = reference.conversation?.id ?? '';
    const key = `${reference.serviceUrl ?? ''} ${conversation}`;
    this.forgetIdleLanes();
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), starts: [], queued: 0 };
    this.lanes.set(key, lane);
    lane.queued++;
    const outcome = lane.tail
      .then(() => this.deliver(lane, reference, activity))
      .catch((error: unknown): ProactiveOutcome => {
        this.options.log.error({ conversation, err: error }, 'proactive message failed unexpectedly');
        return { status: 'failed', attempts: 0 };
      })
      .finally(() => lane.queued--);
    lane.tail = outcome;
    return outcome.then((result) => this.logged(conversation, result));
  }

  private async deliver(
    lane: Lane,
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
  ): Promise<ProactiveOutcome> {
    for (let attempt = 1; ; attempt++) {
      await this.takeSlot(lane);
      try {
        const result = await this.options.send(reference, activity);
        return { status: 'sent', ...(result?.id ? { id: result.id } : {}), attempts: attempt };
      } catch (error) {
        const statusCode = statusOf(error);
        const failed = { attempts: attempt, ...(statusCode ? { statusCode } : {}) };
        if (statusCode === 403) return { status: 'removed', ...failed };
        const wait = this.retryDelay(statusCode, error, attempt);
        if (wait === undefined || attempt >= this.maxAttempts) {
          this.options.log.debug(
            { conversation: reference.conversation?.id, statusCode, err: error },
            'proactive message: giving up',
          );
          return { status: 'failed', ...failed };
        }
        this.options.log.debug(
          { conversation: reference.conversation?.id, statusCode, attempt, waitMs: wait },
          'proactive message: retrying',
        );
        await this.clock.sleep(wait);
      }
    }
  }

  /** How long to wait before the next attempt, or undefined when the failure is not worth retrying. */
  private retryDelay(statusCode: number | undefined, error: unknown, attempt: number): number | undefined {
    if (statusCode === 429) {
      const retryAfter = parseRetryAfter(headerOf(error, 'retry-after'), this.clock.now());
      if (retryAfter === undefined) return this.jittered(attempt);
      return retryAfter <= this.maxRetryAfterMs ? retryAfter : undefined;
    }
    return statusCode !== undefined && RETRY_WITH_BACKOFF.has(statusCode) ? this.jittered(attempt) : undefined;
  }

  /** Exponential back-off with full jitter: anywhere from 0 to the capped exponential delay. */
  private jittered(attempt: number): number {
    const ceiling = Math.min(this.backoff.maxMs, this.backoff.baseMs * 2 ** (attempt - 1));
    return Math.floor(this.random() * ceiling);
  }

  /** Waits until one more request keeps every window of the conversation within its limit, and counts it. */
  private async takeSlot(lane: Lane): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      lane.starts = lane.starts.filter((start) => start > now - this.longestWindowMs);
      let until = now;
      for (const { ms, max } of this.windows) {
        const recent = lane.starts.filter((start) => start > now - ms);
        if (recent.length >= max) until = Math.max(until, (recent[recent.length - max] ?? now) + ms);
      }
      if (until <= now) {
        lane.starts.push(now);
        return;
      }
      await this.clock.sleep(until - now);
    }
  }

  /** A conversation with nothing queued and no request in its windows needs no lane. */
  private forgetIdleLanes(): void {
    if (this.lanes.size < 100) return;
    const now = this.clock.now();
    for (const [key, lane] of this.lanes) {
      if (lane.queued === 0 && lane.starts.every((start) => start <= now - this.longestWindowMs))
        this.lanes.delete(key);
    }
  }

  private logged(conversation: string, outcome: ProactiveOutcome): ProactiveOutcome {
    const { log } = this.options;
    const fields = { conversation, ...outcome };
    if (outcome.status === 'sent') log.info(fields, 'proactive message sent');
    else if (outcome.status === 'removed')
      log.warn(fields, 'proactive message not sent: the bot is no longer in the conversation');
    else log.error(fields, 'proactive message not sent');
    return outcome;
  }
}

/**
 * The HTTP status of a failed request: botbuilder's connector throws a RestError (@azure/core-rest-pipeline)
 * with `statusCode`, and the response (with its headers) as a non-enumerable `response`.
 */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, response } = error as { statusCode?: unknown; response?: { status?: unknown } };
  if (typeof statusCode === 'number') return statusCode;
  return typeof response?.status === 'number' ? response.status : undefined;
}

/** A response header of a failed request: RestError's `response.headers` is an HttpHeaders with get(); plain objects work too. */
export function headerOf(error: unknown, name: string): string | undefined {
  const headers = (error as { response?: { headers?: unknown } } | null)?.response?.headers;
  if (typeof headers !== 'object' || headers === null) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const value: unknown = (headers as { get(name: string): unknown }).get(name);
    return typeof value === 'string' ? value : undefined;
  }
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

/**
 * Retry-After in milliseconds from now: delay-seconds ("2", "1.5") or an HTTP date; undefined when absent
 * or unreadable. A date in the past means now.
 * @example parseRetryAfter('2', Date.now()) // 2000
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
