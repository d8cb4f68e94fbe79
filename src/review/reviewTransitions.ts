/** The review item's changes, shared by every store: labelled (any number of times until applied), applied, listed. */
import { randomUUID } from 'node:crypto';
import { redact } from '../privacy/redact';
import type { ApplyOutcome, NewReviewItem, ReviewFilter, ReviewItem, ReviewLabel } from './reviewItem';
import { ReviewAppliedError, ReviewConflictError } from './reviewStore';

/** The longest reviewer name kept. */
const MAX_REVIEWER = 80;

export function newItem(input: NewReviewItem, now = new Date()): ReviewItem {
  return { ...input, id: randomUUID(), createdAt: now.toISOString(), status: 'open', version: 1 };
}

/** @throws ReviewConflictError when `readVersion` is not the item's; ReviewAppliedError when it is applied */
export function labelled(
  item: ReviewItem,
  label: ReviewLabel,
  by: string,
  readVersion: number,
  now = new Date(),
): ReviewItem {
  if (item.version !== readVersion) throw new ReviewConflictError(item.id);
  if (item.status === 'applied') throw new ReviewAppliedError(item.id);
  return {
    ...item,
    status: 'labelled',
    label,
    labelledBy: redact(by).slice(0, MAX_REVIEWER),
    labelledAt: now.toISOString(),
    version: item.version + 1,
  };
}

export function applied(item: ReviewItem, outcome: ApplyOutcome, now = new Date()): ReviewItem {
  return { ...item, status: 'applied', applied: { at: now.toISOString(), outcome }, version: item.version + 1 };
}

/** The items a filter keeps, newest first, at most `limit`. */
export function listedItems(items: Iterable<ReviewItem>, filter: ReviewFilter): ReviewItem[] {
  return [...items]
    .filter((item) => matchesFilter(item, filter))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .slice(0, filter.limit ?? Infinity);
}

export function matchesFilter(item: ReviewItem, filter: ReviewFilter): boolean {
  if (filter.lang && item.lang !== filter.lang) return false;
  if (filter.reason && item.reason !== filter.reason) return false;
  if (filter.status && item.status !== filter.status) return false;
  if (filter.from && item.createdAt < startOfDay(filter.from)) return false;
  if (filter.to && item.createdAt > endOfDay(filter.to)) return false;
  return true;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A bare date covers its whole UTC day. */
export const startOfDay = (date: string): string =>
  DAY.test(date) ? `${date}T00:00:00.000Z` : new Date(date).toISOString();
export const endOfDay = (date: string): string =>
  DAY.test(date) ? `${date}T23:59:59.999Z` : new Date(date).toISOString();
