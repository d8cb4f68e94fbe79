/**
 * What a "Find a ticket" search asks, read from its text: ticket numbers (`MPN-000042`, `mpn42`, `42`), a
 * status by its name in any of the four languages (`new`, `Résolu`, `назначена`) and words every matching
 * ticket's summary holds (compared in the match form: case, accents and quotes folded).
 */
import { LANGS } from '../i18n/locales';
import { t } from '../i18n/strings';
import { matchForm } from '../nlu/normalize';
import { TICKET_STATUSES, type TicketStatus } from '../tickets/ticket';
import { ticketNumber } from '../tickets/ticketTransitions';

export interface TicketQuery {
  numbers: string[];
  status?: TicketStatus;
  words: string[];
}

const NUMBER = /^(?:mpn-?)?0*(\d{1,9})$/;

let statusNames: Map<string, TicketStatus> | undefined;

/** Every status by its code and its name in each language, in the match form. */
function statusOf(word: string): TicketStatus | undefined {
  statusNames ??= new Map(
    TICKET_STATUSES.flatMap((status) =>
      [status, ...LANGS.map((lang) => t(lang, `ticket.status.${status}`))].map(
        (name) => [matchForm(name), status] as const,
      ),
    ),
  );
  return statusNames.get(word);
}

/** @example readTicketQuery('MPN-000042') // { numbers: ['MPN-000042'], words: [] } */
export function readTicketQuery(text: string): TicketQuery {
  const query: TicketQuery = { numbers: [], words: [] };
  for (const word of matchForm(text)
    .split(/[\s,;]+/u)
    .filter(Boolean)) {
    const number = NUMBER.exec(word)?.[1];
    const status = statusOf(word);
    if (number !== undefined && Number(number) > 0) query.numbers.push(ticketNumber(Number(number)));
    else if (status && !query.status) query.status = status;
    else query.words.push(word);
  }
  return query;
}

/** Whether a ticket's summary holds every word of the query. */
export function summaryHolds(summary: string, words: readonly string[]): boolean {
  const form = matchForm(summary);
  return words.every((word) => form.includes(word));
}
