/**
 * `npm run triage -- FILE [--format csv|jsonl] [--out FILE]`: triages a support backlog (CSV with a text
 * column, or JSON lines). Writes one row per question, then a summary by route and language on stderr.
 */
import { stringify } from 'csv-stringify';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { langOfLocale } from '../src/i18n/locales';
import { classifierOrExit } from './cliClassifier';
import { BacklogFormatError, isCsv, readBacklog } from '../src/backlog/backlogFile';
import { ProgressBar } from './progressBar';
import { TriageSummary } from '../src/backlog/summary';
import { triageQuestion, type TriagedQuestion } from '../src/backlog/triageQuestion';

const COLUMNS: (keyof TriagedQuestion)[] = ['intent', 'confidence', 'lang', 'route', 'section', 'text'];

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' } },
  });
  const input = positionals[0];
  if (!input) throw new BacklogFormatError('usage: npm run triage -- FILE [--format csv|jsonl] [--out FILE]');
  const format = values.format ?? (isCsv(input) ? 'csv' : 'jsonl');
  if (format !== 'csv' && format !== 'jsonl')
    throw new BacklogFormatError(`--format must be csv or jsonl, not "${format}"`);

  const nlu = classifierOrExit('triage');
  const output: Writable = values.out ? createWriteStream(values.out) : process.stdout;
  const csv = format === 'csv' ? stringify({ header: true, columns: COLUMNS }) : undefined;
  csv?.pipe(output);
  const write = (row: TriagedQuestion) => (csv ? csv.write(row) : output.write(`${JSON.stringify(row)}\n`));

  const summary = new TriageSummary();
  const progress = new ProgressBar();
  let done = 0;
  for await (const { text, locale } of readBacklog(input)) {
    const locale_ = langOfLocale(locale);
    const row = triageQuestion(nlu, text, locale_ ? { locale: locale_ } : {});
    summary.add(row.route, row.lang);
    if (!write(row)) await once(csv ?? output, 'drain');
    progress.tick(++done);
  }
  progress.done();
  if (csv) {
    csv.end();
    await once(csv, 'end');
  }
  if (values.out) {
    output.end();
    await once(output, 'finish');
  }
  process.stderr.write(`${summary.toString()}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof BacklogFormatError) {
    process.stderr.write(`triage: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
});
