/**
 * The base of the main dialog: help, start over, forget my details, a language switch and "talk to a person"
 * interrupt whatever dialog is waiting. Help and a language switch then ask the pending question again.
 */
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { BotStateAccessors } from '../src/bot/botState';
import { endsDialogs, handleInterruption, interruptionOf } from '../src/bot/interruptions';
import { turnOf } from '../src/bot/turn';

export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly state: BotStateAccessors,
  ) {
    super(id);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const turn = turnOf(innerDc.context);
    const interruption = interruptionOf(turn);
    if (!interruption) return super.onContinueDialog(innerDc);
    await handleInterruption(innerDc.context, interruption, turn.lang, this.state);
    if (endsDialogs(interruption)) return innerDc.cancelAllDialogs();
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
}
