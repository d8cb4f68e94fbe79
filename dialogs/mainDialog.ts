/**
 * The router: every message starts here. Interruptions first, then card submits, then the classified intent:
 * a topic's dialog, the welcome or help card, the article's own sentences for a question no topic names,
 * "did you mean", the out-of-scope answer, and after two misses in a row the offer of a person.
 */
import { TurnContext, type TeamsChannelData } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from '../src/adapters/botbuilderDialogs';
import { articleAnswerView } from '../cards/views/articleAnswerView';
import { clarifyView } from '../cards/views/clarifyView';
import { fallbackView } from '../cards/views/fallbackView';
import { feedbackView } from '../cards/views/feedbackView';
import { handoffOfferView } from '../cards/views/handoffView';
import { helpView, welcomeView } from '../cards/views/welcomeView';
import type { SuggestedIntent } from '../cards/views/buttons';
import type { BotStateAccessors } from '../src/bot/botState';
import type { CardSubmit } from '../cards/cardSubmit';
import type { FeedbackStore } from '../src/bot/feedbackStore';
import type { ReviewCapture } from '../src/bot/reviewCapture';
import { handleInterruption, interruptionOf } from '../src/bot/interruptions';
import { sourceActivityId } from '../src/tickets/sourceActivityId';
import type { Metrics } from '../src/observability/metrics';
import type { TicketService } from '../src/tickets/ticketService';
import { rememberFacts } from '../src/bot/rememberFacts';
import { sendString, sendView } from '../src/bot/send';
import { noteOutcome } from '../src/bot/turnOutcome';
import { MAX_MESSAGE_CHARS, turnOf } from '../src/bot/turn';
import type { Lang } from '../src/i18n/locales';
import { redact } from '../src/privacy/redact';
import type { Classification } from '../src/nlu/classifier';
import { isTopic, type Intent } from '../src/nlu/intents';
import { articleRetriever, outOfScopeSegments } from '../src/nlu/retrieval';
import { TOPICS, type Topic } from '../src/rules/decision';
import { decide } from '../src/rules/decide';
import { sendTopicDecision } from '../src/bot/topicAnswer';
import type { QuestionPart } from '../src/nlu/splitQuestions';
import { HandoffDialog } from './handoffDialog';
import { CARD_ACTIONS } from '../cards/verbs';
import { DIALOG_IDS } from './ids';
import { InterruptibleDialog } from './interruptibleDialog';
import { TopicDialog, type TopicOptions, type TopicResult } from './topicDialog';
import type { Reading } from '../src/nlu/contextReading';

/** The least confidence a runner-up needs to be offered in "did you mean". */
const CLARIFY_MIN_CONFIDENCE = 0.1;
const CLARIFY_CANDIDATES = 3;
const MISSES_BEFORE_PERSON = 2;
/** A message classified on a topic with this confidence or more is a new question, never a detail of the current topic. */
const DETAIL_MAX_CONFIDENCE = 0.6;

export interface MainDialogDependencies {
  state: BotStateAccessors;
  feedback: FeedbackStore;
  tickets: TicketService;
  metrics?: Metrics;
  /** Keeps the questions the bot missed for the review page. */
  review?: ReviewCapture;
}

export class MainDialog extends InterruptibleDialog {
  private readonly state: BotStateAccessors;
  private readonly feedback: FeedbackStore;
  private readonly tickets: TicketService;
  private readonly metrics: Metrics | undefined;
  private readonly review: ReviewCapture | undefined;

  constructor({ state, feedback, tickets, metrics, review }: MainDialogDependencies) {
    super(DIALOG_IDS.main, { state, tickets: tickets.store, ...(review ? { review } : {}) });
    this.review = review;
    this.state = state;
    this.feedback = feedback;
    this.tickets = tickets;
    this.metrics = metrics;
    this.addDialog(
      new WaterfallDialog(DIALOG_IDS.mainFlow, [this.routeStep.bind(this), this.afterTopicStep.bind(this)]),
    );
    for (const topic of TOPICS) this.addDialog(new TopicDialog(topic, state));
    this.addDialog(new HandoffDialog(state, tickets));
    this.initialDialogId = DIALOG_IDS.mainFlow;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const turn = turnOf(step.context);
    const { input, lang } = turn;
    const interruption = interruptionOf(turn);
    if (input.kind === 'text' && input.command?.kind === 'triage_here') return this.triageHere(step, lang);
    if (interruption?.kind === 'handoff') return step.beginDialog(DIALOG_IDS.handoff);
    if (interruption) {
      await handleInterruption(step.context, interruption, lang, this.deps);
      return step.endDialog();
    }
    switch (input.kind) {
      case 'empty':
        return step.endDialog();
      case 'too_long':
        await sendString(step.context, lang, 'conversation.too_long', {
          length: input.length,
          limit: MAX_MESSAGE_CHARS,
        });
        return step.endDialog();
      case 'invalid_submit':
        await sendString(step.context, lang, 'conversation.invalid_submit');
        await sendView(step.context, helpView(lang));
        return step.endDialog();
      case 'submit':
        return this.routeSubmit(step, input.submit, lang);
      case 'text': {
        const { classification } = input;
        if (turn.reading?.kind === 'follow_up') return this.followUp(step, turn.reading);
        await rememberFacts(step.context, this.state, classification.entities);
        await this.rememberQuestion(step, input.text, classification);
        if (input.parts) return this.answerEach(step, input.parts);
        const detail = await this.detailOnTopic(step, input.text, classification, lang);
        if (detail) return detail;
        return this.routeIntent(step, requestTopicForProduct(classification), lang, classification);
      }
    }
  }

  /**
   * The current topic again for the case a follow-up names. A statement about the partner ("we're silver")
   * updates what is remembered; a hypothetical ("what about gold?") answers for that case and only fills a
   * fact the partner has not given, never replacing one.
   */
  private async followUp(
    step: WaterfallStepContext,
    reading: Extract<Reading, { kind: 'follow_up' }>,
  ): Promise<DialogTurnResult> {
    const { facts: own } = await this.state.profile.get(step.context, { facts: {} });
    const unknown = Object.fromEntries(Object.entries(reading.facts).filter(([fact]) => !(fact in own)));
    await rememberFacts(step.context, this.state, reading.hypothetical ? unknown : reading.facts);
    const { context: inPlay } = await this.state.conversation.get(step.context, { misses: 0 });
    await this.setMisses(step, 0);
    noteOutcome(step.context, 'answered', reading.topic);
    const options: TopicOptions = {
      assume: { ...(inPlay?.topic === reading.topic ? inPlay.facts : {}), ...reading.facts },
    };
    return step.beginDialog(DIALOG_IDS.topic(reading.topic), options);
  }

  /**
   * A detail question on the current topic ("which link is it?", "where do I see the IDs then?"), that the
   * classifier places on no topic with confidence: the topic's answer again, led by the sentences that answer
   * it (the topic's section first, then the whole article). Undefined when it is not one.
   */
  private async detailOnTopic(
    step: WaterfallStepContext,
    text: string,
    classification: Classification,
    lang: Lang,
  ): Promise<DialogTurnResult | undefined> {
    const { context: inPlay } = await this.state.conversation.get(step.context, { misses: 0 });
    if (!inPlay || isSurelyNew(classification)) return undefined;
    const detail = articleRetriever().retrieve(text, lang, { topic: inPlay.topic });
    if (!detail.length) return undefined;
    await this.setMisses(step, 0);
    noteOutcome(step.context, 'answered', inPlay.topic);
    const options: TopicOptions = { assume: inPlay.facts, detail };
    return step.beginDialog(DIALOG_IDS.topic(inPlay.topic), options);
  }

  /**
   * A message that asks two or three things: each answered in order, one card per question. A question whose
   * answer needs a fact the partner has not given comes last, as its topic's dialog asking for it.
   */
  private async answerEach(step: WaterfallStepContext, parts: QuestionPart[]): Promise<DialogTurnResult> {
    await this.setMisses(step, 0);
    const { facts } = await this.state.profile.get(step.context, { facts: {} });
    const topics = parts.map((part) => ({ part, topic: requestTopicForProduct(part.classification) as Topic }));
    noteOutcome(step.context, 'answered', topics[0]?.topic);
    const asking = topics.find(({ part, topic }) => decide(topic, { ...facts, ...part.classification.entities }).ask);
    for (const { part, topic } of topics) {
      if (topic !== asking?.topic)
        await sendTopicDecision(step.context, this.state, topic, {
          assume: part.classification.entities,
          question: part,
        });
    }
    return asking ? step.beginDialog(DIALOG_IDS.topic(asking.topic)) : step.endDialog();
  }

  /** "triage here" in a Teams channel makes it the support team's triage channel (a channel of the triage team only). */
  private async triageHere(step: WaterfallStepContext, lang: Lang): Promise<DialogTurnResult> {
    const { activity } = step.context;
    if (activity.conversation.conversationType !== 'channel') {
      await sendString(step.context, lang, 'triage.only_in_channel');
      return step.endDialog();
    }
    const reference = TurnContext.getConversationReference(activity);
    // Teams' channel data, or null/absent from another client (botbuilder's teamsGetChannelId throws on null).
    const channelData = activity.channelData as TeamsChannelData | null | undefined;
    // Post to the channel itself, not into the thread the command was said in.
    const channelId = channelData?.channel?.id;
    const conversation = { ...activity.conversation, ...(channelId ? { id: channelId } : {}) };
    const teamId = channelData?.team?.id;
    const set = await this.tickets.setTriageChannel({
      reference: { ...reference, conversation },
      lang,
      ...(teamId ? { teamId } : {}),
    });
    await sendString(step.context, lang, set ? 'triage.set' : 'triage.other_team');
    return step.endDialog();
  }

  /** A topic dialog that handed its message back: route that message as a new question. */
  private async afterTopicStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as TopicResult | undefined;
    if (result?.reroute) return step.replaceDialog(DIALOG_IDS.mainFlow);
    return step.endDialog();
  }

  private async routeSubmit(step: WaterfallStepContext, submit: CardSubmit, lang: Lang): Promise<DialogTurnResult> {
    const { context } = step;
    switch (submit.action) {
      case CARD_ACTIONS.ask:
        return this.routeIntent(step, submit.intent, lang);
      case CARD_ACTIONS.fact:
        await rememberFacts(context, this.state, { [submit.fact]: submit.value });
        return isTopic(submit.intent) ? step.beginDialog(DIALOG_IDS.topic(submit.intent)) : step.endDialog();
      case CARD_ACTIONS.feedback: {
        noteOutcome(context, submit.helpful ? 'helpful' : 'not_helpful', submit.intent);
        const question = await this.questionAbout(step, submit.intent);
        const reviewItemId =
          !submit.helpful && question
            ? await this.review?.keep(context, { reason: 'feedback_no', lang, ...question })
            : undefined;
        await this.feedback.record({
          intent: submit.intent,
          lang,
          helpful: submit.helpful,
          channelId: context.activity.channelId,
          ...(question ? { question: question.text } : {}),
          ...(reviewItemId ? { reviewItemId } : {}),
        });
        await sendView(context, feedbackView(submit.helpful, submit.intent, lang));
        return step.endDialog();
      }
      case CARD_ACTIONS.feedbackComment:
        await this.feedback.record({
          intent: submit.intent,
          lang,
          comment: submit.comment,
          channelId: context.activity.channelId,
        });
        await sendString(context, lang, 'feedback.thanks');
        return step.endDialog();
      case CARD_ACTIONS.handoffSummary:
      case CARD_ACTIONS.handoffConsent:
        // A hand-off button with no hand-off waiting: a redelivery of the click that opened a ticket is
        // answered already; any other is a button from an older card.
        if (!(await this.tickets.store.findBySource(sourceActivityId(context.activity)))) {
          await sendString(context, lang, 'conversation.invalid_submit');
          await sendView(context, helpView(lang));
        }
        return step.endDialog();
      default:
        return step.endDialog();
    }
  }

  private async routeIntent(
    step: WaterfallStepContext,
    intent: Intent,
    lang: Lang,
    classification?: Classification,
  ): Promise<DialogTurnResult> {
    const { context } = step;
    if (isTopic(intent)) {
      await this.setMisses(step, 0);
      // A question typed (a click on "did you mean" answers the question counted before it).
      if (classification) noteOutcome(context, 'answered', intent);
      return step.beginDialog(DIALOG_IDS.topic(intent));
    }
    switch (intent) {
      case 'greeting':
        await this.setMisses(step, 0);
        await sendView(context, welcomeView(lang));
        break;
      case 'help':
        await sendView(context, helpView(lang));
        break;
      case 'human_handoff':
        return step.beginDialog(DIALOG_IDS.handoff);
      case 'out_of_scope':
        if (await this.answerFromArticle(step, lang)) break;
        await this.miss(step, lang, classification);
        break;
    }
    return step.endDialog();
  }

  /** A question no topic names but the article answers: its sentences with an honest lead-in. False when none passes the threshold. */
  private async answerFromArticle(step: WaterfallStepContext, lang: Lang): Promise<boolean> {
    const { input } = turnOf(step.context);
    if (input.kind !== 'text') return false;
    const retrieved = outOfScopeSegments(articleRetriever(), input.text, input.classification);
    if (!retrieved.length) return false;
    await this.setMisses(step, 0);
    noteOutcome(step.context, 'answered');
    await sendView(step.context, articleAnswerView(retrieved, lang));
    return true;
  }

  /** A question the bot cannot answer: "did you mean", the out-of-scope answer, or after two, a person. */
  private async miss(step: WaterfallStepContext, lang: Lang, classification?: Classification): Promise<void> {
    const { context } = step;
    const { misses } = await this.state.conversation.get(context, { misses: 0 });
    const candidates = classification?.by === 'rejected' ? clarifyCandidates(classification) : [];
    noteOutcome(context, candidates.length && misses + 1 < MISSES_BEFORE_PERSON ? 'clarify' : 'rejected');
    if (misses + 1 >= MISSES_BEFORE_PERSON) {
      await this.setMisses(step, 0);
      await this.keepMissed(step, 'rejected', lang);
      await sendView(context, handoffOfferView(lang, true));
      return;
    }
    await this.setMisses(step, misses + 1);
    await this.keepMissed(step, candidates.length ? 'clarify' : 'rejected', lang);
    this.metrics?.fallbacks.inc({ kind: candidates.length ? 'clarify' : 'out_of_scope' });
    await sendView(context, candidates.length ? clarifyView(candidates, lang) : fallbackView(lang));
  }

  /** The typed question of this turn, kept for review (a miss from a button has no words to keep). */
  private async keepMissed(step: WaterfallStepContext, reason: 'rejected' | 'clarify', lang: Lang): Promise<void> {
    const { input } = turnOf(step.context);
    if (input.kind !== 'text' || !this.review) return;
    const { classification } = input;
    const intents = [
      { intent: classification.intent, confidence: classification.confidence },
      ...classification.alternatives,
    ];
    await this.review.keep(step.context, { reason, lang, text: input.text, intents });
  }

  /**
   * The question a "Was this helpful?" click is about: the conversation's last question (redacted when it was
   * kept), when the answered intent is among its top intents; undefined when it cannot be told.
   */
  private async questionAbout(
    step: WaterfallStepContext,
    intent: Intent,
  ): Promise<{ text: string; intents: { intent: Intent; confidence: number }[] } | undefined> {
    const { lastQuestion } = await this.state.conversation.get(step.context, { misses: 0 });
    return lastQuestion?.intents.some((i) => i.intent === intent) ? lastQuestion : undefined;
  }

  private async setMisses(step: WaterfallStepContext, misses: number): Promise<void> {
    const conversation = await this.state.conversation.get(step.context, { misses: 0 });
    await this.state.conversation.set(step.context, { ...conversation, misses });
  }

  /** Keeps the question (redacted) and its top intents: a hand-off may use them for its ticket. */
  private async rememberQuestion(
    step: WaterfallStepContext,
    text: string,
    classification: Classification,
  ): Promise<void> {
    if (
      classification.intent === 'greeting' ||
      classification.intent === 'help' ||
      classification.intent === 'human_handoff'
    )
      return;
    const conversation = await this.state.conversation.get(step.context, { misses: 0 });
    const intents = [
      { intent: classification.intent, confidence: classification.confidence },
      ...classification.alternatives,
    ].slice(0, 3);
    await this.state.conversation.set(step.context, {
      ...conversation,
      lastQuestion: { text: redact(text).slice(0, 300), intents },
    });
  }
}

/**
 * A support request names its product more surely than the model tells the two request topics apart: "an
 * Office 365 case" is a cloud request whatever the wording around it.
 */
function requestTopicForProduct({ intent, entities }: Classification): Intent {
  if (intent !== 'onprem_support_request' && intent !== 'cloud_support_request') return intent;
  if (entities.productKind === 'cloud') return 'cloud_support_request';
  if (entities.productKind === 'on_premises') return 'onprem_support_request';
  return intent;
}

/** A question the classifier puts on a topic with confidence: a new question, not a detail of the last one. */
function isSurelyNew({ intent, confidence, by }: Classification): boolean {
  return isTopic(intent) && by !== 'rejected' && confidence >= DETAIL_MAX_CONFIDENCE;
}

/** The in-scope runners-up of a rejected question, best first. */
function clarifyCandidates(classification: Classification): SuggestedIntent[] {
  return classification.alternatives
    .filter((a) => a.confidence >= CLARIFY_MIN_CONFIDENCE && (isTopic(a.intent) || a.intent === 'human_handoff'))
    .slice(0, CLARIFY_CANDIDATES)
    .map((a) => a.intent as SuggestedIntent);
}
