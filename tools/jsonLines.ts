/**
 * Reading JSON lines from stdin and writing one JSON line per input, in order. A line that is not valid input
 * gets an `{"error": …}` line in its place, so the output stays aligned with the input.
 */
import { createInterface } from 'node:readline';
import { isLang, langOfLocale, type Lang } from '../src/i18n/locales';

export interface QuestionLine {
  text: string;
  locale?: string;
  /** The language the locale names, when it is one of ours. */
  localeLang?: Lang;
}

export class InputLineError extends Error {}

export function parseQuestionLine(line: string): QuestionLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InputLineError('not valid JSON');
  }
  if (typeof value !== 'object' || value === null) throw new InputLineError('expected an object like {"text": "…"}');
  const { text, locale } = value as Record<string, unknown>;
  if (typeof text !== 'string') throw new InputLineError('"text" must be a string');
  if (locale !== undefined && typeof locale !== 'string')
    throw new InputLineError('"locale" must be a string such as "pt-BR"');
  const localeLang = langOfLocale(locale);
  return { text, ...(locale ? { locale } : {}), ...(isLang(localeLang) ? { localeLang } : {}) };
}

/** Runs `answer` on every non-empty line of stdin and prints its result as one JSON line. */
export async function mapJsonLines(answer: (question: QuestionLine) => unknown): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (!line.trim()) continue;
    let output: unknown;
    try {
      output = answer(parseQuestionLine(line));
    } catch (error) {
      if (!(error instanceof InputLineError)) throw error;
      output = { error: `line ${number}: ${error.message}` };
    }
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }
}
