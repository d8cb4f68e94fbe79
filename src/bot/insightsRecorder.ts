/**
 * The TurnOutcomeRecorder of the insights: the outcome a turn noted becomes one event in the insights store, with
 * the turn's language, the channel as a closed label, a salted hash for the conversation and the topic. A store
 * that fails is logged and the turn goes on: the partner already has the reply.
 */
import type { TurnContext } from 'botbuilder';
import { conversationKey } from '../insights/conversationKey';
import type { InsightsStore } from '../insights/store/insightsStore';
import type { Logger } from '../log/logger';
import type { Intent } from '../nlu/intents';
import { channelLabel } from '../observability/metrics';
import { turnOf, type TurnInput } from './turn';
import { notedOutcome, type TurnOutcomeRecorder } from './turnOutcome';

export class InsightsRecorder implements TurnOutcomeRecorder {
  private salt?: Promise<string>;

  constructor(
    private readonly store: Pick<InsightsStore, 'record' | 'salt'>,
    private readonly log: Logger,
  ) {}

  async record(context: TurnContext): Promise<void> {
    const noted = notedOutcome(context);
    if (!noted) return;
    const { activity } = context;
    const turn = turnOf(context);
    const intent = noted.intent ?? intentOf(turn.input);
    try {
      const salt = await (this.salt ??= this.store.salt());
      await this.store.record({
        at: new Date(turn.at).toISOString(),
        lang: turn.lang,
        channel: channelLabel(activity.channelId),
        conversation: conversationKey(salt, activity.channelId, activity.conversation?.id ?? ''),
        outcome: noted.outcome,
        ...(intent ? { intent } : {}),
      });
    } catch (error) {
      this.salt = undefined;
      this.log.warn({ err: error, outcome: noted.outcome }, 'insights: the turn outcome could not be recorded');
    }
  }
}

function intentOf(input: TurnInput): Intent | undefined {
  if (input.kind === 'text') return input.classification.intent;
  if (input.kind === 'submit' && 'intent' in input.submit) return input.submit.intent;
  return undefined;
}
