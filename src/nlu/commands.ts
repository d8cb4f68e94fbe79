/**
 * Conversation commands typed as words ("start over", "по-русски", "oublie mes informations"), from
 * content/nlu/commands.json: they steer the conversation at any step, in any language.
 */
import { readFileSync } from 'node:fs';
import { contentPath } from '../contentPath';
import { isLang, type Lang } from '../i18n/locales';
import { isIntent, type Intent } from './intents';
import { matchForm } from './normalize';

/** A command; `intent` is a Teams command-menu title that names a topic outright. */
export type Command =
  | { kind: 'start_over' }
  | { kind: 'forget' }
  | { kind: 'language'; lang: Lang }
  | { kind: 'intent'; intent: Intent }
  /** "triage here": makes a Teams channel the support team's triage channel. */
  | { kind: 'triage_here' };

const MAX_COMMAND_WORDS = 6;
/** Commands that match only as the whole message (menu titles), never inside a longer one. */
const WHOLE_MESSAGE_ONLY = new Set<Command['kind']>(['intent', 'triage_here']);

function words(text: string): string {
  return matchForm(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function loadCommands(): { phrase: string; command: Command }[] {
  const file = JSON.parse(readFileSync(contentPath('nlu', 'commands.json'), 'utf8')) as Record<
    string,
    string[] | string
  >;
  return Object.entries(file).flatMap(([name, phrases]) => {
    if (typeof phrases === 'string') return [];
    const [kind, argument] = name.split(':');
    const command: Command | undefined =
      kind === 'language' && isLang(argument)
        ? { kind: 'language', lang: argument }
        : kind === 'intent' && isIntent(argument)
          ? { kind: 'intent', intent: argument }
          : kind === 'start_over' || kind === 'forget' || kind === 'triage_here'
            ? { kind }
            : undefined;
    if (!command) throw new Error(`content/nlu/commands.json: unknown command "${name}"`);
    return phrases.map((phrase) => ({ phrase: words(phrase), command }));
  });
}

let commands: ReturnType<typeof loadCommands> | undefined;

/** @example commandOf('по-русски, пожалуйста') // { kind: 'language', lang: 'ru' } */
export function commandOf(text: string): Command | undefined {
  commands ??= loadCommands().sort((a, b) => b.phrase.length - a.phrase.length);
  const message = words(text);
  if (!message) return undefined;
  const short = message.split(' ').length <= MAX_COMMAND_WORDS;
  const padded = ` ${message} `;
  return commands.find(
    ({ phrase, command }) =>
      message === phrase || (short && !WHOLE_MESSAGE_ONLY.has(command.kind) && padded.includes(` ${phrase} `)),
  )?.command;
}
