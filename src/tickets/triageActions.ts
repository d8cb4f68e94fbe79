/**
 * The Universal Actions of a ticket card in the triage channel: "Assign to me", "Resolve" with a note, and the
 * refresh Teams asks for. The answer is the updated card for the person who acted; the message itself is
 * updated too, so everyone in the channel sees the new state. Only the triage team acts on tickets: an invoke
 * from anywhere else (a chat, another team, web chat) gets the Universal Actions error response in the sender's
 * language, before any ticket is looked at, so it learns nothing, not even whether the ticket exists.
 */
import {
  CardFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, renderView } from '../../cards/renderCard';
import { EXECUTE_VERBS, RESOLUTION_NOTE_INPUT } from '../../cards/verbs';
import { langOfLocale, type Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import type { Logger } from '../log/logger';
import { triageCardView } from '../../cards/views/triageCardView';
import type { Person, Ticket } from './ticket';
import { TicketNotFoundError, TicketStateError } from './store/ticketStore';
import type { TicketService } from './ticketService';

const MAX_NOTE_LENGTH = 1000;
const UNIVERSAL_ACTION_ERROR_TYPE = 'application/vnd.microsoft.error';

export class TriageActions {
  constructor(
    private readonly tickets: TicketService,
    private readonly log: Logger,
  ) {}

  async handle(context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    if (!(await this.tickets.acceptsActionsFrom(context.activity)))
      return refusal(langOfLocale(context.activity.locale) ?? 'en');
    const { verb, data } = invoke.action ?? {};
    const number = typeof data?.ticket === 'string' ? data.ticket : undefined;
    const lang = await this.tickets.triageLang(langOfLocale(context.activity.locale) ?? 'en');
    if (!number || !Object.values(EXECUTE_VERBS).includes(verb as never))
      return message(t(lang, 'conversation.invalid_submit'));
    const person: Person = {
      id: context.activity.from.aadObjectId ?? context.activity.from.id,
      name: context.activity.from.name ?? '',
    };
    try {
      let ticket: Ticket | undefined;
      if (verb === EXECUTE_VERBS.assign) ticket = await this.tickets.assign(number, person);
      else if (verb === EXECUTE_VERBS.resolve) {
        const note =
          typeof data?.[RESOLUTION_NOTE_INPUT] === 'string'
            ? data[RESOLUTION_NOTE_INPUT].trim().slice(0, MAX_NOTE_LENGTH)
            : '';
        if (!note) return message(t(lang, 'triage.note_required'));
        ticket = await this.tickets.resolve(number, person, note);
      } else ticket = await this.tickets.store.get(number);
      if (!ticket) return message(t(lang, 'triage.not_found'));
      const card = renderView(triageCardView(ticket, lang));
      if (verb !== EXECUTE_VERBS.refresh) await this.updateForEveryone(context, card);
      return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };
    } catch (error) {
      if (error instanceof TicketNotFoundError) return message(t(lang, 'triage.not_found'));
      if (error instanceof TicketStateError) return message(t(lang, 'triage.already_resolved'));
      throw error;
    }
  }

  private async updateForEveryone(context: TurnContext, card: object): Promise<void> {
    const id = context.activity.replyToId;
    if (!id) return;
    await context
      .updateActivity({ id, type: 'message', attachments: [CardFactory.adaptiveCard(card)] })
      .catch((error: unknown) => this.log.warn({ err: error }, 'could not update the ticket card for everyone'));
  }
}

/** The Universal Actions error response (botbuilder's own shape: `{ statusCode, type, value: { code, message } }`). */
function refusal(lang: Lang): AdaptiveCardInvokeResponse {
  return {
    statusCode: 403,
    type: UNIVERSAL_ACTION_ERROR_TYPE,
    value: { code: 'Forbidden', message: t(lang, 'triage.not_allowed') },
  };
}

function message(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as never };
}
