/**
 * A Teams personal chat with the bot over POST /api/messages (anonymous development mode): each step posts one
 * activity and returns the replies the fake connector received for it. The bot sends its replies before the
 * POST is answered, so nothing needs to be waited for.
 */
import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../../cards/renderCard';
import { cardOf, submitButtons } from '../../conversations/conversationHarness';
import type { FakeConnector, ReceivedActivity } from '../../support/fakeConnector';
import { postJson, type Exchange } from './appHarness';

export type Reply = ReceivedActivity['activity'];

export interface ChatOptions {
  conversationId?: string;
  userId?: string;
  locale?: string;
  channelId?: string;
  /** The bot's base URL (the harness's). */
  url: string;
  connector: FakeConnector;
  /** Headers of every POST (e.g. X-Forwarded-For). */
  headers?: Record<string, string>;
}

export interface Step extends Exchange {
  replies: Reply[];
}

export class TeamsChat {
  readonly conversationId: string;
  readonly userId: string;
  private lastCard: AdaptiveCardJson | undefined;

  constructor(private readonly options: ChatOptions) {
    this.conversationId = options.conversationId ?? `a:robustness-${randomUUID()}`;
    this.userId = options.userId ?? `29:robustness-${randomUUID()}`;
  }

  /** The activity as Teams would post it, with `extra` on top. */
  activity(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      type: 'message',
      id: `activity-${randomUUID()}`,
      timestamp: new Date().toISOString(),
      locale: this.options.locale ?? 'en-US',
      channelId: this.options.channelId ?? 'msteams',
      serviceUrl: this.options.connector.serviceUrl,
      from: { id: this.userId, name: 'Partner admin', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
      recipient: { id: '28:mpn-support-assistant', name: 'Support benefits' },
      conversation: {
        id: this.conversationId,
        conversationType: 'personal',
        tenantId: '72f988bf-0000-0000-0000-000000000001',
      },
      channelData: { tenant: { id: '72f988bf-0000-0000-0000-000000000001' } },
      ...extra,
    };
  }

  async say(text: string, extra: Record<string, unknown> = {}): Promise<Step> {
    return this.post(this.activity({ text, textFormat: 'plain', ...extra }));
  }

  /** A card submit as Teams sends it: a message with the button's data as its value. */
  async submit(value: unknown, extra: Record<string, unknown> = {}): Promise<Step> {
    return this.post(this.activity({ value, ...extra }));
  }

  /** Presses the one button of the last card whose data has every field of `match`. */
  async press(match: Record<string, unknown>): Promise<Step> {
    if (!this.lastCard) throw new Error('press: the bot has sent no card yet');
    const buttons = submitButtons(this.lastCard).filter(({ data }) =>
      Object.entries(match).every(([key, value]) => JSON.stringify(data[key]) === JSON.stringify(value)),
    );
    if (buttons.length !== 1)
      throw new Error(
        `press ${JSON.stringify(match)}: ${buttons.length} buttons match in ${JSON.stringify(submitButtons(this.lastCard).map((b) => b.data))}`,
      );
    return this.submit(buttons[0]?.data);
  }

  async post(activity: Record<string, unknown>): Promise<Step> {
    const { connector } = this.options;
    const before = connector.received.length;
    const exchange = await postJson(this.options.url, '/api/messages', activity, this.options.headers);
    const replies = connector.received
      .slice(before)
      .filter((r) => r.conversationId === this.conversationId)
      .map((r) => r.activity);
    const card = [...replies]
      .reverse()
      .map((reply) => cardOf(reply as never))
      .find(Boolean);
    if (card) this.lastCard = card;
    return { ...exchange, replies };
  }
}

/** The data of every submit button of the replies' cards. */
export function buttonsOf(replies: readonly Reply[]): Record<string, unknown>[] {
  return replies.flatMap((reply) => {
    const card = cardOf(reply);
    return card ? submitButtons(card).map((button) => button.data) : [];
  });
}

/** Whether the replies ask for a fact: a card whose buttons answer it. */
export function asksFor(replies: readonly Reply[], fact: string): boolean {
  return buttonsOf(replies).some((data) => data.action === 'fact' && data.fact === fact);
}
