/**
 * Retention: once at start and then every hour, deletes the tickets (and the review items, src/review, and the
 * insights' events, src/insights) created more than TICKET_RETENTION_DAYS ago, and the Direct Line conversations without activity for CONVERSATION_RETENTION_DAYS, with their
 * activities and their bot conversation state (its key is known from the conversation id).
 *
 * The bot state of Teams conversations and of users is not aged out here: botbuilder's Storage cannot list
 * keys, and the same storage holds what must not expire (the triage channel, feedback). A Teams conversation's
 * state is its dialog stack and a few redacted lines, rewritten every turn; a user's state (language, partner
 * facts) goes when the user says "forget me".
 *
 * Every instance runs the job; the deletes are idempotent, so instances that run it at once do no harm.
 */
import type { Storage } from 'botbuilder';
import type { Logger } from '../log/logger';
import type { DirectLineStore } from '../directline/store/directLineStore';
import type { InsightsStore } from '../insights/store/insightsStore';
import type { ReviewStore } from '../review/reviewStore';
import type { TicketStore } from '../tickets/store/ticketStore';

export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Conversation state keys deleted per storage call. */
const STATE_BATCH = 500;

/** Days to keep: TICKET_RETENTION_DAYS and CONVERSATION_RETENTION_DAYS (Config['retention']). */
export interface RetentionSettings {
  ticketDays: number;
  conversationDays: number;
}

export interface RetentionOptions {
  tickets: Pick<TicketStore, 'deleteCreatedBefore'>;
  /** The missed questions kept for review: kept as long as tickets. */
  reviews?: Pick<ReviewStore, 'deleteCreatedBefore'>;
  /** The insights' events: kept as long as the tickets they count. */
  insights?: Pick<InsightsStore, 'deleteBefore'>;
  conversations: Pick<DirectLineStore, 'deleteInactiveBefore'>;
  /** The bot's state: the conversation state of each deleted Direct Line conversation is deleted with it. */
  state: Pick<Storage, 'delete'>;
  settings: RetentionSettings;
  log: Logger;
  /** Milliseconds since the epoch (a seam for tests). */
  now?: () => number;
  intervalMs?: number;
}

export interface RetentionRun {
  ticketsBefore: string;
  conversationsBefore: string;
  tickets: number;
  conversations: number;
  /** Review items deleted (with `reviews` only). */
  reviewItems?: number;
  /** Insights events deleted (with `insights` only). */
  insightEvents?: number;
}

/**
 * The key ConversationState (botbuilder-core, default namespace) keeps a Direct Line conversation's state under.
 * @example directLineStateKey('8Fz…') // 'directline/conversations/8Fz…/'
 */
export function directLineStateKey(conversationId: string): string {
  return `directline/conversations/${conversationId}/`;
}

export class Retention {
  private timer?: NodeJS.Timeout;
  private running?: Promise<RetentionRun | undefined>;
  private readonly now: () => number;

  constructor(private readonly options: RetentionOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Runs once now, then every interval; the timer never keeps the process alive. */
  start(): this {
    if (this.timer) return this;
    void this.runSafely();
    this.timer = setInterval(() => void this.runSafely(), this.options.intervalMs ?? RETENTION_INTERVAL_MS).unref();
    return this;
  }

  /** One pass: what was deleted, and the cut-offs it used. */
  async runOnce(): Promise<RetentionRun> {
    const { tickets, conversations, state, settings } = this.options;
    const now = this.now();
    const ticketsBefore = new Date(now - settings.ticketDays * DAY_MS);
    const conversationsBefore = new Date(now - settings.conversationDays * DAY_MS);
    const deletedTickets = await tickets.deleteCreatedBefore(ticketsBefore);
    const reviewItems = await this.options.reviews?.deleteCreatedBefore(ticketsBefore);
    const insightEvents = await this.options.insights?.deleteBefore(ticketsBefore);
    const ids = await conversations.deleteInactiveBefore(conversationsBefore);
    for (let i = 0; i < ids.length; i += STATE_BATCH)
      await state.delete(ids.slice(i, i + STATE_BATCH).map(directLineStateKey));
    return {
      ticketsBefore: ticketsBefore.toISOString(),
      conversationsBefore: conversationsBefore.toISOString(),
      tickets: deletedTickets,
      conversations: ids.length,
      ...(reviewItems === undefined ? {} : { reviewItems }),
      ...(insightEvents === undefined ? {} : { insightEvents }),
    };
  }

  /** Stops the timer and waits for a pass in progress, so the stores can be closed after it. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** A pass from the timer: one at a time, and a failure is logged, never thrown. */
  private runSafely(): Promise<RetentionRun | undefined> {
    if (this.running) return this.running;
    const run = this.runOnce().then(
      (result) => {
        if (result.tickets || result.conversations || result.reviewItems || result.insightEvents)
          this.options.log.info(result, 'retention: old tickets and conversations deleted');
        return result;
      },
      (error: unknown) => {
        this.options.log.warn(
          { err: error },
          'retention: deleting old tickets and conversations failed; the next pass tries again',
        );
        return undefined;
      },
    );
    this.running = run.finally(() => (this.running = undefined));
    return this.running;
  }
}

/** @example const retention = startRetention({ tickets, conversations, state: storage, settings: config.retention, log }); … await retention.stop() */
export function startRetention(options: RetentionOptions): Retention {
  return new Retention(options).start();
}
