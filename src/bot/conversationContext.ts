/**
 * The conversation's context in conversation state: recorded when the bot answers or asks on a topic, read
 * to understand the next message, and dropped when the conversation stood idle too long (with any dialog
 * waiting for an answer) or on "start over".
 */
import type { TurnContext } from 'botbuilder';
import type { Decision } from '../rules/decision';
import { FACT_VALUES, type PartnerFacts } from '../rules/facts';
import type { TopicContext } from '../nlu/contextReading';
import type { BotStateAccessors, ConversationContext } from './botState';

/**
 * Starts the turn: a conversation idle for `idleMs` or more forgets its context, its pending questions and its
 * misses (the partner's remembered facts and the last question stay). Returns the context still in force.
 */
export async function beginTurnContext(
  context: TurnContext,
  state: BotStateAccessors,
  now: number,
  idleMs: number,
): Promise<ConversationContext | undefined> {
  const conversation = await state.conversation.get(context, { misses: 0 });
  const idle = conversation.activeAt !== undefined && now - conversation.activeAt >= idleMs;
  if (idle) {
    await state.dialogState.delete(context);
    const { lastQuestion } = conversation;
    await state.conversation.set(context, { misses: 0, ...(lastQuestion ? { lastQuestion } : {}), activeAt: now });
    return undefined;
  }
  await state.conversation.set(context, { ...conversation, activeAt: now });
  return conversation.context;
}

/**
 * Records what the bot just sent on a topic: the decision, the facts it rested on, the question it asked, and
 * the segments it showed (the sentences it led with, then the decision's).
 */
export async function recordDecision(
  context: TurnContext,
  state: BotStateAccessors,
  decision: Decision,
  facts: PartnerFacts,
  at: number,
  led: readonly number[] = [],
): Promise<void> {
  const conversation = await state.conversation.get(context, { misses: 0 });
  const asked = decision.ask ? { fact: decision.ask, choices: FACT_VALUES[decision.ask] } : undefined;
  const segments = [...new Set([...led, ...decision.cites])];
  const recorded: ConversationContext = { topic: decision.topic, facts, ...(asked ? { asked } : {}), segments, at };
  await state.conversation.set(context, { ...conversation, context: recorded });
}

/** The question the bot asked is no longer waiting (the message was not its answer, or another topic began). */
export async function dropPendingQuestion(context: TurnContext, state: BotStateAccessors): Promise<void> {
  const conversation = await state.conversation.get(context, { misses: 0 });
  if (!conversation.context?.asked) return;
  const { asked: _asked, ...rest } = conversation.context;
  await state.conversation.set(context, { ...conversation, context: rest });
}

/** The context as the reading of a message needs it. */
export function topicContextOf(context: ConversationContext | undefined): TopicContext | undefined {
  if (!context) return undefined;
  return { topic: context.topic, facts: context.facts, ...(context.asked ? { asked: context.asked.fact } : {}) };
}
