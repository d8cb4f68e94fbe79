/**
 * Handing a question to the support team: a one-line summary (typed, or the last question), consent to share
 * it with the facts the bot knows (clicked, or typed: "yes", "ok", "да", "sim", "oui", "no"…), then a ticket (once per incoming activity), its number in a card, and the
 * standard `handoff.initiate` event for hosts that route conversations to agents.
 */
import { EventFactory, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from '../src/adapters/botbuilderDialogs';
import { handoffConsentQuestion, handoffSummaryQuestion } from '../cards/views/handoffQuestions';
import { ticketView } from '../cards/views/ticketView';
import type { BotStateAccessors, ConversationData } from '../src/bot/botState';
import { sendString, sendView } from '../src/bot/send';
import { noteOutcome } from '../src/bot/turnOutcome';
import { turnOf, type TurnInput } from '../src/bot/turn';
import type { Lang } from '../src/i18n/locales';
import { redact } from '../src/privacy/redact';
import { yesOrNo } from '../src/nlu/replyWords';
import { redactReference } from '../src/privacy/redactActivity';
import { requesterKey } from '../src/tickets/requesterKey';
import { sourceActivityId } from '../src/tickets/sourceActivityId';
import type { TicketService } from '../src/tickets/ticketService';
import { CARD_ACTIONS } from '../cards/verbs';
import { DIALOG_IDS } from './ids';
import type { TopicResult } from './topicDialog';

const MAX_SUMMARY_LENGTH = 300;
/** Channels that accept event activities from a bot (Teams does not). */
const EVENT_CHANNELS = new Set(['directline', 'webchat', 'emulator', 'test']);

interface HandoffValues {
  summary: string;
}

export class HandoffDialog extends ComponentDialog {
  constructor(
    private readonly state: BotStateAccessors,
    private readonly tickets: TicketService,
  ) {
    super(DIALOG_IDS.handoff);
    this.addDialog(
      new WaterfallDialog(DIALOG_IDS.handoffFlow, [
        this.askSummary.bind(this),
        this.askConsent.bind(this),
        this.openTicket.bind(this),
      ]),
    );
    this.initialDialogId = DIALOG_IDS.handoffFlow;
  }

  private async askSummary(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { lang } = turnOf(step.context);
    noteOutcome(step.context, 'handoff');
    const { lastQuestion } = await this.state.conversation.get(step.context, { misses: 0 });
    await sendView(step.context, handoffSummaryQuestion(lang, lastQuestion?.text));
    await this.setPending(step.context, { step: 'summary' });
    return Dialog.EndOfTurn;
  }

  private async askConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { input, lang } = turnOf(step.context);
    const { lastQuestion } = await this.state.conversation.get(step.context, { misses: 0 });
    let summary: string | undefined;
    if (input.kind === 'submit' && input.submit.action === CARD_ACTIONS.handoffSummary) summary = lastQuestion?.text;
    if (input.kind === 'text') summary = redact(input.text).slice(0, MAX_SUMMARY_LENGTH);
    if (!summary) return step.endDialog({ reroute: true } satisfies TopicResult);
    (step.values as HandoffValues).summary = summary;
    const { facts } = await this.state.profile.get(step.context, { facts: {} });
    await sendView(step.context, handoffConsentQuestion(lang, summary, facts));
    await this.setPending(step.context, { step: 'consent', summary });
    return Dialog.EndOfTurn;
  }

  /** Asks the pending question again, in this turn's language (after help or a language switch). */
  protected override async onRepromptDialog(context: TurnContext): Promise<void> {
    const { lang } = turnOf(context);
    const { handoff, lastQuestion } = await this.state.conversation.get(context, { misses: 0 });
    if (handoff?.step === 'consent' && handoff.summary) {
      const { facts } = await this.state.profile.get(context, { facts: {} });
      await sendView(context, handoffConsentQuestion(lang, handoff.summary, facts));
    } else await sendView(context, handoffSummaryQuestion(lang, lastQuestion?.text));
  }

  private async setPending(
    context: TurnContext,
    handoff: NonNullable<ConversationData['handoff']> | undefined,
  ): Promise<void> {
    const conversation = await this.state.conversation.get(context, { misses: 0 });
    await this.state.conversation.set(context, { ...conversation, handoff });
  }

  private async openTicket(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const { input, lang } = turnOf(context);
    await this.setPending(context, undefined);
    const consent = consentOf(input);
    if (consent === undefined) return step.endDialog({ reroute: true } satisfies TopicResult);
    if (!consent) {
      await sendString(context, lang, 'handoff.cancelled');
      return step.endDialog();
    }
    const ticket = await this.tickets.open({
      lang,
      summary: (step.values as HandoffValues).summary,
      intents: (await this.state.conversation.get(context, { misses: 0 })).lastQuestion?.intents ?? [],
      facts: (await this.state.profile.get(context, { facts: {} })).facts,
      excerpt: await this.state.transcript.get(context, []),
      // The way back to the requester: addresses as they are, names redacted (a display name may be an address).
      requester: {
        userKey: requesterKey(context.activity.channelId, context.activity.from.id),
        conversation: redactReference(referenceOf(context)),
      },
      sourceActivityId: sourceActivityId(context.activity),
    });
    await sendView(context, ticketView(ticket, lang));
    await emitHandoffEvent(context, ticket.number, ticket.summary, lang);
    return step.endDialog();
  }
}

/** The consent a reply gives: a click on the card, or a typed yes or no in any language. */
function consentOf(input: TurnInput): boolean | undefined {
  if (input.kind === 'submit' && input.submit.action === CARD_ACTIONS.handoffConsent) return input.submit.consent;
  if (input.kind !== 'text') return undefined;
  const said = yesOrNo(input.text);
  return said === undefined ? undefined : said === 'yes';
}

function referenceOf(context: TurnContext) {
  const { activity } = context;
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversation: activity.conversation,
    user: activity.from,
    bot: activity.recipient,
    locale: activity.locale,
  };
}

/** The Bot Framework hand-off protocol event, for hosts that route conversations to agents. */
async function emitHandoffEvent(
  context: TurnContext,
  ticketNumber: string,
  summary: string,
  lang: Lang,
): Promise<void> {
  if (!EVENT_CHANNELS.has(context.activity.channelId)) return;
  await context.sendActivity(EventFactory.createHandoffInitiation(context, { ticket: ticketNumber, summary, lang }));
}
