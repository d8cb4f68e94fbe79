/**
 * The ticket workflow: opening a ticket from a hand-off (once per incoming activity), posting it to the triage
 * channel, assigning and resolving it from there, and telling the requester in their language.
 */
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { renderView } from '../../cards/renderCard';
import { toReply } from '../../cards/reply';
import { t } from '../i18n/strings';
import type { Logger } from '../log/logger';
import type { Metrics } from '../observability/metrics';
import type { Messenger } from '../proactive/messenger';
import type { NewTicket, Person, Ticket } from './ticket';
import type { TicketStore } from './store/ticketStore';
import type { TriageChannels } from './triageChannel';
import { triageCardView } from '../../cards/views/triageCardView';
import { triageOriginOf } from './triageOrigin';

export class TicketService {
  constructor(
    readonly store: TicketStore,
    private readonly channels: TriageChannels,
    private readonly messenger: Messenger,
    private readonly log: Logger,
    private readonly metrics?: Metrics,
  ) {}

  /** Opens the ticket (or finds the one this activity opened before) and posts a new one to the triage channel. */
  async open(input: NewTicket): Promise<Ticket> {
    const { ticket, created } = await this.store.create(input);
    if (created) {
      this.metrics?.handoffs.inc();
      await this.post(ticket);
    }
    return ticket;
  }

  async assign(number: string, to: Person): Promise<Ticket> {
    return this.store.assign(number, to);
  }

  /** Resolves the ticket and sends the requester the note, in the requester's language. */
  async resolve(number: string, by: Person, note: string): Promise<Ticket> {
    const ticket = await this.store.resolve(number, by, note);
    if (ticket.requester) {
      const message = MessageFactory.text(t(ticket.lang, 'ticket.resolved_message', { number: ticket.number, note }));
      const { status } = await this.messenger.send(ticket.requester.conversation, message);
      this.log.info({ ticket: ticket.number, status }, 'requester told of the resolution');
    }
    return ticket;
  }

  /**
   * "triage here": this channel receives the tickets from now on, in the language it was said in, when its team
   * is the triage team (see triageChannel.ts). @returns false when refused.
   */
  async setTriageChannel(channel: Parameters<TriageChannels['claim']>[0]): Promise<boolean> {
    return this.channels.claim(channel);
  }

  /** Whether someone may act on tickets from where this activity comes from: a channel of the triage team only. */
  async acceptsActionsFrom(activity: Partial<Activity>): Promise<boolean> {
    return this.channels.admits(triageOriginOf(activity));
  }

  /** The language tickets are shown in to the support team. */
  async triageLang(fallback: Ticket['lang']): Promise<Ticket['lang']> {
    return (await this.channels.get())?.lang ?? fallback;
  }

  /** The ticket's card for the triage channel, as an activity. */
  async triageActivity(ticket: Ticket): Promise<Partial<Activity>> {
    const channel = await this.channels.get();
    const view = triageCardView(ticket, channel?.lang ?? ticket.lang);
    const message = MessageFactory.attachment(CardFactory.adaptiveCard(renderView(view)));
    message.summary = toReply(view).text.split('\n')[0];
    return message;
  }

  private async post(ticket: Ticket): Promise<void> {
    const channel = await this.channels.get();
    if (!channel) {
      this.log.info({ ticket: ticket.number }, 'no triage channel: the ticket waits in the store');
      return;
    }
    const { status } = await this.messenger.send(channel.reference, await this.triageActivity(ticket));
    if (status === 'removed') await this.channels.clear();
    this.log.info({ ticket: ticket.number, status }, 'ticket posted to the triage channel');
  }
}
