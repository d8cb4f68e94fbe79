/**
 * Where a requester's conversation is, as the channel described it: the fields of a Bot Framework conversation
 * reference that a ticket keeps. Declared here, not imported from the SDK, so that tickets and the views that
 * show them stay free of botbuilder; the SDK's `Partial<ConversationReference>` is structurally the same and the
 * senders hand it on as it is.
 */

export interface AddressAccount {
  id: string;
  name: string;
  aadObjectId?: string;
}

export interface AddressConversation extends AddressAccount {
  isGroup: boolean;
  conversationType: string;
  tenantId?: string;
}

export interface ConversationAddress {
  activityId?: string;
  user?: AddressAccount;
  bot?: AddressAccount;
  conversation?: AddressConversation;
  channelId?: string;
  locale?: string;
  serviceUrl?: string;
}
