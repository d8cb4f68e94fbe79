/** What the bot remembers: per user (language, partner facts) and per conversation (dialogs, misses, context). */
import { ConversationState, UserState, type StatePropertyAccessor, type Storage } from 'botbuilder';
import type { DialogState } from '../adapters/botbuilderDialogs';
import type { Lang } from '../i18n/locales';
import type { Intent } from '../nlu/intents';
import type { Topic } from '../rules/decision';
import type { FactName, PartnerFacts } from '../rules/facts';
import type { TranscriptLine } from '../tickets/ticket';
import { TurnState } from './turnState';

export interface UserProfile {
  /** The language the user last wrote in or chose. */
  lang?: Lang;
  /** What the user told the bot about their company, so it never asks twice. */
  facts: PartnerFacts;
}

export interface ConversationData {
  /** Questions in a row the bot could not answer; two offer a person. */
  misses: number;
  /** The user's last question (redacted) and how it was classified: a hand-off may use it as its summary. */
  lastQuestion?: { text: string; intents: { intent: Intent; confidence: number }[] };
  /** The hand-off question waiting for an answer, to ask it again after help or a language switch. */
  handoff?: { step: 'summary' | 'consent'; summary?: string };
  /** What the conversation is about now; dropped after an idle time and on "start over". */
  context?: ConversationContext;
  /** The review item of the last miss, until the next message tells how the conversation went on (src/bot/reviewCapture.ts). */
  pendingReview?: { id: string; at: number };
  /** When the user last wrote (ms since the epoch): an idle conversation starts afresh. */
  activeAt?: number;
}

/**
 * The conversation's context: its topic, the facts the last answer rested on (the partner's own and a
 * hypothetical's), the question the bot asked with its choices, the article segments it showed, and when.
 * It holds no free text (only ids and closed fact values), so nothing in it needs redacting.
 */
export interface ConversationContext {
  topic: Topic;
  facts: PartnerFacts;
  asked?: { fact: FactName; choices: readonly string[] };
  segments: number[];
  at: number;
}

export interface BotStateAccessors {
  conversationState: ConversationState;
  userState: UserState;
  /** Both states read in one storage read at the start of a turn and written in one write at its end. */
  turn: TurnState;
  profile: StatePropertyAccessor<UserProfile>;
  conversation: StatePropertyAccessor<ConversationData>;
  dialogState: StatePropertyAccessor<DialogState>;
  /** The last lines of the conversation, redacted, for a ticket's excerpt. */
  transcript: StatePropertyAccessor<TranscriptLine[]>;
}

/** @example const state = createStateAccessors(storage); … await state.turn.load(context); … await state.turn.save(context) */
export function createStateAccessors(storage: Storage): BotStateAccessors {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  return {
    conversationState,
    userState,
    turn: new TurnState(storage, [conversationState, userState]),
    profile: userState.createProperty<UserProfile>('profile'),
    conversation: conversationState.createProperty<ConversationData>('conversation'),
    dialogState: conversationState.createProperty<DialogState>('dialogState'),
    transcript: conversationState.createProperty<TranscriptLine[]>('transcript'),
  };
}
