/**
 * The last lines of a conversation, kept redacted in conversation state for a ticket's excerpt: what the user
 * wrote (or clicked) and the first line of what the bot answered.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { redact } from '../privacy/redact';
import type { TranscriptLine } from '../tickets/ticket';
import type { BotStateAccessors } from './botState';

export const TRANSCRIPT_LINES = 12;
const MAX_LINE_LENGTH = 500;

/** Runs of white space, control characters and lone surrogates: one space in a line (JSON would write each control character or lone surrogate as six bytes). */
const BLANKS = /[\s\p{Cc}\p{Cs}]+/gu;

export function transcriptLine(from: TranscriptLine['from'], text: string): TranscriptLine {
  return {
    from,
    text: redact(text.replace(BLANKS, ' ').trim()).slice(0, MAX_LINE_LENGTH),
    at: new Date().toISOString(),
  };
}

/** What a sent activity says in one line: its text, or its card's summary. */
function lineOf(activity: Partial<Activity>): string | undefined {
  return activity.text || activity.summary || undefined;
}

/** Records the user's message now and the bot's replies as they are sent. */
export async function recordTurn(context: TurnContext, state: BotStateAccessors): Promise<void> {
  const { activity } = context;
  const action = (activity.value as { action?: unknown } | undefined)?.action;
  // The verb of the button clicked; a value's `action` is the client's data, not always a string.
  const said = activity.text?.trim() || (activity.value ? `[${typeof action === 'string' ? action : 'card'}]` : '');
  if (said) await append(context, state, [transcriptLine('user', said)]);
  context.onSendActivities(async (ctx, activities, next) => {
    const lines = activities.flatMap((a) => {
      const line = lineOf(a);
      return a.type === 'message' && line ? [transcriptLine('bot', line)] : [];
    });
    if (lines.length) await append(ctx, state, lines);
    return next();
  });
}

async function append(context: TurnContext, state: BotStateAccessors, lines: TranscriptLine[]): Promise<void> {
  const transcript = await state.transcript.get(context, []);
  await state.transcript.set(context, [...transcript, ...lines].slice(-TRANSCRIPT_LINES));
}
