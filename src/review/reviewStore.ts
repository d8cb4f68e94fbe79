/** Where review items live: one interface, with memory, SQLite and PostgreSQL behind it (as tickets). */
import type {
  ApplyOutcome,
  NewReviewItem,
  ReviewFilter,
  ReviewItem,
  ReviewLabel,
  StoredContinuation,
} from './reviewItem';

export class ReviewConflictError extends Error {
  constructor(readonly id: string) {
    super(`review item ${id} changed since it was read`);
    this.name = 'ReviewConflictError';
  }
}

export class ReviewNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`no review item ${id}`);
    this.name = 'ReviewNotFoundError';
  }
}

export class ReviewAppliedError extends Error {
  constructor(readonly id: string) {
    super(`review item ${id} is in the training data already`);
    this.name = 'ReviewAppliedError';
  }
}

export interface ReviewStore {
  /** Keeps a missed question (its text already redacted by the caller: see ReviewRecorder). */
  add(item: NewReviewItem): Promise<ReviewItem>;
  get(id: string): Promise<ReviewItem | undefined>;
  /** Newest first, filtered; at most `limit`. */
  list(filter?: ReviewFilter): Promise<ReviewItem[]>;
  /** Records how the conversation went on; the first continuation stays (false when there was one already or no item). */
  setContinuation(id: string, continuation: StoredContinuation): Promise<boolean>;
  /**
   * A reviewer's decision, on the version the reviewer read.
   * @throws ReviewConflictError when the item changed since (another reviewer); ReviewNotFoundError when it is gone;
   *   ReviewAppliedError when it was written into the training data already
   */
  label(id: string, label: ReviewLabel, by: string, readVersion: number): Promise<ReviewItem>;
  /** What apply did with labelled items: status applied (a later label cannot undo it); returns how many changed. */
  markApplied(results: readonly { id: string; outcome: ApplyOutcome }[]): Promise<number>;
  /** "Forget my details": deletes the requester's items; returns how many. */
  deleteByRequester(requesterKey: string): Promise<number>;
  /** Retention (TICKET_RETENTION_DAYS, as tickets): deletes items created before the date; returns how many. */
  deleteCreatedBefore(date: Date): Promise<number>;
  close(): Promise<void>;
}
