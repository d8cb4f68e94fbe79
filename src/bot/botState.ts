/** What the bot remembers: per user (language, partner facts) and per conversation (dialogs, misses). */
import type { ConversationState, StatePropertyAccessor, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Lang } from '../i18n/locales';
import type { PartnerFacts } from '../rules/facts';

export interface UserProfile {
  /** The language the user last wrote in or chose. */
  lang?: Lang;
  /** What the user told the bot about their company, so it never asks twice. */
  facts: PartnerFacts;
}

export interface ConversationData {
  /** Questions in a row the bot could not answer; two offer a person. */
  misses: number;
}

export interface BotStateAccessors {
  conversationState: ConversationState;
  userState: UserState;
  profile: StatePropertyAccessor<UserProfile>;
  conversation: StatePropertyAccessor<ConversationData>;
  dialogState: StatePropertyAccessor<DialogState>;
}

export function createStateAccessors(conversationState: ConversationState, userState: UserState): BotStateAccessors {
  return {
    conversationState,
    userState,
    profile: userState.createProperty<UserProfile>('profile'),
    conversation: conversationState.createProperty<ConversationData>('conversation'),
    dialogState: conversationState.createProperty<DialogState>('dialogState'),
  };
}
