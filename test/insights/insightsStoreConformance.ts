/**
 * What every InsightsStore must do, run against each one (memory, SQLite, PostgreSQL): events kept as recorded
 * and read back by period (start inclusive, end exclusive, oldest first), one salt for every handle on the same
 * data even when they make it at once, and retention. Where the backend can open a second handle on the same
 * data (another instance), events written by one are counted by the other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InsightEvent } from '../../src/insights/insightEvent';
import type { InsightsStore } from '../../src/insights/store/insightsStore';
import type { OpenedStorage } from '../../src/storage/openStorage';

/** An insights store and the close() of the connection it was opened on (an OpenedStorage is one). */
export type OpenedInsights = Pick<OpenedStorage, 'insights' | 'close'>;

export interface InsightsStoreBackend {
  name: string;
  /** A store holding no events; called before each test. */
  open(): Promise<OpenedInsights>;
  /** Another handle on the data `open()` last returned, where there is one. */
  openAnother?(): Promise<OpenedInsights>;
}

const event = (at: string, fields: Partial<InsightEvent> = {}): InsightEvent => ({
  at,
  lang: 'en',
  channel: 'msteams',
  conversation: 'c-1',
  outcome: 'answered',
  ...fields,
});

export function describeInsightsStoreConformance(backend: InsightsStoreBackend): void {
  describe(`${backend.name} insights store conformance`, () => {
    let store: InsightsStore;
    const opened: OpenedInsights[] = [];

    beforeEach(async () => {
      const handle = await backend.open();
      opened.push(handle);
      store = handle.insights;
    });
    afterEach(async () => {
      for (const handle of opened.splice(0)) await handle.close();
    });

    it('reads back every field of the events of a period, oldest first, the start inclusive and the end exclusive', async () => {
      await store.record(
        event('2026-11-03T10:00:00.000Z', {
          lang: 'ru',
          channel: 'directline',
          conversation: 'c-2',
          outcome: 'not_helpful',
          intent: 'entitlement',
        }),
      );
      await store.record(event('2026-11-01T00:00:00.000Z', { outcome: 'clarify', intent: 'out_of_scope' }));
      await store.record(event('2026-10-31T23:59:59.999Z'));
      await store.record(event('2026-11-04T00:00:00.000Z', { outcome: 'handoff' }));
      await store.record(event('2026-11-02T12:30:00.000Z', { outcome: 'rejected' }));

      const read = await store.eventsBetween(
        new Date('2026-11-01T00:00:00.000Z'),
        new Date('2026-11-04T00:00:00.000Z'),
      );
      expect(read).toEqual([
        event('2026-11-01T00:00:00.000Z', { outcome: 'clarify', intent: 'out_of_scope' }),
        event('2026-11-02T12:30:00.000Z', { outcome: 'rejected' }),
        event('2026-11-03T10:00:00.000Z', {
          lang: 'ru',
          channel: 'directline',
          conversation: 'c-2',
          outcome: 'not_helpful',
          intent: 'entitlement',
        }),
      ]);
      expect(
        await store.eventsBetween(new Date('2026-12-01T00:00:00.000Z'), new Date('2026-12-31T00:00:00.000Z')),
      ).toEqual([]);
    });

    it('keeps an event without a topic without one', async () => {
      await store.record(event('2026-11-01T08:00:00.000Z', { outcome: 'handoff' }));
      const [read] = await store.eventsBetween(
        new Date('2026-11-01T00:00:00.000Z'),
        new Date('2026-11-02T00:00:00.000Z'),
      );
      expect(read).toEqual(event('2026-11-01T08:00:00.000Z', { outcome: 'handoff' }));
      expect(read).not.toHaveProperty('intent');
    });

    it('gives one salt, again and again: 64 hex characters', async () => {
      const salt = await store.salt();
      expect(salt).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.salt()).toBe(salt);
    });

    it('retention deletes the events before the date and says how many', async () => {
      for (const at of ['2026-01-01T00:00:00.000Z', '2026-01-31T23:59:59.999Z', '2026-02-01T00:00:00.000Z'])
        await store.record(event(at));
      expect(await store.deleteBefore(new Date('2026-02-01T00:00:00.000Z'))).toBe(2);
      expect((await store.eventsBetween(new Date(0), new Date('2027-01-01T00:00:00.000Z'))).map((e) => e.at)).toEqual([
        '2026-02-01T00:00:00.000Z',
      ]);
      expect(await store.deleteBefore(new Date('2026-02-01T00:00:00.000Z'))).toBe(0);
    });

    if (backend.openAnother) {
      const openAnother = backend.openAnother.bind(backend);
      it('another handle (instance) counts the events this one wrote, and makes its keys with the same salt even when both make it at once', async () => {
        const handle = await openAnother();
        opened.push(handle);
        const other = handle.insights;
        const [mine, theirs] = await Promise.all([store.salt(), other.salt()]);
        expect(theirs).toBe(mine);
        await store.record(event('2026-11-01T01:00:00.000Z'));
        await other.record(event('2026-11-01T02:00:00.000Z', { outcome: 'rejected' }));
        const period: [Date, Date] = [new Date('2026-11-01T00:00:00.000Z'), new Date('2026-11-02T00:00:00.000Z')];
        expect(await other.eventsBetween(...period)).toEqual(await store.eventsBetween(...period));
        expect((await store.eventsBetween(...period)).map((e) => e.outcome)).toEqual(['answered', 'rejected']);
      });
    }
  });
}
