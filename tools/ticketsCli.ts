/**
 * `npm run --silent tickets -- export [--format csv|jsonl] [--status S] [--lang L] [--intent I] [--from DATE]
 * [--to DATE] [--out FILE]`: the tickets of the store STORAGE_URL names, oldest first, to stdout or a file.
 * A mistake in the arguments or in STORAGE_URL stops with a message and exit code 2, never a stack trace.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_STORAGE_URL } from '../src/config/config';
import { ConfigError } from '../src/config/configError';
import { loadEnvFile } from '../src/config/loadEnvFile';
import { openStorage } from '../src/storage/openStorage';
import { StorageUnavailableError } from '../src/storage/storageUnavailableError';
import { EXPORT_FORMATS, exportTickets, type ExportFormat } from '../src/tickets/ticketExport';
import { sqliteFileOf } from '../src/storage/storageUrl';
import { parseTicketFilter, TicketFilterError } from '../src/tickets/ticketFilterText';

const USAGE = `usage: npm run --silent tickets -- export [options]
  --format csv|jsonl      csv (default): one row per ticket; jsonl: one ticket as JSON per line
  --status STATUS         new, assigned or resolved
  --lang LANG             en, ru, pt or fr
  --intent INTENT         the top intent of the question, e.g. activate_benefits
  --from DATE, --to DATE  created on or after / on or before: yyyy-mm-dd (a whole UTC day)
                          or a full ISO time with a zone, e.g. 2025-03-01T09:30:00Z
  --out FILE              write to FILE (a CSV file starts with a byte order mark for spreadsheets)
The tickets are read from STORAGE_URL (default ${DEFAULT_STORAGE_URL}, relative to the project folder).`;

/** A mistake of the person running the command: the message, the usage, exit code 2. */
class UsageError extends Error {}

/** Something outside the arguments that stops the export (no database file, an unwritable output): exit code 1. */
class ExportError extends Error {}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function main(): Promise<void> {
  const { values, positionals } = readArgs(process.argv.slice(2));
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals[0] !== 'export' || positionals.length > 1) {
    throw new UsageError(
      positionals.length ? `unknown command "${positionals.join(' ')}" (the command is export)` : 'no command given',
    );
  }
  const format = values.format ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be csv or jsonl, not "${format}"`);
  const { status, lang, intent, from, to } = values;
  let filter;
  try {
    filter = parseTicketFilter({ status, lang, intent, from, to });
  } catch (error) {
    if (error instanceof TicketFilterError) throw new UsageError(error.problems.map((p) => `--${p}`).join('\n'));
    throw error;
  }

  loadEnvFile();
  const storageUrl = process.env.STORAGE_URL?.trim() || DEFAULT_STORAGE_URL;
  if (storageUrl === 'memory:' || storageUrl === 'sqlite::memory:') {
    throw new ConfigError([
      `STORAGE_URL=${storageUrl} keeps tickets inside the bot's process, where no other process can read them: export from the sqlite:<file> the bot uses`,
    ]);
  }
  const file = sqliteFileOf(storageUrl);
  if (file && !existsSync(file))
    throw new ExportError(`no database at ${file} (STORAGE_URL=${storageUrl}): has the bot run with it yet?`);

  let tickets;
  try {
    const storage = await openStorage(storageUrl);
    try {
      tickets = (await storage.tickets.list(filter)).reverse();
    } finally {
      await storage.close();
    }
  } catch (error) {
    if (error instanceof StorageUnavailableError) throw new ExportError(error.message);
    // better-sqlite3's errors carry SQLITE_* codes: not a database, locked, read-only, …
    if (String((error as NodeJS.ErrnoException).code).startsWith('SQLITE_'))
      throw new ExportError(`cannot read the database ${file}: ${(error as Error).message}`);
    throw error;
  }
  const text = exportTickets(tickets, format as ExportFormat, { bom: Boolean(values.out) });
  if (values.out) {
    try {
      writeFileSync(values.out, text);
    } catch (error) {
      throw new ExportError(`cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  } else {
    process.stdout.write(text);
  }
  process.stderr.write(`tickets: ${tickets.length} exported\n`);
}

function readArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        status: { type: 'string' },
        lang: { type: 'string' },
        intent: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // node:util parseArgs reports an unknown option or a missing value as a TypeError with an ERR_PARSE_ARGS_* code.
    if (String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS'))
      throw new UsageError((error as Error).message);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(
      `${error.message
        .split('\n')
        .map((line) => `tickets: ${line}\n`)
        .join('')}${USAGE}\n`,
    );
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    process.stderr.write(error.problems.map((problem) => `tickets: ${problem}\n`).join(''));
    process.exit(2);
  }
  if (error instanceof ExportError) {
    process.stderr.write(`tickets: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
});
