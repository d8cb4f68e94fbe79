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

export const CONVERSATION_TYPES = ['personal', 'channel', 'groupChat'] as const;
export type ConversationType = (typeof CONVERSATION_TYPES)[number];

/** The cards a welcome- or fallback-kind card can be: the view function that built it. */
export const VIEWS = ['welcome', 'help', 'fallback', 'handoff'] as const;
export type ViewName = (typeof VIEWS)[number];

/** Fields every user action may carry: the channel locale and the conversation it happens in. */
interface UserActionBase {
  locale?: string;
  conversationType?: ConversationType;
}

export type UserAction =
  | (UserActionBase & { do: 'say'; text: string })
  | (UserActionBase & { do: 'click'; value: unknown })
  | (UserActionBase & { do: 'press'; match: Record<string, unknown> })
  | (UserActionBase & { do: 'teams'; text: string; mentioned: boolean | string })
  | (UserActionBase & { do: 'membersAdded' });

export type BotExpectation =
  | {
      expect: 'card';
      kind: CardKind;
      lang: Lang;
      topic?: Topic;
      view?: ViewName;
      states?: Record<string, string | number | boolean>;
      quotes?: number[];
      asks?: FactName;
      facts?: PartnerFacts;
      candidates?: Intent[];
      helpful?: boolean;
    }
  | { expect: 'string'; key: string; lang: Lang }
  | { expect: 'silent' };

export type Check = { check: 'remembers'; facts: PartnerFacts } | { check: 'stored'; feedback: Record<string, unknown>[] };

export type Step = ({ at: number } & UserAction) | ({ at: number } & BotExpectation) | ({ at: number } & Check);

export interface Scenario {
  file: string;
  title: string;
  lang: Lang;
  locale: string;
  conversationType: ConversationType;
  steps: Step[];
}

export class ScenarioFormatError extends Error {
  constructor(file: string, where: string, reason: string) {
    super(`${file}: ${where}: ${reason}`);
    this.name = 'ScenarioFormatError';
  }
}

const USER_KEYS = ['user', 'click', 'press', 'teams', 'membersAdded'] as const;
const BOT_KEYS = ['card', 'string', 'silent'] as const;
const CHECK_KEYS = ['remembers', 'stored'] as const;
const STEP_OPTIONS: Record<string, readonly string[]> = {
  user: ['locale', 'conversationType'],
  click: ['locale', 'conversationType'],
  press: ['locale', 'conversationType'],
  teams: ['locale'],
  membersAdded: ['locale', 'conversationType'],
  card: ['lang', 'topic', 'view', 'states', 'quotes', 'asks', 'facts', 'candidates', 'helpful'],
  string: ['lang'],
  silent: [],
  remembers: [],
  stored: [],
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isConversationType = (value: unknown): value is ConversationType => (CONVERSATION_TYPES as readonly unknown[]).includes(value);

/** Checks one scenario file's JSON and returns it in the runner's terms. */
export function parseScenario(file: string, json: unknown): Scenario {
  const fail = (where: string, reason: string): never => {
    throw new ScenarioFormatError(file, where, reason);
  };
  if (!isObject(json)) return fail('file', 'a scenario is a JSON object');
  const { title, lang, locale, conversationType = 'personal', steps } = json;
  for (const key of Object.keys(json)) {
    if (!['$comment', 'title', 'lang', 'locale', 'conversationType', 'steps'].includes(key)) fail('file', `unknown field "${key}"`);
  }
  if (typeof title !== 'string' || !title) fail('title', 'a non-empty string is required');
  if (!isLang(lang)) fail('lang', `the default reply language must be one of en, ru, pt, fr, not ${JSON.stringify(lang)}`);
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
    steps: parsed,
  };
}

function parseStep(step: unknown, at: number, defaultLang: Lang, fail: (where: string, reason: string) => never): Step {
  const where = `step ${at}`;
  if (!isObject(step)) return fail(where, 'a step is an object');
  const verbs = [...USER_KEYS, ...BOT_KEYS, ...CHECK_KEYS].filter((key) => key in step);
  if (verbs.length !== 1) return fail(where, `a step has exactly one of ${[...USER_KEYS, ...BOT_KEYS, ...CHECK_KEYS].join(', ')}; found ${verbs.join(', ') || 'none'}`);
  const verb = verbs[0] as string;
  for (const key of Object.keys(step)) {
    if (key !== verb && key !== '$comment' && !STEP_OPTIONS[verb]?.includes(key)) fail(where, `"${key}" is not an option of a "${verb}" step`);
  }
  const base: UserActionBase = {};
  if (step.locale !== undefined) base.locale = typeof step.locale === 'string' ? step.locale : fail(where, 'locale is a string');
  if (step.conversationType !== undefined) {
    base.conversationType = isConversationType(step.conversationType) ? step.conversationType : fail(where, `conversationType is one of ${CONVERSATION_TYPES.join(', ')}`);
  }
  const lang = step.lang === undefined ? defaultLang : isLang(step.lang) ? step.lang : fail(where, `lang ${JSON.stringify(step.lang)} is not en, ru, pt or fr`);
  switch (verb) {
    case 'user':
      return typeof step.user === 'string' && step.user.trim() ? { at, do: 'say', text: step.user, ...base } : fail(where, 'user: the text the user types');
    case 'click':
      return { at, do: 'click', value: step.click, ...base };
    case 'press':
      return isObject(step.press) ? { at, do: 'press', match: step.press, ...base } : fail(where, 'press: some fields of the data of a button on the last card');
    case 'teams': {
      const teams = step.teams;
      if (!isObject(teams)) return fail(where, 'teams: { conversationType, mentioned, text }');
      const { conversationType, mentioned, text } = teams;
      if (!isConversationType(conversationType)) fail(where, `teams.conversationType is one of ${CONVERSATION_TYPES.join(', ')}`);
      if (typeof mentioned !== 'boolean' && typeof mentioned !== 'string') fail(where, 'teams.mentioned: true (the bot), false, or the name of someone else');
      if (typeof text !== 'string') fail(where, 'teams.text: the message as Teams sends it, "<at>Bot</at> …" when the bot is mentioned');
      return { at, do: 'teams', text: text as string, mentioned: mentioned as boolean | string, ...base, conversationType: conversationType as ConversationType };
    }
    case 'membersAdded':
      return step.membersAdded === true ? { at, do: 'membersAdded', ...base } : fail(where, 'membersAdded: true (the bot is installed)');
    case 'card':
      return parseCard(step, at, lang, fail);
    case 'string':
      if (typeof step.string !== 'string' || !hasString(step.string)) fail(where, `string: ${JSON.stringify(step.string)} is not a key of content/strings`);
      return { at, expect: 'string', key: step.string as string, lang };
    case 'silent':
      return step.silent === true ? { at, expect: 'silent' } : fail(where, 'silent: true');
    case 'remembers':
      return isObject(step.remembers) && Object.keys(sanitizeFacts(step.remembers)).length === Object.keys(step.remembers).length
        ? { at, check: 'remembers', facts: step.remembers as PartnerFacts }
        : fail(where, 'remembers: the partner facts the user profile holds, e.g. { "membership": "gold" }');
    case 'stored': {
      const stored = step.stored;
      if (!isObject(stored) || !Array.isArray(stored.feedback) || !stored.feedback.every(isObject)) return fail(where, 'stored: { "feedback": [ { "intent", "lang", "helpful"? } ] }');
      return { at, check: 'stored', feedback: stored.feedback };
    }
    default:
      return fail(where, `unknown step "${verb}"`);
  }
}

function parseCard(step: Json, at: number, lang: Lang, fail: (where: string, reason: string) => never): Step {
  const where = `step ${at}`;
  const { card: kind, topic, view, states, quotes, asks, facts, candidates, helpful } = step;
  if (!(CARD_KINDS as readonly unknown[]).includes(kind)) fail(where, `card: one of ${CARD_KINDS.join(', ')}`);
  const expectation: Extract<BotExpectation, { expect: 'card' }> = { expect: 'card', kind: kind as CardKind, lang };
  if (topic !== undefined) expectation.topic = isIntent(topic) && isTopic(topic) ? topic : fail(where, `topic ${JSON.stringify(topic)} is not a topic`);
  if (view !== undefined) expectation.view = (VIEWS as readonly unknown[]).includes(view) ? (view as ViewName) : fail(where, `view is one of ${VIEWS.join(', ')}`);
  if (states !== undefined) {
    const valid = isObject(states) && Object.values(states).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
    expectation.states = valid ? (states as Record<string, string | number | boolean>) : fail(where, 'states: { key: number | string | boolean }');
  }
  if (quotes !== undefined) expectation.quotes = Array.isArray(quotes) && quotes.every(Number.isInteger) ? (quotes as number[]) : fail(where, 'quotes: segment ids');
  if (asks !== undefined) expectation.asks = isFactName(asks) ? asks : fail(where, `asks ${JSON.stringify(asks)} is not a fact name`);
  if (facts !== undefined) {
    const valid = isObject(facts) && Object.keys(sanitizeFacts(facts)).length === Object.keys(facts).length;
    expectation.facts = valid ? (facts as PartnerFacts) : fail(where, 'facts: partner facts, e.g. { "membership": "gold" }');
  }
  if (candidates !== undefined) {
    expectation.candidates = Array.isArray(candidates) && candidates.every(isIntent) ? candidates : fail(where, 'candidates: intents');
  }
  if (helpful !== undefined) expectation.helpful = typeof helpful === 'boolean' ? helpful : fail(where, 'helpful: true or false');
  const needsTopic = kind === 'answer' || kind === 'entitlement' || kind === 'question' || kind === 'feedback';
  if (needsTopic && !expectation.topic) fail(where, `a ${String(kind)} card names its topic`);
  if (kind === 'feedback' && expectation.helpful === undefined) fail(where, 'a feedback card says whether the answer was helpful');
  if ((kind === 'welcome' && view && !['welcome', 'help'].includes(view as string)) || (kind === 'fallback' && view && !['fallback', 'handoff'].includes(view as string))) {
    fail(where, `view ${String(view)} does not build a ${String(kind)} card`);
  }
  if (view && kind !== 'welcome' && kind !== 'fallback') fail(where, `view is for welcome and fallback cards`);
  if (asks && kind !== 'question') fail(where, 'asks is for question cards');
  if (candidates && kind !== 'clarify') fail(where, 'candidates is for clarify cards');
  return { at, ...expectation };
}
