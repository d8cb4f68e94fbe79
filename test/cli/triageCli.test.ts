/**
 * `npm run triage -- FILE`: a backlog in CSV or JSON lines triaged to one row per question (route, article
 * section, redacted text) with a summary on stderr; a file without a text column stops with exit code 2.
 */
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleUrl } from '../../cards/views/articleText';
import { isLang } from '../../src/i18n/locales';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import { parseLines, runCli, type CliRun } from './runCli';

const ACCESS_ID = '7QX2-99AB-K3';
const dir = mkdtempSync(join(tmpdir(), 'triage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const triage = (...args: string[]) => runCli('tools/triageCli.ts', args);

/** A link to one of the article's sections, in the row's language. */
function isSectionLink(section: unknown, lang: unknown): boolean {
  return isLang(lang) && knowledgeBase().sections.some((s) => section === articleUrl(lang, s.anchor));
}

describe('triage CLI', () => {
  let csv: CliRun;
  let jsonl: CliRun;
  let toFile: CliRun;
  const outPath = join(dir, 'out.jsonl');
  beforeAll(async () => {
    const csvPath = file(
      'backlog.csv',
      [
        'id,question,locale',
        `1,"My Access ID: ${ACCESS_ID}. How many incidents do we have left?",en-US`,
        '2,"Como ativo os benefícios técnicos no Partner Center?",pt-BR',
        '3,"How do I open a support case for SQL Server on-premises?",',
      ].join('\n'),
    );
    const jsonlPath = file(
      'backlog.jsonl',
      [
        { text: `Access ID: ${ACCESS_ID} is already associated to an account`, locale: 'en-US' },
        { text: 'Сколько инцидентов у нас осталось?' },
      ]
        .map((row) => JSON.stringify(row))
        .join('\n'),
    );
    [csv, jsonl, toFile] = await Promise.all([triage(csvPath), triage(jsonlPath), triage(jsonlPath, '--out', outPath)]);
  }, 60_000);

  it('writes a CSV row per question with route, section link and language', () => {
    expect(csv.code).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.intent, row.lang, row.route])).toEqual([
      ['remaining_incidents', 'en', 'support_for_business'],
      ['activate_benefits', 'pt', 'partner_center_benefits'],
      ['onprem_support_request', 'en', 'support_for_business'],
    ]);
    expect(rows.filter((row) => !isSectionLink(row.section, row.lang))).toEqual([]);
  });

  it('writes a JSON line per question with route, section link and language', () => {
    expect(jsonl.code).toBe(0);
    const rows = parseLines(jsonl.stdout);
    expect(rows.map((row) => [row.intent, row.lang, row.route])).toEqual([
      ['access_id_already_associated', 'en', 'cloud_product_portal'],
      ['remaining_incidents', 'ru', 'support_for_business'],
    ]);
    expect(rows.filter((row) => !isSectionLink(row.section, row.lang))).toEqual([]);
  });

  it('redacts the text: an Access ID in the input never appears in the output', () => {
    for (const run of [csv, jsonl]) {
      expect(run.stdout).not.toContain(ACCESS_ID);
      expect(run.stderr).not.toContain(ACCESS_ID);
      expect(run.stdout).toContain('[ACCESS ID]');
    }
    expect(readFileSync(outPath, 'utf8')).not.toContain(ACCESS_ID);
  });

  it('writes to --out instead of stdout when asked', () => {
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(parseLines(readFileSync(outPath, 'utf8'))).toEqual(parseLines(jsonl.stdout));
  });

  it('ends with a summary by route and language on stderr', () => {
    expect(csv.stderr).toMatch(/3 questions triaged/);
    expect(csv.stderr).toMatch(/by route:[\s\S]*support_for_business\s+2\b[\s\S]*partner_center_benefits\s+1\b/);
    expect(csv.stderr).toMatch(/by language:[\s\S]*en\s+2\b[\s\S]*pt\s+1\b/);
    expect(jsonl.stderr).toMatch(/2 questions triaged/);
  });
});

describe('triage CLI on a file without a text column', () => {
  it('stops with exit code 2 and names the columns it looks for (CSV)', async () => {
    const run = await triage(file('no-text.csv', 'id,subject\n1,Gold incidents\n'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no text column \(expected one of: text, question/);
    expect(run.stderr).not.toMatch(/questions triaged/);
  }, 60_000);

  it('stops with exit code 2 even when the CSV has no rows yet', async () => {
    const run = await triage(file('header-only.csv', 'id,subject\n'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no text column/);
  }, 60_000);

  it('stops with exit code 2 and names the line (JSON lines)', async () => {
    const run = await triage(file('no-text.jsonl', `${JSON.stringify({ question: 'Gold incidents?' })}\n`));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no-text\.jsonl:1: expected \{"text"/);
  }, 60_000);
});
