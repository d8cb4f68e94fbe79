/**
 * "Find a ticket", for the support team: answered with tickets only when the invoke comes from the triage team
 * (the team whose channel said "triage here", or TRIAGE_TEAM_ID); anywhere else with one result that says where
 * tickets can be searched. A ticket result inserts the same Universal Actions card the triage channel shows, so
 * it can be assigned or resolved from there: nothing beyond what that channel shows (redacted summaries and facts).
 */
import { userText } from '../../cards/userText';
import type { Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { triageCardView } from '../../cards/views/triageCardView';
import type { Ticket } from '../tickets/ticket';
import type { TicketStore } from '../tickets/store/ticketStore';
import { MAX_TICKET_RESULTS } from './commands';
import { noticeResult, previewText, resultOf, type ExtensionResult } from './extensionResult';
import { readTicketQuery, summaryHolds } from './ticketQuery';

/** Where an invoke comes from, as the triage rules read it (the shape of src/tickets/triageOrigin's TriageOrigin). */
export interface InvokeOrigin {
  channelId: string;
  conversationType: string | undefined;
  conversationId: string;
  teamId: string | undefined;
}

/** What ticket search needs of triage: who may see tickets, in which language, and the tickets. */
export interface TicketAccess {
  admits(origin: InvokeOrigin): Promise<boolean>;
  /** The triage team, once one is known. */
  team(): Promise<string | undefined>;
  triageLang(fallback: Lang): Promise<Lang>;
  store: Pick<TicketStore, 'get' | 'list'>;
}

export class TicketSearch {
  constructor(private readonly access: TicketAccess) {}

  /** @param lang the searcher's language, for what is said when no ticket may be shown */
  async search(text: string, origin: InvokeOrigin, lang: Lang): Promise<ExtensionResult[]> {
    if (!(await this.access.admits(origin))) {
      const key = (await this.access.team())
        ? 'messageExtension.tickets_elsewhere.text'
        : 'messageExtension.no_triage_team.text';
      return [noticeResult(lang, t(lang, 'messageExtension.tickets_elsewhere.title'), t(lang, key))];
    }
    const triageLang = await this.access.triageLang(lang);
    return (await this.find(text)).flatMap((ticket) => {
      const preview = {
        title: t(triageLang, 'triage.title', { number: ticket.number }),
        subtitle: t(triageLang, `ticket.status.${ticket.status}`),
        text: previewText(userText(ticket.summary)),
      };
      const result = resultOf(triageCardView(ticket, triageLang), preview);
      return result ? [result] : [];
    });
  }

  /** Numbers first (as asked), then the newest tickets with the status and words asked; open ones for an empty query. */
  private async find(text: string): Promise<Ticket[]> {
    const query = readTicketQuery(text);
    const matches = (ticket: Ticket) =>
      (!query.status || ticket.status === query.status) && summaryHolds(ticket.summary, query.words);
    if (query.numbers.length) {
      const found = await Promise.all(query.numbers.map((number) => this.access.store.get(number)));
      return found
        .filter((ticket): ticket is Ticket => ticket !== undefined && matches(ticket))
        .slice(0, MAX_TICKET_RESULTS);
    }
    const listed = await this.access.store.list(query.status ? { status: query.status } : {});
    const wanted =
      query.status || query.words.length
        ? listed.filter(matches)
        : listed.filter((ticket) => ticket.status !== 'resolved');
    return wanted.slice(0, MAX_TICKET_RESULTS);
  }
}
