/**
 * What every ReviewStore must do, run against each one (memory, SQLite, PostgreSQL): keep an item as given,
 * list newest first with the API's filters, keep the first continuation, label on the version read (a second
 * reviewer's label on the old version is refused and changes nothing), mark applied, "forget me" and retention.
 * Where the backend can open a second handle on the same data (another instance), the race runs across the two.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NewReviewItem } from '../../src/review/reviewItem';
import type { OpenedStorage } from '../../src/storage/openStorage';
import {
  ReviewAppliedError,
  ReviewConflictError,
  ReviewNotFoundError,
  type ReviewStore,
} from '../../src/review/reviewStore';

/** A review store and the close() of the connection it was opened on (an OpenedStorage is one). */
export type OpenedReviews = Pick<OpenedStorage, 'reviews' | 'close'>;

export interface ReviewStoreBackend {
  name: string;
  /** A store holding no items; called before each test. */
  open(): Promise<OpenedReviews>;
  openAnother?(): Promise<OpenedReviews>;
}

export const QUESTION: NewReviewItem = {
  reason: 'rejected',
  lang: 'en',
  channel: 'directline',
  text: 'how do i get azure credits for my startup',
  intents: [
    { intent: 'out_of_scope', confidence: 0.62 },
    { intent: 'activate_benefits', confidence: 0.21 },
    { intent: 'remaining_incidents', confidence: 0.09 },
  ],
  requesterKey: 'key-ana',
};

export function describeReviewStoreConformance(backend: ReviewStoreBackend): void {
  describe(`${backend.name} review store conformance`, () => {
    let store: ReviewStore;
    const opened: OpenedReviews[] = [];
    beforeEach(async () => {
      const handle = await backend.open();
      opened.push(handle);
      store = handle.reviews;
    });
    afterEach(async () => {
      vi.useRealTimers();
      for (const handle of opened.splice(0)) await handle.close();
    });
    const another = async (): Promise<ReviewStore> => {
      if (!backend.openAnother) return store;
      const handle = await backend.openAnother();
      opened.push(handle);
      return handle.reviews;
    };
    const at = async (time: string, fields: Partial<NewReviewItem> = {}) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(time));
      const item = await store.add({ ...QUESTION, ...fields });
      vi.useRealTimers();
      return item;
    };

    it('keeps an item as given, open, at version 1, with its time and an id of its own', async () => {
      const first = await at('2026-11-02T10:00:00.000Z');
      const second = await store.add(QUESTION);
      expect(first).toEqual({
        ...QUESTION,
        id: expect.any(String),
        createdAt: '2026-11-02T10:00:00.000Z',
        status: 'open',
        version: 1,
      });
      expect(second.id).not.toBe(first.id);
      expect(await store.get(first.id)).toEqual(first);
      expect(await store.get('no-such-item')).toBeUndefined();
    });

    it('lists newest first, filtered by language, reason, status and dates (a bare date is its whole day), at most limit', async () => {
      const old = await at('2026-11-01T08:00:00.000Z', { lang: 'fr' });
      const mid = await at('2026-11-02T23:30:00.000Z', { reason: 'clarify' });
      const late = await at('2026-11-03T09:00:00.000Z', { reason: 'feedback_no', lang: 'ru' });
      const ids = async (filter: Parameters<ReviewStore['list']>[0]) => (await store.list(filter)).map((i) => i.id);
      expect(await ids({})).toEqual([late.id, mid.id, old.id]);
      expect(await ids({ lang: 'fr' })).toEqual([old.id]);
      expect(await ids({ reason: 'clarify' })).toEqual([mid.id]);
      expect(await ids({ from: '2026-11-02', to: '2026-11-02' })).toEqual([mid.id]);
      expect(await ids({ from: '2026-11-02T00:00:00Z' })).toEqual([late.id, mid.id]);
      expect(await ids({ limit: 2 })).toEqual([late.id, mid.id]);
      await store.label(old.id, { kind: 'noise' }, 'Ana', 1);
      expect(await ids({ status: 'labelled' })).toEqual([old.id]);
      expect(await ids({ status: 'open' })).toEqual([late.id, mid.id]);
    });

    it('keeps the first continuation only', async () => {
      const item = await store.add(QUESTION);
      expect(await store.setContinuation(item.id, 'rephrased')).toBe(true);
      expect(await store.setContinuation(item.id, 'handed_off')).toBe(false);
      expect(await store.setContinuation('no-such-item', 'handed_off')).toBe(false);
      expect((await store.get(item.id))?.continuation).toBe('rephrased');
    });

    it('labels an item on the version read, and refuses a second label on the same old version', async () => {
      const item = await store.add(QUESTION);
      const other = await another();
      const labelled = await store.label(item.id, { kind: 'intent', intent: 'activate_benefits' }, 'Ana Agent', 1);
      expect(labelled).toMatchObject({
        status: 'labelled',
        label: { kind: 'intent', intent: 'activate_benefits' },
        labelledBy: 'Ana Agent',
        version: 2,
      });
      await expect(other.label(item.id, { kind: 'noise' }, 'Bruno', 1)).rejects.toBeInstanceOf(ReviewConflictError);
      expect(await other.get(item.id)).toEqual(labelled);
      // Read again, the second reviewer may change it.
      expect((await other.label(item.id, { kind: 'out_of_scope' }, 'Bruno', 2)).label).toEqual({
        kind: 'out_of_scope',
      });
      await expect(store.label('no-such-item', { kind: 'noise' }, 'Ana', 1)).rejects.toBeInstanceOf(
        ReviewNotFoundError,
      );
    });

    it('two labels racing on one version: one wins, the other is refused', async () => {
      const item = await store.add(QUESTION);
      const other = await another();
      const results = await Promise.allSettled([
        store.label(item.id, { kind: 'noise' }, 'Ana', 1),
        other.label(item.id, { kind: 'out_of_scope' }, 'Bruno', 1),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(ReviewConflictError);
      expect((await store.get(item.id))?.version).toBe(2);
    });

    it('marks labelled items applied (open ones are left), after which a label is refused', async () => {
      const open = await store.add(QUESTION);
      const done = await store.add(QUESTION);
      await store.label(done.id, { kind: 'intent', intent: 'activate_benefits' }, 'Ana', 1);
      const results = [open.id, done.id, 'no-such-item'].map((id) => ({ id, outcome: 'written' as const }));
      expect(await store.markApplied(results)).toBe(1);
      const applied = await store.get(done.id);
      expect(applied).toMatchObject({
        status: 'applied',
        applied: { at: expect.any(String), outcome: 'written' },
        version: 3,
      });
      expect((await store.get(open.id))?.status).toBe('open');
      await expect(store.label(done.id, { kind: 'noise' }, 'Ana', 3)).rejects.toBeInstanceOf(ReviewAppliedError);
    });

    it('"forget me" deletes the requester\'s items only', async () => {
      await store.add(QUESTION);
      await store.add(QUESTION);
      const bruno = await store.add({ ...QUESTION, requesterKey: 'key-bruno' });
      expect(await store.deleteByRequester('key-ana')).toBe(2);
      expect((await store.list()).map((i) => i.id)).toEqual([bruno.id]);
    });

    it('retention deletes the items created before the date', async () => {
      await at('2026-01-01T00:00:00.000Z');
      const kept = await at('2026-06-01T00:00:00.000Z');
      expect(await store.deleteCreatedBefore(new Date('2026-03-01T00:00:00.000Z'))).toBe(1);
      expect((await store.list()).map((i) => i.id)).toEqual([kept.id]);
    });
  });
}
