/**
 * The bot in Teams and every other Bot Framework channel: welcomes new members, answers messages through the
 * main dialog (in channels only when @mentioned, the mention removed first), and saves all state once, at the
 * end of the turn.
 */
import { TeamsActivityHandler, TurnContext } from 'botbuilder';
import { runDialog, type Dialog } from 'botbuilder-dialogs';
import { welcomeView } from '../answers/welcomeView';
import { langOfLocale } from '../i18n/locales';
import type { Classifier } from '../nlu/classifier';
import type { BotStateAccessors } from './botState';
import { sendView } from './send';
import { setTurn, understandTurn } from './turn';

export interface SupportBotDependencies {
  state: BotStateAccessors;
  classifier: Classifier;
  mainDialog: Dialog;
}

export class SupportBot extends TeamsActivityHandler {
  constructor(private readonly deps: SupportBotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      if (isAddressedToBot(context)) await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      if (added.length) await sendView(context, welcomeView(langOfLocale(context.activity.locale) ?? 'en'));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.state.conversationState.saveChanges(context);
    await this.deps.state.userState.saveChanges(context);
  }

  private async answer(context: TurnContext): Promise<void> {
    const { state, classifier, mainDialog } = this.deps;
    TurnContext.removeRecipientMention(context.activity);
    if (context.activity.text) context.activity.text = context.activity.text.trim();
    const profile = await state.profile.get(context, { facts: {} });
    const turn = understandTurn(context, classifier, profile.lang);
    setTurn(context, turn);
    if (turn.input.kind !== 'empty') await state.profile.set(context, { ...profile, lang: turn.lang });
    await runDialog(mainDialog, context, state.dialogState);
  }
}

/** In a Teams channel or group chat the bot answers only when it is @mentioned; a card submit is always for it. */
function isAddressedToBot(context: TurnContext): boolean {
  const { activity } = context;
  const type = activity.conversation?.conversationType;
  if (type !== 'channel' && type !== 'groupChat') return true;
  if (activity.value !== undefined && activity.value !== null) return true;
  return TurnContext.getMentions(activity).some((mention) => mention.mentioned?.id === activity.recipient?.id);
}
