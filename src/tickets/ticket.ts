/** A question the bot handed to the support team, with everything it had gathered. */
import type { Lang } from '../i18n/locales';
import type { Intent } from '../nlu/intents';
import type { PartnerFacts } from '../rules/facts';
import type { ConversationAddress } from './conversationAddress';

export const TICKET_STATUSES = ['new', 'assigned', 'resolved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export interface TranscriptLine {
  from: 'user' | 'bot';
  /** Always redacted before it is kept. */
  text: string;
  at: string;
}

export interface Person {
  id: string;
  name: string;
}

export interface Ticket {
  /** Human-facing number, e.g. "MPN-000042"; unique. */
  number: string;
  createdAt: string;
  updatedAt: string;
  status: TicketStatus;
  lang: Lang;
  /** The one-line summary, redacted. */
  summary: string;
  /** The classifier's top intents for the question, best first. */
  intents: { intent: Intent; confidence: number }[];
  facts: PartnerFacts;
  /** The last lines of the conversation, redacted (Access IDs, Contract IDs, e-mail addresses, GUIDs). */
  excerpt: TranscriptLine[];
  /** Where to tell the requester about progress; removed when the requester asks to be forgotten. */
  requester?: { userKey: string; conversation: ConversationAddress };
  assignee?: Person;
  resolution?: { note: string; by: Person; at: string };
  /** The incoming activity that created it: creating twice from one activity returns the first ticket. */
  sourceActivityId: string;
  /** Bumped on every change; updates name the version they read. */
  version: number;
}

/** What creating a ticket needs; the store adds number, times, status and version. */
export type NewTicket = Pick<
  Ticket,
  'lang' | 'summary' | 'intents' | 'facts' | 'excerpt' | 'requester' | 'sourceActivityId'
>;

export interface TicketFilter {
  status?: TicketStatus;
  lang?: Lang;
  intent?: Intent;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  limit?: number;
}
