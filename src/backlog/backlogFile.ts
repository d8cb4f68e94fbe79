/**
 * Reading a backlog: a CSV file with a header and a text column (named text, question, message, body or
 * description), or JSON lines with a "text" field. Yields each question with its line for error messages.
 */
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export class BacklogFormatError extends Error {}

export interface BacklogRow {
  text: string;
  locale?: string;
  line: number;
}

const TEXT_COLUMNS = ['text', 'question', 'message', 'body', 'description', 'texto', 'pergunta', 'вопрос', 'texte'];

export function isCsv(path: string): boolean {
  return /\.csv$/i.test(path);
}

export async function* readBacklog(path: string): AsyncGenerator<BacklogRow> {
  if (isCsv(path)) yield* readCsv(path);
  else yield* readJsonLines(path);
}

async function* readCsv(path: string): AsyncGenerator<BacklogRow> {
  let column: string | undefined;
  const columns = (header: string[]) => {
    const names = header.map((h) => h.trim().toLowerCase());
    column = TEXT_COLUMNS.find((name) => names.includes(name));
    if (!column) throw new BacklogFormatError(`${path}: no text column (expected one of: ${TEXT_COLUMNS.join(', ')})`);
    return names;
  };
  const parser = createReadStream(path).pipe(parse({ columns, bom: true, relax_column_count: true, info: true }));
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    if (!column) continue;
    const locale = record.locale ?? record.language;
    yield { text: record[column] ?? '', ...(locale ? { locale } : {}), line: info.lines };
  }
}

async function* readJsonLines(path: string): AsyncGenerator<BacklogRow> {
  let line = 0;
  for await (const raw of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new BacklogFormatError(`${path}:${line}: not valid JSON`);
    }
    const { text, locale } = (value ?? {}) as Record<string, unknown>;
    if (typeof text !== 'string') throw new BacklogFormatError(`${path}:${line}: expected {"text": "…"}`);
    yield { text, ...(typeof locale === 'string' ? { locale } : {}), line };
  }
}
