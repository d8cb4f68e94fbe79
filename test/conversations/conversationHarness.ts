/**
 * One test conversation with the bot, built as src/app.ts builds it (state over in-memory storage, the real
 * classifier, the main dialog, the feedback store, tickets with the triage channel and the triage actions,
 * turns serialized per conversation, the product's onTurnError) on botbuilder's TestAdapter, with activities
 * shaped as Microsoft Teams sends them. Proactive sends (a ticket posted to the triage channel, the requester
 * told of a resolution) go to a recording Messenger instead of a channel.
 */
import { ActivityTypes, TestAdapter, TurnContext, type Activity, type Attachment } from 'botbuilder';
import pino from 'pino';
import { MainDialog } from '../../dialogs/mainDialog';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCardJson } from '../../cards/renderCard';
import {
  createStateAccessors,
  type BotStateAccessors,
  type ConversationData,
  type UserProfile,
} from '../../src/bot/botState';
import { FEEDBACK_KEY_PREFIX, FeedbackStore, type FeedbackRecord } from '../../src/bot/feedbackStore';
import { createOnTurnError } from '../../src/bot/onTurnError';
import { ReviewCapture } from '../../src/bot/reviewCapture';
import { MemoryReviewStore } from '../../src/review/memoryReviewStore';
import { SupportBot } from '../../src/bot/supportBot';
import { TurnSerializer } from '../../src/bot/turnSerializer';
import { classifier } from '../../src/nlu/classifier';
import type { PartnerFacts } from '../../src/rules/facts';
import { InMemoryStorage } from '../../src/storage/memoryStorage';
import { requesterKey } from '../../src/tickets/requesterKey';
import { MemoryTicketStore } from '../../src/tickets/store/memoryTicketStore';
import type { Ticket } from '../../src/tickets/ticket';
import { TicketService } from '../../src/tickets/ticketService';
import { TriageActions } from '../../src/tickets/triageActions';
import { TriageChannels } from '../../src/tickets/triageChannel';
import { systemClock } from '../../src/clock';
import { RecordingMessenger } from './recordingMessenger';
import type { ConversationType, UserAction } from './scenario';

/** The channel every scenario talks on unless it names another (`channelId`). */
export const TEAMS_CHANNEL = 'msteams';
const TENANT = { id: '72f988bf-0000-0000-0000-000000000001' };
const BOT = { id: '28:mpn-support-assistant', name: 'Bot' };
const USER = { id: '29:partner-user-1', name: 'Partner User', aadObjectId: '00000000-0000-0000-0000-0000000000a1' };
const COLLEAGUE = { id: '29:partner-user-2', aadObjectId: '00000000-0000-0000-0000-0000000000a2' };
export const TEAM = { id: '19:team-general@thread.tacv2' };

/** The Teams conversation of each type the scenario's user talks in. */
const CONVERSATIONS: Record<ConversationType, Activity['conversation']> = {
  personal: { id: 'a:personal-chat-1', conversationType: 'personal', isGroup: false, tenantId: TENANT.id, name: '' },
  channel: {
    id: `${TEAM.id};messageid=1700000000000`,
    conversationType: 'channel',
    isGroup: true,
    tenantId: TENANT.id,
    name: 'General',
  },
  groupChat: {
    id: '19:group-chat-1@thread.v2',
    conversationType: 'groupChat',
    isGroup: true,
    tenantId: TENANT.id,
    name: 'Partner team',
  },
};

/** The data of an Action.Submit on a card. */
export type SubmitButton = { title: string; data: Record<string, unknown> };

export interface ConversationOptions {
  locale: string;
  conversationType: ConversationType;
  /** The Bot Framework channel (default msteams); `webchat` and the like also get the hand-off event. */
  channelId?: string;
  /** CONVERSATION_IDLE_MINUTES as the bot is configured (default 30). */
  idleMinutes?: number;
}

export class Conversation {
  /** The storage's own memory: its keys can be listed, its records are read back through the storage. */
  private readonly memory: Record<string, string> = {};
  readonly storage = new InMemoryStorage(this.memory);
  /** The tickets, as app.ts keeps them with STORAGE_URL=memory:. */
  readonly tickets = new MemoryTicketStore();
  /** The missed questions kept for review, as app.ts keeps them with STORAGE_URL=memory:. */
  readonly reviews = new MemoryReviewStore();
  /** Every proactive send the bot asked for, in order. */
  readonly messenger = new RecordingMessenger();
  /** Warnings and errors the product logged (onTurnError, the ticket service, the triage actions): a scenario fails on the first one. */
  readonly turnErrors: string[] = [];
  private readonly adapter: TestAdapter;
  private lastCard: AdaptiveCardJson | undefined;
  /** The last activity the user sent, and the storage as it was before it: a redelivery repeats it. */
  private last: { activity: Partial<Activity>; memoryBefore: Record<string, string> } | undefined;
  private activityCounter = 0;
  /** The bot's clock: a scenario's "idle" step moves it on. */
  private now = Date.parse('2026-12-04T09:00:00Z');

  constructor(readonly defaults: ConversationOptions) {
    const log = pino({ level: 'warn' }, { write: (line: string) => void this.turnErrors.push(line) });
    const state = createStateAccessors(this.storage);
    const service = new TicketService(this.tickets, new TriageChannels(this.storage), this.messenger, log);
    const review = new ReviewCapture(this.reviews, state, log);
    const bot = new SupportBot({
      state,
      classifier: classifier(),
      mainDialog: new MainDialog({ state, feedback: new FeedbackStore(this.storage), tickets: service, review }),
      triage: new TriageActions(service, log),
      // app.ts passes the storage's shared lock; memory storage has none, so turns queue in this process.
      serializer: new TurnSerializer(),
      clock: { ...systemClock, now: () => this.now },
      review,
      ...(defaults.idleMinutes ? { idleMinutes: defaults.idleMinutes } : {}),
    });
    this.adapter = new TestAdapter(async (context) => bot.run(context));
    this.adapter.onTurnError = createOnTurnError(state, log);
  }

  /** The channel this conversation is on. */
  get channelId(): string {
    return this.defaults.channelId ?? TEAMS_CHANNEL;
  }

  /** Does what the user does and returns everything the bot sent in that turn. */
  async act(action: Exclude<UserAction, { do: 'redeliver' }>): Promise<Partial<Activity>[]> {
    if ('idle' in action && action.idle) this.now += action.idle * 60_000;
    const activity = this.activityFor(action);
    this.last = { activity: structuredClone(activity), memoryBefore: { ...this.memory } };
    return this.process(activity);
  }

  /**
   * The channel delivers the user's last activity again, with the same id (as Teams does when a reply took
   * too long). `stateLost`: the first delivery's turn ended before it saved its state (the process stopped),
   * so the bot state is what it was before that delivery; whatever else it did (a ticket it opened) stays.
   */
  async redeliver(stateLost: boolean): Promise<Partial<Activity>[]> {
    if (!this.last) throw new Error('redeliver: the user has sent nothing yet');
    if (stateLost) {
      for (const key of Object.keys(this.memory)) delete this.memory[key];
      Object.assign(this.memory, this.last.memoryBefore);
    }
    return this.process(structuredClone(this.last.activity));
  }

  private async process(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    await this.adapter.processActivity(activity);
    const replies = this.adapter.activeQueue.splice(0);
    const cards = replies.map(cardOf).filter((card): card is AdaptiveCardJson => card !== undefined);
    if (cards.length) this.lastCard = cards.at(-1);
    return replies;
  }

  /** Accessors over a fresh state on the same storage, and a context for reading it as the scenario's user. */
  private reader(): { state: BotStateAccessors; context: TurnContext } {
    const state = createStateAccessors(this.storage);
    return { state, context: new TurnContext(this.adapter, this.activityFor({ do: 'say', text: 'read' })) };
  }

  /** The user's profile as stored at the end of the last turn, read back with a fresh state over the storage. */
  async profile(): Promise<UserProfile | undefined> {
    const { state, context } = this.reader();
    return state.profile.get(context);
  }

  /** The user's state record as stored, if there is one at all ("forget my details" deletes it). */
  async userRecord(): Promise<unknown> {
    const key = `${this.channelId}/users/${USER.id}/`;
    return (await this.storage.read([key]))[key];
  }

  /** The conversation's data (misses, the last question) as stored at the end of the last turn. */
  async conversationData(conversationType?: ConversationType): Promise<ConversationData | undefined> {
    const state = createStateAccessors(this.storage);
    const context = new TurnContext(
      this.adapter,
      this.activityFor({ do: 'say', text: 'read', ...(conversationType ? { conversationType } : {}) }),
    );
    return state.conversation.get(context);
  }

  async facts(): Promise<PartnerFacts> {
    return (await this.profile())?.facts ?? {};
  }

  /** Every ticket in the store, oldest first. */
  async allTickets(): Promise<Ticket[]> {
    return (await this.tickets.list()).reverse();
  }

  /** The key the scenario's user's tickets are filed under. */
  get requesterKey(): string {
    return requesterKey(this.channelId, USER.id);
  }

  /** The id of the conversation of a type, as the bot sees it. */
  conversationIdOf(type: ConversationType): string {
    return CONVERSATIONS[type]?.id ?? '';
  }

  /** Every feedback record, read back through the storage, oldest first. */
  async feedbackRecords(): Promise<{ key: string; record: FeedbackRecord }[]> {
    const keys = Object.keys(this.memory).filter((key) => key.startsWith(FEEDBACK_KEY_PREFIX));
    const items = keys.length ? await this.storage.read(keys) : {};
    return keys
      .map((key) => ({ key, record: items[key] as FeedbackRecord }))
      .sort((a, b) => a.record.at.localeCompare(b.record.at) || a.key.localeCompare(b.key));
  }

  private activityFor(action: Exclude<UserAction, { do: 'redeliver' }>): Partial<Activity> {
    const type = action.conversationType ?? this.defaults.conversationType;
    const teams = this.channelId === TEAMS_CHANNEL;
    const base: Partial<Activity> = {
      id: `activity-${++this.activityCounter}`,
      channelId: this.channelId,
      serviceUrl: teams ? 'https://smba.trafficmanager.net/emea/' : 'https://directline.botframework.com/',
      locale: action.locale ?? this.defaults.locale,
      from: USER,
      recipient: BOT,
      conversation: CONVERSATIONS[type],
      ...(teams
        ? { channelData: { tenant: TENANT, ...(type === 'channel' ? { team: TEAM, channel: TEAM } : {}) } }
        : {}),
    };
    switch (action.do) {
      case 'say':
        return { ...base, type: ActivityTypes.Message, text: action.text, textFormat: 'plain' };
      case 'click':
        return { ...base, type: ActivityTypes.Message, value: action.value };
      case 'press':
        return { ...base, type: ActivityTypes.Message, value: this.button(action.match).data };
      case 'teams':
        return {
          ...base,
          type: ActivityTypes.Message,
          text: action.text,
          textFormat: 'plain',
          entities: mentionsIn(action.text, action.mentioned),
        };
      case 'membersAdded':
        return {
          ...base,
          type: ActivityTypes.ConversationUpdate,
          membersAdded: [BOT],
          ...(type === 'channel' ? { channelData: { ...base.channelData, eventType: 'teamMemberAdded' } } : {}),
        };
    }
  }

  /** The one button of the last card whose data has every field of `match`. */
  private button(match: Record<string, unknown>): SubmitButton {
    if (!this.lastCard) throw new Error('press: the bot has sent no card to press a button on');
    const buttons = submitButtons(this.lastCard).filter(({ data }) =>
      Object.entries(match).every(([k, v]) => JSON.stringify(data[k]) === JSON.stringify(v)),
    );
    if (buttons.length !== 1) {
      const all = submitButtons(this.lastCard).map((b) => JSON.stringify(b.data));
      throw new Error(
        `press ${JSON.stringify(match)}: ${buttons.length} buttons of the last card match; its buttons are\n  ${all.join('\n  ')}`,
      );
    }
    return buttons[0] as SubmitButton;
  }
}

/** The mention entity Teams adds for the `<at>Name</at>` in a message: the bot's, or a colleague's. */
function mentionsIn(text: string, mentioned: boolean | string): Activity['entities'] {
  const name = mentioned === true ? BOT.name : mentioned;
  if (name === false) return [];
  const tag = `<at>${name}</at>`;
  if (!text.includes(tag)) throw new Error(`teams: the text must contain ${tag} for the mention of ${name}`);
  const who = mentioned === true ? BOT : { ...COLLEAGUE, name };
  return [{ type: 'mention', mentioned: { id: who.id, name: who.name }, text: tag }];
}

/** The Adaptive Card a reply carries, if it carries one. */
export function cardOf(reply: Partial<Activity>): AdaptiveCardJson | undefined {
  const attachment = reply.attachments?.find((a: Attachment) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE);
  return attachment?.content as AdaptiveCardJson | undefined;
}

/** Every Action.Submit of a card, in the body (action sets, at any depth) and in its actions. */
export function submitButtons(card: AdaptiveCardJson): SubmitButton[] {
  const found: SubmitButton[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Submit')
      found.push({ title: String(element.title), data: (element.data ?? {}) as Record<string, unknown> });
    for (const value of Object.values(element)) visit(value);
  };
  visit(card.body);
  visit(card.actions);
  return found;
}
