/** A reviewer's decision as a form or JSON gives it: `intent:<intent>`, `out_of_scope` or `noise`. */
import { isIntent } from '../nlu/intents';
import type { ReviewLabel } from './reviewItem';

/** @example parseLabel('intent:entitlement') // { kind: 'intent', intent: 'entitlement' } */
export function parseLabel(value: unknown): ReviewLabel | undefined {
  if (value === 'out_of_scope' || value === 'intent:out_of_scope') return { kind: 'out_of_scope' };
  if (value === 'noise') return { kind: 'noise' };
  if (typeof value !== 'string' || !value.startsWith('intent:')) return undefined;
  const intent = value.slice('intent:'.length);
  return isIntent(intent) ? { kind: 'intent', intent } : undefined;
}

/** A version as a form or JSON gives it: a whole number from 1. */
export function parseVersion(value: unknown): number | undefined {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 1 ? number : undefined;
}
