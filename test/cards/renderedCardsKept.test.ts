/**
 * renderCard keeps the cards it rendered: the same kind and data give the same card, as a fresh object each time
 * (a caller that changes its card changes no later one), and different data never gets a kept card.
 */
import { describe, expect, it } from 'vitest';
import { renderView } from '../../cards/renderCard';
import { sampleViews } from '../../tools/gallery/sampleViews';

describe('renderCard, rendering a card again', () => {
  const views = sampleViews().map((sample) => sample.view);

  it('gives an equal card, as a new object that nothing else holds', () => {
    for (const view of views) {
      const first = renderView(view);
      const again = renderView(view);
      expect(again).toEqual(first);
      expect(again).not.toBe(first);
      (first.body as unknown[]).length = 0;
      expect(renderView(view)).toEqual(again);
    }
  });

  it('gives each distinct data its own card', () => {
    const cards = views.map((view) => JSON.stringify(renderView(view)));
    const distinctViews = new Set(views.map((view) => JSON.stringify(view)));
    expect(new Set(cards).size).toBe(distinctViews.size);
  });
});
