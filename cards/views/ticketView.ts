/** The card that tells the requester their question is with the support team, with the ticket number. */
import type { CardView } from '../cardData';
import { userText } from '../userText';
import { LOCALE_OF, type Lang } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { FACT_NAMES, type PartnerFacts } from '../../src/rules/facts';
import { knownFacts } from './knownFacts';

export type TicketStatus = 'new' | 'assigned' | 'resolved';

/** What the requester sees of a ticket. */
export interface TicketSummary {
  number: string;
  status: TicketStatus;
  /** When it was created (a stored ticket keeps the ISO string). */
  createdAt: Date | string;
  summary: string;
  facts: PartnerFacts;
}

export function ticketView(ticket: TicketSummary, lang: Lang): CardView {
  const locale = LOCALE_OF[lang];
  return {
    kind: 'ticket',
    data: {
      lang,
      title: t(lang, 'ticket.title'),
      numberLabel: t(lang, 'ticket.number'),
      number: ticket.number,
      statusLabel: t(lang, 'ticket.status'),
      status: t(lang, `ticket.status.${ticket.status}`),
      createdLabel: t(lang, 'ticket.created'),
      created:
        new Date(ticket.createdAt).toLocaleString(locale, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'UTC',
        }) + ' UTC',
      summaryLabel: t(lang, 'ticket.summary'),
      summary: userText(ticket.summary),
      facts: knownFacts(FACT_NAMES, ticket.facts, lang),
      next: t(lang, 'ticket.next'),
    },
  };
}
