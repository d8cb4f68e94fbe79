/** The typed data each card template binds: one interface per kind of card in cards/templates/*.json. */

/** What an Action.Submit sends back: always an object with an `action` verb from cards/verbs.ts. */
export type SubmitData = { action: string } & Record<string, unknown>;

export interface Button {
  title: string;
  data: SubmitData;
}

export interface Link {
  title: string;
  url: string;
}

export interface Fact {
  title: string;
  value: string;
}

export interface Feedback {
  question: string;
  answers: Button[];
}

/** A piece of an answer: a quoted sentence, a numbered step, or a note. */
export type AnswerBlock =
  { kind: 'text'; text: string } | { kind: 'step'; marker: string; text: string } | { kind: 'note'; text: string };

/** Sentences of one section of the article that answer the question, quoted, with the section of the live article they are from. */
export interface QuotedPassage {
  sentences: { text: string }[];
  cite: Link;
}

interface CardBase {
  /** The language of the card's text as the schema wants it: two letters (ISO 639-1), e.g. "pt". */
  lang: string;
}

/** A question the bot asks, with the choices that answer it. */
interface Asking {
  question: string;
  choices: Button[];
}

export interface AnswerCardData extends CardBase {
  title: string;
  /** The sentences that answer the question asked, ahead of everything else (empty for a topic's own question). */
  quoted: QuotedPassage[];
  lead: string;
  blocks: AnswerBlock[];
  /** The section's blocks behind an Action.ShowCard with this title, when the quoted sentences lead; '' shows them in the body. */
  foldTitle: string;
  facts: Fact[];
  source: Link;
  links: Link[];
  followUps: Button[];
  feedback: Feedback;
}

/** One membership's column of the article's entitlement table. */
export interface MembershipEntitlement {
  title: string;
  facts: Fact[];
}

export interface EntitlementCardData extends CardBase {
  title: string;
  /** The sentences that answer the question asked, ahead of the table. */
  quoted: QuotedPassage[];
  intro: string;
  lead: string;
  facts: Fact[];
  /** Every membership's entitlement, when the partner's own is not known. */
  memberships: MembershipEntitlement[];
  footnote: string;
  notes: { text: string }[];
  source: Link;
  links: Link[];
  followUps: Button[];
  feedback: Feedback;
}

export interface QuestionCardData extends CardBase, Asking {
  title: string;
  context: { text: string }[];
  followUps: Button[];
}

export interface ClarifyCardData extends CardBase {
  title: string;
  text: string;
  candidates: Button[];
  followUps: Button[];
}

export interface WelcomeCardData extends CardBase {
  title: string;
  intro: string;
  commands: string;
  suggestionsTitle: string;
  suggestions: Button[];
  languageTitle: string;
  languages: Button[];
}

export interface FallbackCardData extends CardBase {
  title: string;
  text: string;
  suggestions: Button[];
  personText: string;
  followUps: Button[];
}

export interface FeedbackCardData extends CardBase {
  text: string;
  comment: { show: boolean; inputId: string; label: string; placeholder: string; send: string; data: SubmitData };
  followUps: Button[];
}

export interface TicketCardData extends CardBase {
  title: string;
  numberLabel: string;
  number: string;
  statusLabel: string;
  status: string;
  createdLabel: string;
  created: string;
  summaryLabel: string;
  summary: string;
  facts: Fact[];
  next: string;
}

/** An Action.Execute (Teams Universal Actions): a verb and its data. */
export interface Execute {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** A ticket as the support team sees it in the triage channel, with Universal Actions. */
export interface TriageCardData extends CardBase {
  title: string;
  facts: Fact[];
  summary: string;
  partnerFacts: Fact[];
  excerptTitle: string;
  excerpt: { text: string }[];
  resolution: string;
  canAssign: boolean;
  canResolve: boolean;
  assign: Execute;
  resolve: Execute & { noteInputId: string; noteLabel: string; notePlaceholder: string };
  /** Teams refreshes the card for these users (at most 60) when they see it. */
  refresh: Execute & { userIds: string[] };
}

/** Every kind of card and the data its template binds. */
export interface CardDataByKind {
  answer: AnswerCardData;
  entitlement: EntitlementCardData;
  question: QuestionCardData;
  clarify: ClarifyCardData;
  welcome: WelcomeCardData;
  fallback: FallbackCardData;
  feedback: FeedbackCardData;
  ticket: TicketCardData;
  triage: TriageCardData;
}

export type CardKind = keyof CardDataByKind;

/** A card of some kind with its data, before rendering. */
export type CardView = { [K in CardKind]: { kind: K; data: CardDataByKind[K] } }[CardKind];
