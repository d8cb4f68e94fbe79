/** Review items in the embedded SQLite database (table `review_items`, migration 20). */
import type { SqliteDatabase } from '../storage/sqliteDatabase';
import type {
  ApplyOutcome,
  NewReviewItem,
  ReviewFilter,
  ReviewItem,
  ReviewLabel,
  StoredContinuation,
} from './reviewItem';
import { ReviewConflictError, ReviewNotFoundError, type ReviewStore } from './reviewStore';
import { applied, labelled, listedItems, newItem } from './reviewTransitions';

interface Row {
  data: string;
}

export class SqliteReviewStore implements ReviewStore {
  constructor(private readonly db: SqliteDatabase) {}

  async add(input: NewReviewItem): Promise<ReviewItem> {
    const item = newItem(input);
    this.db
      .prepare('INSERT INTO review_items (id, created_at, requester_key, data, version) VALUES (?, ?, ?, ?, ?)')
      .run(item.id, item.createdAt, item.requesterKey, JSON.stringify(item), item.version);
    return item;
  }

  async get(id: string): Promise<ReviewItem | undefined> {
    return this.read(id);
  }

  async list(filter: ReviewFilter = {}): Promise<ReviewItem[]> {
    const rows = this.db.prepare<[], Row>('SELECT data FROM review_items').all();
    return listedItems(
      rows.map((row) => JSON.parse(row.data) as ReviewItem),
      filter,
    );
  }

  async setContinuation(id: string, continuation: StoredContinuation): Promise<boolean> {
    return this.db.transaction(() => {
      const item = this.read(id);
      if (!item || item.continuation) return false;
      this.write({ ...item, continuation }, item.version);
      return true;
    })();
  }

  async label(id: string, label: ReviewLabel, by: string, readVersion: number): Promise<ReviewItem> {
    return this.db.transaction(() => {
      const item = this.read(id);
      if (!item) throw new ReviewNotFoundError(id);
      const next = labelled(item, label, by, readVersion);
      if (!this.write(next, item.version)) throw new ReviewConflictError(id);
      return next;
    })();
  }

  async markApplied(results: readonly { id: string; outcome: ApplyOutcome }[]): Promise<number> {
    return this.db.transaction(() => {
      let count = 0;
      for (const { id, outcome } of results) {
        const item = this.read(id);
        if (item?.status === 'labelled' && this.write(applied(item, outcome), item.version)) count++;
      }
      return count;
    })();
  }

  async deleteByRequester(requesterKey: string): Promise<number> {
    return this.db.prepare('DELETE FROM review_items WHERE requester_key = ?').run(requesterKey).changes;
  }

  async deleteCreatedBefore(date: Date): Promise<number> {
    return this.db.prepare('DELETE FROM review_items WHERE created_at < ?').run(date.toISOString()).changes;
  }

  async close(): Promise<void> {}

  private read(id: string): ReviewItem | undefined {
    const row = this.db.prepare<[string], Row>('SELECT data FROM review_items WHERE id = ?').get(id);
    return row ? (JSON.parse(row.data) as ReviewItem) : undefined;
  }

  /** Writes the item over the version it was read at; false when another writer changed it meanwhile. */
  private write(item: ReviewItem, readVersion: number): boolean {
    const { changes } = this.db
      .prepare('UPDATE review_items SET data = ?, version = ? WHERE id = ? AND version = ?')
      .run(JSON.stringify(item), item.version, item.id, readVersion);
    return changes === 1;
  }
}
