/**
 * One topic of the article, as a dialog: asks with a card for each fact its rule still needs (remembering the
 * answers in user state), then answers with the rule's decision. A reply that answers nothing it asked ends the
 * dialog so the main dialog can treat it as a new question.
 */
import { ComponentDialog, Dialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { decisionView } from '../src/answers/decisionView';
import type { BotStateAccessors } from '../src/bot/botState';
import { factAnswer } from '../src/bot/factAnswer';
import { rememberFacts } from '../src/bot/rememberFacts';
import { sendString, sendView } from '../src/bot/send';
import { turnOf } from '../src/bot/turn';
import { articleRetriever, topicQuestionSegments } from '../src/nlu/retrieval';
import type { Topic } from '../src/rules/decision';
import { decide } from '../src/rules/decide';
import type { FactName } from '../src/rules/facts';
import { CARD_ACTIONS, DIALOG_IDS } from './ids';

/** What a topic dialog returns: `reroute` when the last message was not an answer to its question. */
export interface TopicResult {
  reroute?: boolean;
}

/** What the waterfall keeps between its steps. */
interface TopicValues {
  asked: FactName;
}

export class TopicDialog extends ComponentDialog {
  constructor(
    readonly topic: Topic,
    private readonly state: BotStateAccessors,
  ) {
    super(DIALOG_IDS.topic(topic));
    this.addDialog(new WaterfallDialog(DIALOG_IDS.topicFlow, [this.decideStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = DIALOG_IDS.topicFlow;
  }

  /** Answers when the rule has what it needs; otherwise asks for the next fact and waits. */
  private async decideStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const asked = await this.sendDecision(step.context);
    if (!asked) return step.endDialog({} satisfies TopicResult);
    (step.values as TopicValues).asked = asked;
    return Dialog.EndOfTurn;
  }

  /** Takes the answer (a clicked choice or typed words) and decides again, or hands the message back. */
  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { input, lang } = turnOf(step.context);
    const { asked } = step.values as TopicValues;
    if (input.kind === 'submit' && input.submit.action === CARD_ACTIONS.fact) {
      await rememberFacts(step.context, this.state, { [input.submit.fact]: input.submit.value });
      return step.replaceDialog(DIALOG_IDS.topicFlow);
    }
    if (input.kind === 'invalid_submit') {
      await sendString(step.context, lang, 'conversation.invalid_submit');
      return step.replaceDialog(DIALOG_IDS.topicFlow);
    }
    if (input.kind === 'text') {
      const value = factAnswer(asked, input.text, input.classification.entities, lang);
      if (value) {
        await rememberFacts(step.context, this.state, { ...input.classification.entities, [asked]: value });
        return step.replaceDialog(DIALOG_IDS.topicFlow);
      }
    }
    return step.endDialog({ reroute: true } satisfies TopicResult);
  }

  /** Asks the pending question again, in the language of this turn (after help or a language switch). */
  protected override async onRepromptDialog(context: TurnContext): Promise<void> {
    await this.sendDecision(context);
  }

  /**
   * Sends the answer or the question for what is known now, led by the sentences that answer this turn's
   * question when it is one about this topic; returns the fact asked, if one is.
   */
  private async sendDecision(context: TurnContext): Promise<FactName | undefined> {
    const { lang, input } = turnOf(context);
    const { facts } = await this.state.profile.get(context, { facts: {} });
    const decision = decide(this.topic, facts);
    const retrieved = input.kind === 'text' ? topicQuestionSegments(articleRetriever(), input.text, input.classification, this.topic, lang) : [];
    await sendView(context, decisionView(decision, facts, lang, retrieved));
    return decision.ask;
  }
}
