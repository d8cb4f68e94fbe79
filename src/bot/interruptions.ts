/**
 * The requests that can come at any step of any dialog: help, start over, forget my details, switch language,
 * talk to a person. Recognised once here, handled once here, for the main router and the interruption base.
 */
import type { TurnContext } from 'botbuilder';
import { CARD_ACTIONS } from '../../cards/verbs';
import { helpView } from '../../cards/views/welcomeView';
import type { Lang } from '../i18n/locales';
import type { TicketStore } from '../tickets/store/ticketStore';
import { requesterKey } from '../tickets/requesterKey';
import type { BotStateAccessors } from './botState';
import { sendString, sendView } from './send';
import type { ReviewCapture } from './reviewCapture';
import type { Turn } from './turn';

export type Interruption =
  | { kind: 'help' }
  | { kind: 'start_over' }
  | { kind: 'forget' }
  | { kind: 'language'; lang: Lang }
  | { kind: 'handoff' };

/** How sure the classifier must be before "help" or "a person" interrupts a dialog. */
const INTERRUPTING_CONFIDENCE = 0.6;

export function interruptionOf({ input, reading }: Turn): Interruption | undefined {
  if (input.kind === 'submit') {
    const { submit } = input;
    switch (submit.action) {
      case CARD_ACTIONS.help:
        return { kind: 'help' };
      case CARD_ACTIONS.startOver:
        return { kind: 'start_over' };
      case CARD_ACTIONS.forget:
        return { kind: 'forget' };
      case CARD_ACTIONS.handoff:
        return { kind: 'handoff' };
      case CARD_ACTIONS.language:
        return { kind: 'language', lang: submit.lang };
      default:
        return undefined;
    }
  }
  if (input.kind !== 'text') return undefined;
  const { command } = input;
  if (command && (command.kind === 'start_over' || command.kind === 'forget' || command.kind === 'language'))
    return command;
  // A reply the conversation's context reads as an answer or a follow-up ("and what about silver?") is not a
  // request for help, whatever the classifier makes of it alone.
  if (reading && reading.kind !== 'new') return undefined;
  const { intent, confidence } = input.classification;
  if (confidence < INTERRUPTING_CONFIDENCE) return undefined;
  if (intent === 'help') return { kind: 'help' };
  if (intent === 'human_handoff') return { kind: 'handoff' };
  return undefined;
}

/** Whether the dialogs in progress end after this interruption (help and a language switch keep them). */
export function endsDialogs(interruption: Interruption): boolean {
  return interruption.kind === 'start_over' || interruption.kind === 'forget' || interruption.kind === 'handoff';
}

/** The interruptions handled here with a reply; a hand-off instead begins its dialog (see dialogs/). */
export type RepliedInterruption = Exclude<Interruption, { kind: 'handoff' }>;

export interface InterruptionDependencies {
  state: BotStateAccessors;
  tickets: TicketStore;
  /** The missed questions kept for review: "forget me" deletes the user's. */
  review?: Pick<ReviewCapture, 'forget'>;
}

export async function handleInterruption(
  context: TurnContext,
  interruption: RepliedInterruption,
  lang: Lang,
  { state, tickets, review }: InterruptionDependencies,
): Promise<void> {
  switch (interruption.kind) {
    case 'help':
      return sendView(context, helpView(lang));
    case 'start_over':
      await state.conversation.set(context, { misses: 0 });
      return sendString(context, lang, 'conversation.start_over');
    case 'forget': {
      // "Forget me": the user's state goes, this conversation's record of them goes, their tickets are redacted,
      // the questions of theirs kept for review are deleted.
      await state.userState.delete(context);
      await state.conversation.set(context, { misses: 0 });
      await state.transcript.set(context, []);
      await tickets.redactRequester(requesterKey(context.activity.channelId, context.activity.from.id));
      await review?.forget(context);
      return sendString(context, lang, 'conversation.forgotten');
    }
    case 'language': {
      const profile = await state.profile.get(context, { facts: {} });
      await state.profile.set(context, { ...profile, lang: interruption.lang });
      return sendString(context, interruption.lang, 'conversation.language_switched');
    }
  }
}
