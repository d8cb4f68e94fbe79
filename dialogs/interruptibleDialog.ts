/**
 * The base of the main dialog: help, start over, forget my details, a language switch and "talk to a person"
 * interrupt whatever dialog is waiting. Help and a language switch then ask the pending question again.
 */
import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from '../src/adapters/botbuilderDialogs';
import {
  endsDialogs,
  handleInterruption,
  interruptionOf,
  type InterruptionDependencies,
} from '../src/bot/interruptions';
import { turnOf } from '../src/bot/turn';
import { DIALOG_IDS } from './ids';

export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly deps: InterruptionDependencies,
  ) {
    super(id);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const turn = turnOf(innerDc.context);
    const interruption = interruptionOf(turn);
    if (!interruption) return super.onContinueDialog(innerDc);
    if (interruption.kind === 'handoff') {
      // Already handing over: the words belong to the hand-off (its summary), not a new request.
      if (innerDc.activeDialog?.id === DIALOG_IDS.handoff) return super.onContinueDialog(innerDc);
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(DIALOG_IDS.handoff);
    }
    await handleInterruption(innerDc.context, interruption, turn.lang, this.deps);
    if (endsDialogs(interruption)) return innerDc.cancelAllDialogs();
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
}
