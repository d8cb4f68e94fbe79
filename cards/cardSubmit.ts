/**
 * What a card button sent, validated: a known verb with well-formed fields, or nothing. Submits arrive from
 * Teams and Web Chat as the message's `value`; stale, unknown or tampered data is refused here.
 */
import { CARD_ACTIONS, FEEDBACK_COMMENT_INPUT } from './verbs';
import { isLang, type Lang } from '../src/i18n/locales';
import { isIntent, type Intent } from '../src/nlu/intents';
import { isFactName, isFactValue, type FactName, type FactValue } from '../src/rules/facts';

export type CardSubmit =
  | { action: typeof CARD_ACTIONS.ask; intent: Intent }
  | { action: typeof CARD_ACTIONS.fact; fact: FactName; value: FactValue<FactName>; intent: Intent }
  | { action: typeof CARD_ACTIONS.feedback; helpful: boolean; intent: Intent; lang?: Lang }
  | { action: typeof CARD_ACTIONS.feedbackComment; intent: Intent; comment: string; lang?: Lang }
  | { action: typeof CARD_ACTIONS.language; lang: Lang }
  | { action: typeof CARD_ACTIONS.handoff }
  | { action: typeof CARD_ACTIONS.help }
  | { action: typeof CARD_ACTIONS.startOver }
  | { action: typeof CARD_ACTIONS.forget }
  | { action: typeof CARD_ACTIONS.handoffSummary }
  | { action: typeof CARD_ACTIONS.handoffConsent; consent: boolean };

const MAX_COMMENT_LENGTH = 1000;

/** The submit in an activity's value, `undefined` when there is none, or `'invalid'` when it is malformed. */
export function parseSubmit(value: unknown): CardSubmit | 'invalid' | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return 'invalid';
  const data = value as Record<string, unknown>;
  const lang = isLang(data.lang) ? { lang: data.lang } : {};
  switch (data.action) {
    case CARD_ACTIONS.ask:
      return isIntent(data.intent) ? { action: CARD_ACTIONS.ask, intent: data.intent } : 'invalid';
    case CARD_ACTIONS.fact:
      if (!isFactName(data.fact) || !isFactValue(data.fact, data.value) || !isIntent(data.intent)) return 'invalid';
      return { action: CARD_ACTIONS.fact, fact: data.fact, value: data.value, intent: data.intent };
    case CARD_ACTIONS.feedback:
      if (typeof data.helpful !== 'boolean' || !isIntent(data.intent)) return 'invalid';
      return { action: CARD_ACTIONS.feedback, helpful: data.helpful, intent: data.intent, ...lang };
    case CARD_ACTIONS.feedbackComment: {
      const comment = data[FEEDBACK_COMMENT_INPUT];
      if (!isIntent(data.intent) || (comment !== undefined && typeof comment !== 'string')) return 'invalid';
      return {
        action: CARD_ACTIONS.feedbackComment,
        intent: data.intent,
        comment: (comment ?? '').slice(0, MAX_COMMENT_LENGTH),
        ...lang,
      };
    }
    case CARD_ACTIONS.language:
      return isLang(data.lang) ? { action: CARD_ACTIONS.language, lang: data.lang } : 'invalid';
    case CARD_ACTIONS.handoffConsent:
      return typeof data.consent === 'boolean'
        ? { action: CARD_ACTIONS.handoffConsent, consent: data.consent }
        : 'invalid';
    case CARD_ACTIONS.handoffSummary:
    case CARD_ACTIONS.handoff:
    case CARD_ACTIONS.help:
    case CARD_ACTIONS.startOver:
    case CARD_ACTIONS.forget:
      return { action: data.action };
    default:
      return 'invalid';
  }
}
