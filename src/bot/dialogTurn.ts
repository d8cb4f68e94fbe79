/**
 * The main dialog's part of a turn: the dialog waiting on the conversation's stack continues, or, with none
 * waiting, the main dialog begins. This is what botbuilder's runDialog does for a bot that is not a skill,
 * without what it adds on every turn for adaptive dialogs and the Emulator, none of which this bot uses:
 * building the adaptive memory scopes and path resolvers anew (here they are built on the first turn and
 * handed to every later one), loading and saving each scope (the bot's state is TurnState's), and a "Bot
 * State" trace with a snapshot of all memory (the Emulator shows it; other channels drop it). An error
 * thrown by a dialog reaches the caller as it did (no dialog of this bot handles error events).
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from '../adapters/botbuilderDialogs';

/** Where botbuilder-dialogs' DialogStateManager looks for (and keeps) its configuration during a turn. */
const MEMORY_CONFIGURATION = 'DialogStateManagerConfiguration';

export class DialogTurn {
  private readonly dialogs: DialogSet;
  /** The memory scopes and path resolvers every dialog context of a turn gets: the same objects each turn. */
  private memoryConfiguration: unknown;

  constructor(
    private readonly dialog: Dialog,
    dialogState: StatePropertyAccessor<DialogState>,
  ) {
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(dialog);
  }

  /** @example await new DialogTurn(mainDialog, state.dialogState).run(context) */
  async run(context: TurnContext): Promise<void> {
    if (this.memoryConfiguration) context.turnState.set(MEMORY_CONFIGURATION, this.memoryConfiguration);
    const dc = await this.dialogs.createContext(context);
    this.memoryConfiguration ??= context.turnState.get(MEMORY_CONFIGURATION);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.dialog.id);
  }
}
