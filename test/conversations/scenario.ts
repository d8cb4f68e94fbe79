/**
 * The conversation-test format: one JSON file per scenario, a script of what the user does and what the bot
 * does, stated as keys and facts (never copied sentences). `parseScenario` checks a file and names what is
 * wrong in it. The format is described in test/conversations/README.md.
 */
import { CARD_KINDS } from '../../cards/templates';
import type { CardKind } from '../../cards/cardData';
import { hasString } from '../../src/i18n/strings';
import { isLang, LOCALE_OF, type Lang } from '../../src/i18n/locales';
import { isIntent, isTopic, type Intent } from '../../src/nlu/intents';
import type { Topic } from '../../src/rules/decision';
import { isFactName, sanitizeFacts, type FactName, type PartnerFacts } from '../../src/rules/facts';
import { MASKS } from '../../src/privacy/redact';
import { TICKET_STATUSES, type TicketStatus } from '../../src/tickets/ticket';

export const CONVERSATION_TYPES = ['personal', 'channel', 'groupChat'] as const;
export type ConversationType = (typeof CONVERSATION_TYPES)[number];

/**
 * The cards a welcome- or fallback-kind card can be: the view function that built it. `handoff` is the offer
 * of a person (handoffOfferView), `handoff_after_misses` the same offer after two misses in a row; an answer
 * card can be `article`, the article's sentences for a question no topic names (articleAnswerView).
 */
export const VIEWS = ['welcome', 'help', 'fallback', 'handoff', 'handoff_after_misses', 'article'] as const;
export type ViewName = (typeof VIEWS)[number];

/** The two question cards of the hand-off: the one-line summary, then consent to share. */
export const HANDOFF_QUESTIONS = ['summary', 'consent'] as const;
export type HandoffQuestion = (typeof HANDOFF_QUESTIONS)[number];

/** Where a hand-off's summary came from: what the user typed at the summary question, or their last question. */
export const SUMMARY_SOURCES = ['typed', 'last_question'] as const;
export type SummarySource = (typeof SUMMARY_SOURCES)[number];

/** The events the bot may send besides messages. */
export const EVENTS = ['handoff.initiate'] as const;
export type EventName = (typeof EVENTS)[number];

export type MaskName = keyof typeof MASKS;

/** What a scenario says about one stored ticket (see README: "Checks on what is stored"). */
export interface TicketExpectation {
  number: string;
  status?: TicketStatus;
  lang?: Lang;
  summary?: SummarySource;
  facts?: PartnerFacts;
  /** The ticket's top intents start with these, best first. */
  intents?: Intent[];
  /** Text typed in the conversation → the mask it must be stored under: the text is nowhere in the ticket, the mask is in its excerpt. */
  redacted?: Record<string, MaskName>;
  /** Whether the ticket links back to the scenario's user and conversation. */
  requester?: boolean;
  /** "forget my details" went over it: summary, excerpt and facts gone, no requester. */
  forgotten?: boolean;
}

/** One proactive send the bot asked the Messenger for: a ticket's card posted to the triage channel. */
export interface PostExpectation {
  to: ConversationType;
  card: 'triage';
  ticket: string;
  lang: Lang;
}

/** Fields every user action may carry: the channel locale and the conversation it happens in. */
interface UserActionBase {
  locale?: string;
  conversationType?: ConversationType;
  /** Minutes the conversation stood idle before this action (the bot's clock moves on). */
  idle?: number;
}

export type UserAction =
  | (UserActionBase & { do: 'say'; text: string })
  | (UserActionBase & { do: 'click'; value: unknown })
  | (UserActionBase & { do: 'press'; match: Record<string, unknown> })
  | (UserActionBase & { do: 'teams'; text: string; mentioned: boolean | string })
  | (UserActionBase & { do: 'membersAdded' })
  | { do: 'redeliver'; stateLost: boolean };

export type BotExpectation =
  | {
      expect: 'card';
      kind: CardKind;
      lang: Lang;
      topic?: Topic;
      view?: ViewName;
      states?: Record<string, string | number | boolean>;
      quotes?: number[];
      /** Segment ids one of which the card's first quoted block must quote. */
      leads?: number[];
      asks?: FactName;
      facts?: PartnerFacts;
      /** A hypothetical follow-up's facts: the card rests on the profile's facts with these in their place. */
      assumes?: PartnerFacts;
      /** For a message that asks several things: the part of it this card answers (its sentences lead the card). */
      part?: string;
      /** A detail question on the current topic: the card leads with what the question retrieves on that topic. */
      detail?: boolean;
      candidates?: Intent[];
      helpful?: boolean;
      handoff?: HandoffQuestion;
      offersLastQuestion?: boolean;
      summary?: SummarySource;
      number?: string;
    }
  | { expect: 'string'; key: string; lang: Lang }
  | { expect: 'event'; name: EventName; lang: Lang }
  | { expect: 'silent' };

export type Check =
  | { check: 'remembers'; facts: PartnerFacts }
  | { check: 'stored'; feedback?: Record<string, unknown>[]; tickets?: TicketExpectation[]; profile?: null }
  | { check: 'posted'; posts: PostExpectation[] };

export type Step = ({ at: number } & UserAction) | ({ at: number } & BotExpectation) | ({ at: number } & Check);

export interface Scenario {
  file: string;
  title: string;
  lang: Lang;
  locale: string;
  conversationType: ConversationType;
  /** The Bot Framework channel the conversation is on (default msteams). */
  channelId?: string;
  steps: Step[];
}

export class ScenarioFormatError extends Error {
  constructor(file: string, where: string, reason: string) {
    super(`${file}: ${where}: ${reason}`);
    this.name = 'ScenarioFormatError';
  }
}

const USER_KEYS = ['user', 'click', 'press', 'teams', 'membersAdded', 'redeliver'] as const;
const BOT_KEYS = ['card', 'string', 'event', 'silent'] as const;
const CHECK_KEYS = ['remembers', 'stored', 'posted'] as const;
const STEP_OPTIONS: Record<string, readonly string[]> = {
  user: ['locale', 'conversationType', 'idle'],
  click: ['locale', 'conversationType', 'idle'],
  press: ['locale', 'conversationType', 'idle'],
  teams: ['locale'],
  membersAdded: ['locale', 'conversationType'],
  redeliver: [],
  card: [
    'lang',
    'topic',
    'view',
    'states',
    'quotes',
    'leads',
    'asks',
    'facts',
    'assumes',
    'part',
    'detail',
    'candidates',
    'helpful',
    'handoff',
    'offersLastQuestion',
    'summary',
    'number',
  ],
  string: ['lang'],
  event: ['lang'],
  silent: [],
  remembers: [],
  stored: [],
  posted: [],
};
const TICKET_FIELDS = ['number', 'status', 'lang', 'summary', 'facts', 'intents', 'redacted', 'requester', 'forgotten'];
const TICKET_NUMBER = /^MPN-\d{6}$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isConversationType = (value: unknown): value is ConversationType =>
  (CONVERSATION_TYPES as readonly unknown[]).includes(value);

/** Checks one scenario file's JSON and returns it in the runner's terms. */
export function parseScenario(file: string, json: unknown): Scenario {
  const fail = (where: string, reason: string): never => {
    throw new ScenarioFormatError(file, where, reason);
  };
  if (!isObject(json)) return fail('file', 'a scenario is a JSON object');
  const { title, lang, locale, conversationType = 'personal', channelId, steps } = json;
  for (const key of Object.keys(json)) {
    if (!['$comment', 'title', 'lang', 'locale', 'conversationType', 'channelId', 'steps'].includes(key))
      fail('file', `unknown field "${key}"`);
  }
  if (channelId !== undefined && (typeof channelId !== 'string' || !channelId))
    fail('channelId', 'a Bot Framework channel id such as "webchat"');
  if (typeof title !== 'string' || !title) fail('title', 'a non-empty string is required');
  if (!isLang(lang))
    fail('lang', `the default reply language must be one of en, ru, pt, fr, not ${JSON.stringify(lang)}`);
  if (locale !== undefined && typeof locale !== 'string') fail('locale', 'a BCP 47 locale string such as "pt-BR"');
  if (!isConversationType(conversationType)) fail('conversationType', `one of ${CONVERSATION_TYPES.join(', ')}`);
  if (!Array.isArray(steps) || !steps.length) fail('steps', 'a non-empty list of steps is required');
  const defaultLang = lang as Lang;
  const parsed = (steps as unknown[]).map((step, index) => parseStep(step, index + 1, defaultLang, fail));
  if (!parsed[0] || !('do' in parsed[0])) fail('step 1', 'a scenario starts with something the user does');
  return {
    file,
    title: title as string,
    lang: defaultLang,
    locale: (locale as string | undefined) ?? LOCALE_OF[defaultLang],
    conversationType: conversationType as ConversationType,
    ...(channelId ? { channelId: channelId as string } : {}),
    steps: parsed,
  };
}

function parseStep(step: unknown, at: number, defaultLang: Lang, fail: (where: string, reason: string) => never): Step {
  const where = `step ${at}`;
  if (!isObject(step)) return fail(where, 'a step is an object');
  const verbs = [...USER_KEYS, ...BOT_KEYS, ...CHECK_KEYS].filter((key) => key in step);
  if (verbs.length !== 1)
    return fail(
      where,
      `a step has exactly one of ${[...USER_KEYS, ...BOT_KEYS, ...CHECK_KEYS].join(', ')}; found ${verbs.join(', ') || 'none'}`,
    );
  const verb = verbs[0] as string;
  for (const key of Object.keys(step)) {
    if (key !== verb && key !== '$comment' && !STEP_OPTIONS[verb]?.includes(key))
      fail(where, `"${key}" is not an option of a "${verb}" step`);
  }
  const base: UserActionBase = {};
  if (step.locale !== undefined)
    base.locale = typeof step.locale === 'string' ? step.locale : fail(where, 'locale is a string');
  if (step.conversationType !== undefined) {
    base.conversationType = isConversationType(step.conversationType)
      ? step.conversationType
      : fail(where, `conversationType is one of ${CONVERSATION_TYPES.join(', ')}`);
  }
  if (step.idle !== undefined)
    base.idle =
      typeof step.idle === 'number' && step.idle > 0
        ? step.idle
        : fail(where, 'idle: the minutes the conversation stood idle, a positive number');
  const lang =
    step.lang === undefined
      ? defaultLang
      : isLang(step.lang)
        ? step.lang
        : fail(where, `lang ${JSON.stringify(step.lang)} is not en, ru, pt or fr`);
  switch (verb) {
    case 'user':
      return typeof step.user === 'string' && step.user.trim()
        ? { at, do: 'say', text: step.user, ...base }
        : fail(where, 'user: the text the user types');
    case 'click':
      return { at, do: 'click', value: step.click, ...base };
    case 'press':
      return isObject(step.press)
        ? { at, do: 'press', match: step.press, ...base }
        : fail(where, 'press: some fields of the data of a button on the last card');
    case 'teams': {
      const teams = step.teams;
      if (!isObject(teams)) return fail(where, 'teams: { conversationType, mentioned, text }');
      const { conversationType, mentioned, text } = teams;
      if (!isConversationType(conversationType))
        fail(where, `teams.conversationType is one of ${CONVERSATION_TYPES.join(', ')}`);
      if (typeof mentioned !== 'boolean' && typeof mentioned !== 'string')
        fail(where, 'teams.mentioned: true (the bot), false, or the name of someone else');
      if (typeof text !== 'string')
        fail(where, 'teams.text: the message as Teams sends it, "<at>Bot</at> …" when the bot is mentioned');
      return { at, do: 'teams', text, mentioned, ...base, conversationType };
    }
    case 'membersAdded':
      return step.membersAdded === true
        ? { at, do: 'membersAdded', ...base }
        : fail(where, 'membersAdded: true (the bot is installed)');
    case 'redeliver':
      if (step.redeliver !== 'state_lost' && step.redeliver !== 'state_saved')
        fail(where, 'redeliver: "state_lost" (the first delivery did not save its state) or "state_saved"');
      if (at === 1) fail(where, 'redeliver repeats an earlier user step');
      return { at, do: 'redeliver', stateLost: step.redeliver === 'state_lost' };
    case 'card':
      return parseCard(step, at, lang, fail);
    case 'string':
      if (typeof step.string !== 'string' || !hasString(step.string))
        fail(where, `string: ${JSON.stringify(step.string)} is not a key of content/strings`);
      return { at, expect: 'string', key: step.string, lang };
    case 'event':
      return (EVENTS as readonly unknown[]).includes(step.event)
        ? { at, expect: 'event', name: step.event as EventName, lang }
        : fail(where, `event: one of ${EVENTS.join(', ')}`);
    case 'silent':
      return step.silent === true ? { at, expect: 'silent' } : fail(where, 'silent: true');
    case 'remembers':
      return isObject(step.remembers) &&
        Object.keys(sanitizeFacts(step.remembers)).length === Object.keys(step.remembers).length
        ? { at, check: 'remembers', facts: step.remembers }
        : fail(where, 'remembers: the partner facts the user profile holds, e.g. { "membership": "gold" }');
    case 'stored':
      return parseStored(step.stored, at, fail);
    case 'posted':
      return parsePosted(step.posted, at, defaultLang, fail);
    default:
      return fail(where, `unknown step "${verb}"`);
  }
}

function parseStored(stored: unknown, at: number, fail: (where: string, reason: string) => never): Step {
  const where = `step ${at}`;
  const usage =
    'stored: { "feedback"?: [ { "intent", "lang", "helpful"? } ], "tickets"?: [ { "number", … } ], "profile"?: null }';
  if (!isObject(stored) || !Object.keys(stored).length) return fail(where, usage);
  for (const key of Object.keys(stored))
    if (!['feedback', 'tickets', 'profile'].includes(key)) fail(where, `stored.${key}: unknown; ${usage}`);
  const check: Extract<Check, { check: 'stored' }> = { check: 'stored' };
  if (stored.feedback !== undefined) {
    check.feedback =
      Array.isArray(stored.feedback) && stored.feedback.every(isObject)
        ? stored.feedback
        : fail(where, 'stored.feedback: [ { "intent", "lang", "helpful"? } ]');
  }
  if (stored.tickets !== undefined) {
    check.tickets = Array.isArray(stored.tickets)
      ? stored.tickets.map((ticket, i) => parseTicket(ticket, `${where}, stored.tickets[${i}]`, fail))
      : fail(where, 'stored.tickets: a list of tickets, oldest first');
  }
  if ('profile' in stored)
    check.profile =
      stored.profile === null
        ? null
        : fail(where, 'stored.profile: null (the user has no stored profile: "forget my details" deleted it)');
  return { at, ...check };
}

function parseTicket(
  ticket: unknown,
  where: string,
  fail: (where: string, reason: string) => never,
): TicketExpectation {
  if (!isObject(ticket))
    return fail(
      where,
      'a ticket is { "number", "status"?, "lang"?, "summary"?, "facts"?, "intents"?, "redacted"?, "requester"?, "forgotten"? }',
    );
  for (const key of Object.keys(ticket))
    if (!TICKET_FIELDS.includes(key)) fail(where, `"${key}" is not a ticket field (${TICKET_FIELDS.join(', ')})`);
  const { number, status, lang, summary, facts, intents, redacted, requester, forgotten } = ticket;
  const expectation: TicketExpectation = {
    number:
      typeof number === 'string' && TICKET_NUMBER.test(number)
        ? number
        : fail(where, 'number: a ticket number such as "MPN-000001"'),
  };
  if (status !== undefined)
    expectation.status = (TICKET_STATUSES as readonly unknown[]).includes(status)
      ? (status as TicketStatus)
      : fail(where, `status is one of ${TICKET_STATUSES.join(', ')}`);
  if (lang !== undefined) expectation.lang = isLang(lang) ? lang : fail(where, 'lang: en, ru, pt or fr');
  if (summary !== undefined)
    expectation.summary = (SUMMARY_SOURCES as readonly unknown[]).includes(summary)
      ? (summary as SummarySource)
      : fail(where, `summary is one of ${SUMMARY_SOURCES.join(', ')}`);
  if (facts !== undefined) {
    expectation.facts =
      isObject(facts) && Object.keys(sanitizeFacts(facts)).length === Object.keys(facts).length
        ? facts
        : fail(where, 'facts: partner facts');
  }
  if (intents !== undefined)
    expectation.intents =
      Array.isArray(intents) && intents.length && intents.every(isIntent)
        ? intents
        : fail(where, 'intents: the top intents, best first');
  if (redacted !== undefined) {
    const valid =
      isObject(redacted) &&
      Object.keys(redacted).length &&
      Object.values(redacted).every((mask) => typeof mask === 'string' && mask in MASKS);
    expectation.redacted = valid
      ? (redacted as Record<string, MaskName>)
      : fail(where, `redacted: { "text typed": mask } with masks ${Object.keys(MASKS).join(', ')}`);
  }
  if (requester !== undefined)
    expectation.requester = typeof requester === 'boolean' ? requester : fail(where, 'requester: true or false');
  if (forgotten !== undefined) expectation.forgotten = forgotten === true ? true : fail(where, 'forgotten: true');
  if (
    expectation.forgotten &&
    (expectation.summary || expectation.facts || expectation.redacted || expectation.requester)
  ) {
    fail(where, 'a forgotten ticket has no summary, facts or requester left to check (redacted is implied)');
  }
  return expectation;
}

function parsePosted(
  posted: unknown,
  at: number,
  defaultLang: Lang,
  fail: (where: string, reason: string) => never,
): Step {
  const where = `step ${at}`;
  const usage = 'posted: [ { "to": "channel", "card": "triage", "ticket": "MPN-000001", "lang"? } ]';
  if (!Array.isArray(posted)) return fail(where, usage);
  const posts = posted.map((post, i): PostExpectation => {
    const at = `${where}, posted[${i}]`;
    if (!isObject(post)) return fail(at, usage);
    for (const key of Object.keys(post))
      if (!['to', 'card', 'ticket', 'lang'].includes(key)) fail(at, `"${key}" is not a field of a post; ${usage}`);
    const to = isConversationType(post.to) ? post.to : fail(at, `to is one of ${CONVERSATION_TYPES.join(', ')}`);
    const ticket =
      typeof post.ticket === 'string' && TICKET_NUMBER.test(post.ticket)
        ? post.ticket
        : fail(at, 'ticket: the number of the ticket the post is about');
    const lang =
      post.lang === undefined
        ? defaultLang
        : isLang(post.lang)
          ? post.lang
          : fail(at, "lang: en, ru, pt or fr (the triage channel's language)");
    if (post.card !== 'triage') fail(at, 'card: "triage"');
    return { to, card: 'triage', ticket, lang };
  });
  return { at, check: 'posted', posts };
}

function parseCard(step: Json, at: number, lang: Lang, fail: (where: string, reason: string) => never): Step {
  const where = `step ${at}`;
  const {
    card: kind,
    topic,
    view,
    states,
    quotes,
    leads,
    asks,
    facts,
    assumes,
    part,
    detail,
    candidates,
    helpful,
    handoff,
    offersLastQuestion,
    summary,
    number,
  } = step;
  if (!(CARD_KINDS as readonly unknown[]).includes(kind)) fail(where, `card: one of ${CARD_KINDS.join(', ')}`);
  const expectation: Extract<BotExpectation, { expect: 'card' }> = { expect: 'card', kind: kind as CardKind, lang };
  if (topic !== undefined)
    expectation.topic =
      isIntent(topic) && isTopic(topic) ? topic : fail(where, `topic ${JSON.stringify(topic)} is not a topic`);
  if (view !== undefined)
    expectation.view = (VIEWS as readonly unknown[]).includes(view)
      ? (view as ViewName)
      : fail(where, `view is one of ${VIEWS.join(', ')}`);
  if (states !== undefined) {
    const valid =
      isObject(states) && Object.values(states).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
    expectation.states = valid
      ? (states as Record<string, string | number | boolean>)
      : fail(where, 'states: { key: number | string | boolean }');
  }
  if (quotes !== undefined)
    expectation.quotes =
      Array.isArray(quotes) && quotes.every(Number.isInteger)
        ? (quotes as number[])
        : fail(where, 'quotes: segment ids');
  if (leads !== undefined)
    expectation.leads =
      Array.isArray(leads) && leads.every(Number.isInteger)
        ? (leads as number[])
        : fail(where, 'leads: segment ids, or [] for none');
  if (asks !== undefined)
    expectation.asks = isFactName(asks) ? asks : fail(where, `asks ${JSON.stringify(asks)} is not a fact name`);
  if (facts !== undefined) {
    const valid = isObject(facts) && Object.keys(sanitizeFacts(facts)).length === Object.keys(facts).length;
    expectation.facts = valid ? facts : fail(where, 'facts: partner facts, e.g. { "membership": "gold" }');
  }
  if (assumes !== undefined) {
    const valid =
      isObject(assumes) &&
      Object.keys(assumes).length > 0 &&
      Object.keys(sanitizeFacts(assumes)).length === Object.keys(assumes).length;
    expectation.assumes = valid
      ? assumes
      : fail(where, 'assumes: the partner facts a hypothetical answer is for, e.g. { "membership": "silver" }');
    if (!expectation.topic) fail(where, 'assumes is for the cards of a topic');
  }
  if (part !== undefined) {
    expectation.part =
      typeof part === 'string' && part.trim()
        ? part
        : fail(where, 'part: the part of the message this card answers, as the bot splits it');
    if (!expectation.topic) fail(where, 'part is for the cards of a topic');
  }
  if (detail !== undefined) {
    expectation.detail =
      detail === true ? true : fail(where, 'detail: true (the card answers a detail question on its topic)');
    if (!expectation.topic) fail(where, 'detail is for the cards of a topic');
  }
  if (candidates !== undefined) {
    expectation.candidates =
      Array.isArray(candidates) && candidates.every(isIntent) ? candidates : fail(where, 'candidates: intents');
  }
  if (helpful !== undefined)
    expectation.helpful = typeof helpful === 'boolean' ? helpful : fail(where, 'helpful: true or false');
  if (handoff !== undefined) {
    if (kind !== 'question') fail(where, 'handoff is for question cards');
    expectation.handoff = (HANDOFF_QUESTIONS as readonly unknown[]).includes(handoff)
      ? (handoff as HandoffQuestion)
      : fail(where, `handoff is one of ${HANDOFF_QUESTIONS.join(', ')}`);
  }
  if (offersLastQuestion !== undefined) {
    if (expectation.handoff !== 'summary')
      fail(where, 'offersLastQuestion is for the hand-off summary question ("handoff": "summary")');
    expectation.offersLastQuestion =
      typeof offersLastQuestion === 'boolean' ? offersLastQuestion : fail(where, 'offersLastQuestion: true or false');
  }
  if (summary !== undefined || expectation.handoff === 'consent') {
    if (expectation.handoff !== 'consent')
      fail(where, 'summary is for the hand-off consent question ("handoff": "consent")');
    expectation.summary = (SUMMARY_SOURCES as readonly unknown[]).includes(summary)
      ? (summary as SummarySource)
      : fail(
          where,
          `the consent question names where its summary came from: summary is one of ${SUMMARY_SOURCES.join(', ')}`,
        );
  }
  if (number !== undefined || kind === 'ticket') {
    if (kind !== 'ticket') fail(where, 'number is for ticket cards');
    expectation.number =
      typeof number === 'string' && TICKET_NUMBER.test(number)
        ? number
        : fail(where, 'a ticket card names its ticket: number, e.g. "MPN-000001"');
  }
  if (expectation.handoff && topic !== undefined) fail(where, 'a hand-off question has no topic');
  const needsTopic =
    (kind === 'answer' && view !== 'article') ||
    kind === 'entitlement' ||
    (kind === 'question' && !expectation.handoff) ||
    kind === 'feedback';
  if (needsTopic && !expectation.topic) fail(where, `a ${String(kind)} card names its topic`);
  if (kind === 'feedback' && expectation.helpful === undefined)
    fail(where, 'a feedback card says whether the answer was helpful');
  if (
    (kind === 'welcome' && view && !['welcome', 'help'].includes(view as string)) ||
    (kind === 'fallback' && view && !['fallback', 'handoff', 'handoff_after_misses'].includes(view as string))
  ) {
    fail(where, `view ${JSON.stringify(view)} does not build a ${String(kind)} card`);
  }
  if (kind === 'answer' && view && view !== 'article')
    fail(where, `view ${JSON.stringify(view)} does not build an answer card`);
  if (view && kind !== 'welcome' && kind !== 'fallback' && kind !== 'answer')
    fail(where, `view is for welcome, fallback and answer cards`);
  if (asks && kind !== 'question') fail(where, 'asks is for question cards');
  if (candidates && kind !== 'clarify') fail(where, 'candidates is for clarify cards');
  return { at, ...expectation };
}
