/**
 * Tickets as an export: CSV rows (one flat row per ticket, for spreadsheets) or JSON lines (the ticket as the
 * API returns it). Both leave out the requester's conversation reference.
 */
import { stringify } from 'csv-stringify/sync';
import { FACT_NAMES } from '../rules/facts';
import { publicTicket } from './publicTicket';
import type { Ticket } from './ticket';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_COLUMNS = [
  'number',
  'created_at',
  'updated_at',
  'status',
  'lang',
  'top_intent',
  'confidence',
  'summary',
  'facts',
  'assignee',
  'resolution_note',
] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/** @example csvRow(ticket).facts // 'membership=gold;productKind=cloud' */
export function csvRow(ticket: Ticket): CsvRow {
  const top = ticket.intents[0];
  return {
    number: ticket.number,
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
    status: ticket.status,
    lang: ticket.lang,
    top_intent: top?.intent ?? '',
    confidence: top ? String(top.confidence) : '',
    summary: inertCell(ticket.summary),
    facts: FACT_NAMES.flatMap((name) => (ticket.facts[name] ? [`${name}=${ticket.facts[name]}`] : [])).join(';'),
    assignee: inertCell(ticket.assignee?.name ?? ''),
    resolution_note: inertCell(ticket.resolution?.note ?? ''),
  };
}

/**
 * The whole export as text. `bom` starts a CSV with a byte order mark, which spreadsheet programs need to
 * read UTF-8 (Russian, Portuguese and French summaries) as UTF-8.
 */
export function exportTickets(
  tickets: readonly Ticket[],
  format: ExportFormat,
  options: { bom?: boolean } = {},
): string {
  if (format === 'jsonl') return tickets.map((ticket) => `${JSON.stringify(publicTicket(ticket))}\n`).join('');
  return stringify(tickets.map(csvRow), { header: true, columns: [...CSV_COLUMNS], bom: options.bom ?? false });
}

/**
 * Text people typed cannot become a formula when the CSV is opened in a spreadsheet ("CSV injection"): a cell
 * that starts with = + - @ or a tab/carriage return gets a leading apostrophe, which spreadsheets show as text.
 */
function inertCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
