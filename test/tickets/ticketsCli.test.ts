/**
 * `npm run --silent tickets -- export`, spawned as a user runs it, on a temporary SQLite file seeded through
 * SqliteTicketStore: the CSV parses back to the right rows, JSON lines keep the ticket without the requester,
 * filters work, and mistakes stop with a message and exit code 2, never a stack trace.
 */
import { parse } from 'csv-parse/sync';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/contentPath';
import { openSqlite } from '../../src/storage/sqliteDatabase';
import { CSV_COLUMNS } from '../../src/tickets/ticketExport';
import { publicTicket } from '../../src/tickets/publicTicket';
import { SqliteTicketStore } from '../../src/tickets/store/sqliteTicketStore';
import type { Ticket } from '../../src/tickets/ticket';
import { numbers, REQUESTER_CONVERSATION_ID, REQUESTER_KEY, seedTickets } from './ticketFixtures';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const dir = mkdtempSync(join(tmpdir(), 'tickets-cli-'));
const dbFile = join(dir, 'bot.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run --silent tickets -- …args` in the project folder, with STORAGE_URL set. */
function tickets(args: string[], storageUrl = `sqlite:${dbFile}`): Promise<Run> {
  const env = { ...process.env, STORAGE_URL: storageUrl };
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'tickets', '--', ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const rows = (run: Run) => parse(run.stdout, { columns: true, bom: true }) as Record<string, string>[];
const noStackTrace = (run: Run) => expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

let seeded: Ticket[];
beforeAll(() => {
  const db = openSqlite(dbFile);
  return seedTickets(new SqliteTicketStore(db)).then((tickets) => {
    seeded = tickets;
    db.close();
  });
});

describe('tickets export', () => {
  let csv: Run;
  let jsonl: Run;
  let filtered: Run[];
  let toFile: Run;
  const outPath = join(dir, 'out.csv');
  beforeAll(async () => {
    [csv, jsonl, toFile, ...filtered] = await Promise.all([
      tickets(['export', '--format', 'csv']),
      tickets(['export', '--format', 'jsonl']),
      tickets(['export', '--out', outPath]),
      tickets(['export', '--status', 'new']),
      tickets(['export', '--from', '2025-03-02', '--to', '2025-03-03']),
      tickets(['export', '--format', 'jsonl', '--status', 'resolved', '--from', '2025-03-03T11:00:00Z']),
      tickets(['export', '--lang', 'en', '--intent', 'human_handoff']),
    ]);
  }, 120_000);

  it('writes a CSV with the documented columns, one row per ticket, oldest first', () => {
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    const [first, second, third] = rows(csv);
    expect(rows(csv).map((row) => row.number)).toEqual(numbers(seeded, 1, 2, 3, 4, 5));
    expect(first).toEqual({
      number: seeded[0]?.number,
      created_at: '2025-03-01T09:00:00.000Z',
      updated_at: '2025-03-01T09:00:00.000Z',
      status: 'new',
      lang: 'en',
      top_intent: 'activate_benefits',
      confidence: '0.91',
      summary: 'Cannot activate, says "not authorized", twice',
      facts: 'membership=gold;productKind=cloud',
      assignee: '',
      resolution_note: '',
    });
    expect(second).toMatchObject({
      status: 'assigned',
      lang: 'ru',
      summary: 'Сколько инцидентов осталось?\nВторая строка',
      assignee: 'Ana Agent',
    });
    expect(third).toMatchObject({
      status: 'resolved',
      resolution_note: 'Unlinked the Access ID; ask again, please',
      facts: 'contractHistory=linked_before',
    });
    expect(csv.stderr).toContain('tickets: 5 exported');
  });

  it('keeps text people typed from becoming a spreadsheet formula', () => {
    expect(rows(csv)[2]?.summary).toBe('\'=HYPERLINK("http://evil.example","Access ID já associado")');
  });

  it('writes JSON lines: each ticket as stored, without the requester', () => {
    expect(jsonl.code, jsonl.stderr).toBe(0);
    const lines = jsonl.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual(seeded.map(publicTicket));
    for (const secret of [REQUESTER_KEY, REQUESTER_CONVERSATION_ID, '"requester"'])
      expect(jsonl.stdout).not.toContain(secret);
  });

  it('writes to --out, with a byte order mark so spreadsheets read UTF-8', () => {
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(toFile.stdout).toBe('');
    const text = readFileSync(outPath, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(rows({ ...toFile, stdout: text })).toEqual(rows(csv));
  });

  it('filters by status, date range, language and intent', () => {
    const [byStatus, byDays, resolvedSince, byLangIntent] = filtered;
    for (const run of filtered) expect(run.code, run.stderr).toBe(0);
    expect(rows(byStatus!).map((row) => row.number)).toEqual(numbers(seeded, 1, 4, 5));
    expect(rows(byDays!).map((row) => row.number)).toEqual(numbers(seeded, 2, 3, 4));
    expect(
      resolvedSince!.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as Ticket).number),
    ).toEqual(numbers(seeded, 3));
    expect(rows(byLangIntent!).map((row) => row.number)).toEqual(numbers(seeded, 5));
  });

  it('writes only the header when nothing matches', async () => {
    const run = await tickets(['export', '--from', '2030-01-01']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(CSV_COLUMNS.join(','));
  });
});

describe('tickets: mistakes', () => {
  let runs: Record<string, Run>;
  const cases: Record<string, { args: string[]; storageUrl?: string }> = {
    noCommand: { args: [] },
    unknownCommand: { args: ['import'] },
    badFormat: { args: ['export', '--format', 'xlsx'] },
    badStatus: { args: ['export', '--status', 'open'] },
    badDate: { args: ['export', '--from', '2025-02-30'] },
    reversed: { args: ['export', '--from', '2025-03-05', '--to', '2025-03-01'] },
    unknownOption: { args: ['export', '--state', 'new'] },
    missingValue: { args: ['export', '--format'] },
    memory: { args: ['export'], storageUrl: 'memory:' },
    postgres: { args: ['export'], storageUrl: 'postgres://bot:secret@127.0.0.1:5432/test' },
    unknownStorage: { args: ['export'], storageUrl: 'mongodb://localhost/bot' },
    noDatabase: { args: ['export'], storageUrl: `sqlite:${join(dir, 'missing', 'bot.db')}` },
    notADatabase: { args: ['export'], storageUrl: `sqlite:${join(dir, 'notes.txt')}` },
  };
  beforeAll(async () => {
    writeFileSync(join(dir, 'notes.txt'), 'not a database, just notes\n'.repeat(200));
    const entries = await Promise.all(
      Object.entries(cases).map(
        async ([name, { args, storageUrl }]) => [name, await tickets(args, storageUrl)] as const,
      ),
    );
    runs = Object.fromEntries(entries);
  }, 120_000);

  it.each([
    ['noCommand', 'no command given'],
    ['unknownCommand', 'unknown command "import" (the command is export)'],
    ['badFormat', '--format must be csv or jsonl, not "xlsx"'],
    ['badStatus', '--status must be one of new, assigned, resolved, not "open"'],
    ['badDate', '--from must be a date (yyyy-mm-dd) or a full ISO time with a zone'],
    ['reversed', '--from (2025-03-05) is after to (2025-03-01)'],
    ['unknownOption', "Unknown option '--state'"],
    ['missingValue', "Option '--format <value>' argument missing"],
  ])('%s: exit code 2, the message and the usage', (name, message) => {
    const run = runs[name]!;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage: npm run --silent tickets -- export');
    expect(run.stdout).toBe('');
    noStackTrace(run);
  });

  it.each([
    ['memory', "STORAGE_URL=memory: keeps tickets inside the bot's process"],
    ['unknownStorage', 'names a storage this build does not have'],
  ])('%s: a STORAGE_URL it cannot export from is exit code 2 with a clear message', (name, message) => {
    const run = runs[name]!;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('secret');
    noStackTrace(run);
  });

  it('postgres: a database it cannot use is exit code 1, naming the server, never the password', () => {
    const run = runs.postgres!;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot use PostgreSQL at 127.0.0.1:5432/test');
    expect(run.stderr).not.toContain('secret');
    noStackTrace(run);
  });

  it('a database file that does not exist is exit code 1, and is not created', () => {
    const run = runs.noDatabase!;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`no database at ${join(dir, 'missing', 'bot.db')}`);
    expect(() => readFileSync(join(dir, 'missing', 'bot.db'))).toThrow();
    noStackTrace(run);
  });

  it('a file that is not a database is exit code 1 with its name', () => {
    const run = runs.notADatabase!;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot read the database ${join(dir, 'notes.txt')}: file is not a database`);
    noStackTrace(run);
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await tickets(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: npm run --silent tickets -- export');
  });
});
