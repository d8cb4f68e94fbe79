/**
 * One topic of the article, as a dialog: asks with a card for each fact its rule still needs (remembering the
 * answers in user state), then answers with the rule's decision. A typed reply is read in the conversation's
 * context (src/nlu/contextReading.ts): an answer to the question, or any fact the topic can use, is taken; "I
 * don't know" gets what each case would mean; any other message ends the dialog so the main dialog can treat it as a follow-up or a new question.
 */
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from '../src/adapters/botbuilderDialogs';
import type { TurnContext } from 'botbuilder';
import type { BotStateAccessors } from '../src/bot/botState';
import { dropPendingQuestion } from '../src/bot/conversationContext';
import { rememberFacts } from '../src/bot/rememberFacts';
import { sendString } from '../src/bot/send';
import { sendEachCase, sendTopicDecision, type TopicAnswerOptions } from '../src/bot/topicAnswer';
import { turnOf } from '../src/bot/turn';
import type { Topic } from '../src/rules/decision';
import { CARD_ACTIONS } from '../cards/verbs';
import { DIALOG_IDS } from './ids';

/** What a topic dialog returns: `reroute` when the last message was not an answer to its question. */
export interface TopicResult {
  reroute?: boolean;
}

/**
 * How a topic dialog begins: `assume` holds facts for this answer only (a hypothetical follow-up's), `detail`
 * the sentences a detail question on the topic retrieved.
 */
export type TopicOptions = Pick<TopicAnswerOptions, 'assume' | 'detail'>;

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
    const options = (step.options ?? {}) as TopicOptions;
    const decision = await sendTopicDecision(step.context, this.state, this.topic, options);
    if (!decision.ask) return step.endDialog({} satisfies TopicResult);
    return Dialog.EndOfTurn;
  }

  /** Takes the answer (a clicked choice, or typed words read in context) and decides again, or hands the message back. */
  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { input, lang, reading } = turnOf(step.context);
    const { assume } = (step.options ?? {}) as TopicOptions;
    const options: TopicOptions = assume ? { assume } : {};
    if (input.kind === 'submit' && input.submit.action === CARD_ACTIONS.fact) {
      await rememberFacts(step.context, this.state, { [input.submit.fact]: input.submit.value });
      return step.replaceDialog(DIALOG_IDS.topicFlow, options);
    }
    if (input.kind === 'invalid_submit') {
      await sendString(step.context, lang, 'conversation.invalid_submit');
      return step.replaceDialog(DIALOG_IDS.topicFlow, options);
    }
    if (input.kind === 'text' && reading?.kind === 'answer') {
      await rememberFacts(step.context, this.state, { ...input.classification.entities, ...reading.facts });
      return step.replaceDialog(DIALOG_IDS.topicFlow, options);
    }
    if (
      input.kind === 'text' &&
      reading?.kind === 'dont_know' &&
      (await sendEachCase(step.context, this.state, this.topic, reading.fact, assume))
    ) {
      return step.endDialog({} satisfies TopicResult);
    }
    await dropPendingQuestion(step.context, this.state);
    return step.endDialog({ reroute: true } satisfies TopicResult);
  }

  /** Asks the pending question again, in the language of this turn (after help or a language switch). */
  protected override async onRepromptDialog(context: TurnContext): Promise<void> {
    const { context: inPlay } = await this.state.conversation.get(context, { misses: 0 });
    await sendTopicDecision(context, this.state, this.topic, {
      assume: inPlay?.topic === this.topic ? inPlay.facts : {},
    });
  }
}
