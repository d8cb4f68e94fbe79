/** Review items in process memory (`STORAGE_URL=memory:`). */
import type {
  ApplyOutcome,
  NewReviewItem,
  ReviewFilter,
  ReviewItem,
  ReviewLabel,
  StoredContinuation,
} from './reviewItem';
import { ReviewNotFoundError, type ReviewStore } from './reviewStore';
import { applied, labelled, listedItems, newItem } from './reviewTransitions';

export class MemoryReviewStore implements ReviewStore {
  private readonly items = new Map<string, ReviewItem>();

  async add(input: NewReviewItem): Promise<ReviewItem> {
    const item = newItem(input);
    this.items.set(item.id, item);
    return item;
  }

  async get(id: string): Promise<ReviewItem | undefined> {
    return this.items.get(id);
  }

  async list(filter: ReviewFilter = {}): Promise<ReviewItem[]> {
    return listedItems(this.items.values(), filter);
  }

  async setContinuation(id: string, continuation: StoredContinuation): Promise<boolean> {
    const item = this.items.get(id);
    if (!item || item.continuation) return false;
    this.items.set(id, { ...item, continuation });
    return true;
  }

  async label(id: string, label: ReviewLabel, by: string, readVersion: number): Promise<ReviewItem> {
    const item = this.items.get(id);
    if (!item) throw new ReviewNotFoundError(id);
    const next = labelled(item, label, by, readVersion);
    this.items.set(id, next);
    return next;
  }

  async markApplied(results: readonly { id: string; outcome: ApplyOutcome }[]): Promise<number> {
    let count = 0;
    for (const { id, outcome } of results) {
      const item = this.items.get(id);
      if (item?.status !== 'labelled') continue;
      this.items.set(id, applied(item, outcome));
      count++;
    }
    return count;
  }

  async deleteByRequester(requesterKey: string): Promise<number> {
    return this.deleteWhere((item) => item.requesterKey === requesterKey);
  }

  async deleteCreatedBefore(date: Date): Promise<number> {
    const before = date.toISOString();
    return this.deleteWhere((item) => item.createdAt < before);
  }

  async close(): Promise<void> {}

  private deleteWhere(test: (item: ReviewItem) => boolean): number {
    const gone = [...this.items.values()].filter(test);
    for (const item of gone) this.items.delete(item.id);
    return gone.length;
  }
}
