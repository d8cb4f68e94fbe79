/**
 * The bot in Teams and every other Bot Framework channel: welcomes new members, answers messages through the
 * main dialog (in channels only when @mentioned, the mention removed first); all state is read once at the start
 * of a turn and what changed written once, at its end (TurnState). Turns of one conversation run one at a time (TurnSerializer), so no turn's save overwrites
 * another's.
 */
import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type AppBasedLinkQuery,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import type { Dialog } from '../adapters/botbuilderDialogs';
import { welcomeView } from '../../cards/views/welcomeView';
import { langOfLocale } from '../i18n/locales';
import type { Classifier } from '../nlu/classifier';
import { readInContext } from '../nlu/contextReading';
import { DEFAULT_CONVERSATION_IDLE_MINUTES } from '../config/config';
import { systemClock, type Clock } from '../clock';
import { channelLabel, type Metrics } from '../observability/metrics';
import type { MessageExtension } from '../messageExtension/messageExtension';
import type { TriageActions } from '../tickets/triageActions';
import type { BotStateAccessors } from './botState';
import type { ReviewCapture } from './reviewCapture';
import { beginTurnContext, topicContextOf } from './conversationContext';
import { DialogTurn } from './dialogTurn';
import { invokeContextOf } from './messageExtensionInvoke';
import { recordTurn } from './transcript';
import { sendView } from './send';
import type { TurnOutcomeRecorder } from './turnOutcome';
import { TurnSerializer } from './turnSerializer';
import { setTurn, understandTurn } from './turn';

export interface SupportBotDependencies {
  state: BotStateAccessors;
  classifier: Classifier;
  mainDialog: Dialog;
  triage: TriageActions;
  /** The message extension's searches and link unfurling; absent: Teams' invokes for them get botbuilder's 501. */
  messageExtension?: MessageExtension;
  metrics?: Metrics;
  /** One turn at a time per conversation; default: within this process only (app.ts adds the storage's shared lock). */
  serializer?: Pick<TurnSerializer, 'serialize'>;
  /** Records what came of each turn (the insights); none in tests that do not look. */
  outcomes?: TurnOutcomeRecorder;
  /** The time turns are read by (default: the system's); tests move it to let a conversation stand idle. */
  clock?: Clock;
  /** How long a conversation may stand idle before its context is dropped (default 30 minutes). */
  idleMinutes?: number;
  /** Keeps missed questions for review; each message tells it how the conversation went on after a miss. */
  review?: ReviewCapture;
}

export class SupportBot extends TeamsActivityHandler {
  private readonly serializer: Pick<TurnSerializer, 'serialize'>;
  private readonly dialogTurn: DialogTurn;

  constructor(private readonly deps: SupportBotDependencies) {
    super();
    this.serializer = deps.serializer ?? new TurnSerializer();
    this.dialogTurn = new DialogTurn(deps.mainDialog, deps.state.dialogState);
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
    const stopTimer = this.deps.metrics?.turnLatency.startTimer({ channel: channelLabel(context.activity.channelId) });
    try {
      await this.serializer.serialize(context, async () => {
        await this.deps.state.turn.load(context);
        await super.run(context);
        await this.deps.state.turn.save(context);
      });
    } finally {
      stopTimer?.();
    }
  }

  /** Action.Execute on a ticket card in the triage channel. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return this.deps.triage.handle(context, invokeValue);
  }

  /** "Search the article" and "Find a ticket" in the compose box or the command box. */
  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    if (!this.deps.messageExtension) return super.handleTeamsMessagingExtensionQuery(context, query);
    return this.deps.messageExtension.query(query, invokeContextOf(context.activity));
  }

  /** A link to the article pasted into the compose box: unfurled into that section's card. */
  protected override async handleTeamsAppBasedLinkQuery(
    context: TurnContext,
    query: AppBasedLinkQuery,
  ): Promise<MessagingExtensionResponse> {
    if (!this.deps.messageExtension) return super.handleTeamsAppBasedLinkQuery(context, query);
    return this.deps.messageExtension.queryLink(query, invokeContextOf(context.activity));
  }

  private async answer(context: TurnContext): Promise<void> {
    const { state, classifier } = this.deps;
    // A card submit has no text for a mention to be removed from; without entities there is no mention.
    const { activity } = context;
    if (typeof activity.text === 'string') {
      activity.text = (
        Array.isArray(activity.entities) ? TurnContext.removeRecipientMention(activity) : activity.text
      ).trim();
    }
    await recordTurn(context, state);
    const profile = await state.profile.get(context, { facts: {} });
    const at = (this.deps.clock ?? systemClock).now();
    const understood = understandTurn(context, classifier, profile.lang, at);
    const idleMs = (this.deps.idleMinutes ?? DEFAULT_CONVERSATION_IDLE_MINUTES) * 60_000;
    const inForce = await beginTurnContext(context, state, at, idleMs);
    const { input: said } = understood;
    const reading =
      said.kind === 'text' && !said.command
        ? readInContext(said.text, said.classification, topicContextOf(inForce), understood.lang)
        : undefined;
    // A reply read in context continues the conversation in its language: "e se for Action Pack?" is Portuguese
    // in a Portuguese conversation, whatever its English product name makes the language model think.
    const lang = reading && reading.kind !== 'new' && profile.lang ? profile.lang : understood.lang;
    const turn = reading ? { ...understood, reading, lang } : understood;
    setTurn(context, turn);
    await this.deps.review?.continueFrom(context, turn, at, idleMs);
    const { input } = turn;
    if (input.kind === 'text')
      this.deps.metrics?.turn(context.activity.channelId, input.classification.intent, input.classification.confidence);
    else if (input.kind === 'submit') this.deps.metrics?.turn(context.activity.channelId, 'submit');
    if (turn.input.kind !== 'empty') await state.profile.set(context, { ...profile, lang: turn.lang });
    await this.dialogTurn.run(context);
    await this.deps.outcomes?.record(context);
  }
}

/** In a Teams channel or group chat the bot answers only when it is @mentioned; a card submit is always for it. */
function isAddressedToBot(context: TurnContext): boolean {
  const { activity } = context;
  const type = activity.conversation?.conversationType;
  if (type !== 'channel' && type !== 'groupChat') return true;
  if (activity.value !== undefined && activity.value !== null) return true;
  // A channel may send no entities, or null: no mention then, rather than an error.
  if (!Array.isArray(activity.entities)) return false;
  return TurnContext.getMentions(activity).some((mention) => mention.mentioned?.id === activity.recipient?.id);
}
