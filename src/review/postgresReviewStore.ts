/**
 * Review items in PostgreSQL (table `review_items`, migration 20), shared by every instance using the database.
 * Filters run in SQL on columns of their own; every change names the version it read, so a label racing with
 * another reviewer's fails with ReviewConflictError instead of overwriting it.
 */
import type { PostgresDatabase } from '../storage/postgresDatabase';
import { postgresJson } from '../storage/postgresJson';
import type {
  ApplyOutcome,
  NewReviewItem,
  ReviewFilter,
  ReviewItem,
  ReviewLabel,
  StoredContinuation,
} from './reviewItem';
import { ReviewConflictError, ReviewNotFoundError, type ReviewStore } from './reviewStore';
import { applied, endOfDay, labelled, newItem, startOfDay } from './reviewTransitions';

interface Row {
  data: string;
}

export class PostgresReviewStore implements ReviewStore {
  /** @param db the bot's database (its pool is shared with the state; closing the store leaves it open) */
  constructor(private readonly db: Pick<PostgresDatabase, 'pool'>) {}

  async add(input: NewReviewItem): Promise<ReviewItem> {
    const item = newItem(input);
    await this.db.pool.query(
      'INSERT INTO review_items (id, created_at, requester_key, lang, reason, status, data, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [
        item.id,
        item.createdAt,
        item.requesterKey,
        item.lang,
        item.reason,
        item.status,
        postgresJson(item),
        item.version,
      ],
    );
    return item;
  }

  async get(id: string): Promise<ReviewItem | undefined> {
    const { rows } = await this.db.pool.query<Row>('SELECT data FROM review_items WHERE id = $1', [id]);
    return rows[0] ? (JSON.parse(rows[0].data) as ReviewItem) : undefined;
  }

  async list(filter: ReviewFilter = {}): Promise<ReviewItem[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.lang) where.push(`lang = ${param(filter.lang)}`);
    if (filter.reason) where.push(`reason = ${param(filter.reason)}`);
    if (filter.status) where.push(`status = ${param(filter.status)}`);
    if (filter.from) where.push(`created_at >= ${param(startOfDay(filter.from))}::timestamptz`);
    if (filter.to) where.push(`created_at <= ${param(endOfDay(filter.to))}::timestamptz`);
    const sql = `SELECT data FROM review_items ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC${
      filter.limit === undefined ? '' : ` LIMIT ${param(filter.limit)}`
    }`;
    const { rows } = await this.db.pool.query<Row>(sql, params);
    return rows.map((row) => JSON.parse(row.data) as ReviewItem);
  }

  async setContinuation(id: string, continuation: StoredContinuation): Promise<boolean> {
    const item = await this.get(id);
    if (!item || item.continuation) return false;
    return this.write({ ...item, continuation }, item.version);
  }

  async label(id: string, label: ReviewLabel, by: string, readVersion: number): Promise<ReviewItem> {
    const item = await this.get(id);
    if (!item) throw new ReviewNotFoundError(id);
    const next = labelled(item, label, by, readVersion);
    if (!(await this.write(next, item.version))) throw new ReviewConflictError(id);
    return next;
  }

  async markApplied(results: readonly { id: string; outcome: ApplyOutcome }[]): Promise<number> {
    let count = 0;
    for (const { id, outcome } of results) {
      const item = await this.get(id);
      if (item?.status === 'labelled' && (await this.write(applied(item, outcome), item.version))) count++;
    }
    return count;
  }

  async deleteByRequester(requesterKey: string): Promise<number> {
    return (
      (await this.db.pool.query('DELETE FROM review_items WHERE requester_key = $1', [requesterKey])).rowCount ?? 0
    );
  }

  async deleteCreatedBefore(date: Date): Promise<number> {
    return (
      (await this.db.pool.query('DELETE FROM review_items WHERE created_at < $1', [date.toISOString()])).rowCount ?? 0
    );
  }

  async close(): Promise<void> {}

  /** Writes the item over the version it was read at; false when another writer changed it meanwhile. */
  private async write(item: ReviewItem, readVersion: number): Promise<boolean> {
    const { rowCount } = await this.db.pool.query(
      'UPDATE review_items SET data = $1, status = $2, version = $3 WHERE id = $4 AND version = $5',
      [postgresJson(item), item.status, item.version, item.id, readVersion],
    );
    return rowCount === 1;
  }
}
