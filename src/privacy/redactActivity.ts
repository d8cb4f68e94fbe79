/**
 * A user's activity as it may be kept: its text and every string of its card-submit value redacted. Direct Line
 * stores the conversation's activities (the transcript the widget reads back), so what it stores is this.
 */
import { redact } from './redact';

const MAX_DEPTH = 8;

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, depth + 1)]));
}

export function redactActivity<T extends { text?: string; value?: unknown }>(activity: T): T {
  return {
    ...activity,
    ...(typeof activity.text === 'string' ? { text: redact(activity.text) } : {}),
    ...(activity.value !== undefined ? { value: redactValue(activity.value, 0) } : {}),
  };
}
