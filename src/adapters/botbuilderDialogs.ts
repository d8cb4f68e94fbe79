/**
 * The parts of botbuilder-dialogs the bot uses, imported from their own files: the package's index also loads
 * every prompt and, with them, the Microsoft.Recognizers.Text suites (11 MB of source kept in the heap, a
 * fifth of the start) that nothing here uses. Import dialogs from here, never from the package itself.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
export type { DialogContext, DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
