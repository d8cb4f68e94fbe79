/**
 * What this turn says, understood once before any dialog runs: typed text with its classification and any
 * command, a validated card submit, or nothing usable; and the language to answer in.
 */
import type { TurnContext } from 'botbuilder';
import { isLang, langOfLocale, type Lang } from '../i18n/locales';
import type { Classification, Classifier } from '../nlu/classifier';
import type { Reading } from '../nlu/contextReading';
import { splitQuestions, type QuestionPart } from '../nlu/splitQuestions';
import { parseSubmit, type CardSubmit } from '../../cards/cardSubmit';
import { commandOf, type Command } from '../nlu/commands';

export type TurnInput =
  /** `parts`: the questions of a message that asks two or three things, in order. */
  | { kind: 'text'; text: string; classification: Classification; command?: Command; parts?: QuestionPart[] }
  | { kind: 'submit'; submit: CardSubmit }
  | { kind: 'invalid_submit' }
  /** A message over MAX_MESSAGE_CHARS: answered politely, never classified. */
  | { kind: 'too_long'; length: number }
  | { kind: 'empty' };

/** The longest message the bot reads; partners ask one question at a time, a pasted log is not a question. */
export const MAX_MESSAGE_CHARS = 2000;

export interface Turn {
  input: TurnInput;
  lang: Lang;
  /** How typed text reads in the conversation's context (an answer, a follow-up, or a new question). */
  reading?: Reading;
  /** When the turn began (ms since the epoch), by the bot's clock. */
  at: number;
}

const TURN = Symbol('turn');

/** Understands the message of a turn; `remembered` is the user's language from earlier turns. */
export function understandTurn(
  context: TurnContext,
  classifier: Classifier,
  remembered: Lang | undefined,
  at: number,
): Turn {
  const { activity } = context;
  const localeLang = langOfLocale(activity.locale);
  const fallback = remembered ?? localeLang ?? 'en';
  const submit = parseSubmit(activity.value);
  if (submit === 'invalid') return { input: { kind: 'invalid_submit' }, lang: fallback, at };
  if (submit) {
    const chosen = 'lang' in submit && isLang(submit.lang) ? submit.lang : fallback;
    return { input: { kind: 'submit', submit }, lang: chosen, at };
  }
  const text = (activity.text ?? '').trim();
  if (!text || isSharedCard(activity)) return { input: { kind: 'empty' }, lang: fallback, at };
  // Characters as the user counts them (an emoji is one), not UTF-16 units.
  const length = text.length > MAX_MESSAGE_CHARS ? [...text].length : text.length;
  if (length > MAX_MESSAGE_CHARS) return { input: { kind: 'too_long', length }, lang: fallback, at };
  const hints = { ...(localeLang ? { locale: localeLang } : {}), ...(remembered ? { conversation: remembered } : {}) };
  const classified = classifier.classify(text, hints);
  const command = commandOf(text);
  const parts = command ? undefined : splitQuestions(text, (part) => classifier.classify(part, hints));
  // A Teams command-menu title names its topic outright, whatever the model would make of one word.
  const classification: Classification =
    command?.kind === 'intent' ? { ...classified, intent: command.intent, confidence: 1, by: 'command' } : classified;
  const lang = command?.kind === 'language' ? command.lang : classification.lang;
  return {
    input: { kind: 'text', text, classification, ...(command ? { command } : {}), ...(parts ? { parts } : {}) },
    lang,
    at,
  };
}

/**
 * A card someone inserted (from the message extension) and sent, with no words of their own: Teams' text is
 * only the markup that stands for the card (`<span class="inline-compose-card" …>`), so there is nothing to answer.
 */
function isSharedCard(activity: TurnContext['activity']): boolean {
  const cards = (activity.attachments ?? []).some(
    (attachment) =>
      typeof attachment?.contentType === 'string' &&
      attachment.contentType.startsWith('application/vnd.microsoft.card.'),
  );
  return cards && (activity.text ?? '').replace(/<[^>]*>/g, '').trim() === '';
}

export function setTurn(context: TurnContext, turn: Turn): void {
  context.turnState.set(TURN, turn);
}

export function turnOf(context: TurnContext): Turn {
  const turn = context.turnState.get<Turn | undefined>(TURN);
  if (!turn) throw new Error('the turn was not understood before the dialogs ran');
  return turn;
}
