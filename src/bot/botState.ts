/** What the bot remembers: per user (language, partner facts) and per conversation (dialogs, misses). */
import type { ConversationState, StatePropertyAccessor, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Lang } from '../i18n/locales';
import type { Intent } from '../nlu/intents';
import type { PartnerFacts } from '../rules/facts';
import type { TranscriptLine } from '../triage/tickets/ticket';

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
}

export interface BotStateAccessors {
  conversationState: ConversationState;
  userState: UserState;
  profile: StatePropertyAccessor<UserProfile>;
  conversation: StatePropertyAccessor<ConversationData>;
  dialogState: StatePropertyAccessor<DialogState>;
  /** The last lines of the conversation, redacted, for a ticket's excerpt. */
  transcript: StatePropertyAccessor<TranscriptLine[]>;
}

export function createStateAccessors(conversationState: ConversationState, userState: UserState): BotStateAccessors {
  return {
    conversationState,
    userState,
    profile: userState.createProperty<UserProfile>('profile'),
    conversation: conversationState.createProperty<ConversationData>('conversation'),
    dialogState: conversationState.createProperty<DialogState>('dialogState'),
    transcript: conversationState.createProperty<TranscriptLine[]>('transcript'),
  };
}
