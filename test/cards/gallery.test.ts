/** The card gallery page (tools/gallery/galleryCli.ts): every sample card in every language, and nothing fetched at view time. */
import { describe, expect, it } from 'vitest';
import { galleryHtml, rendererBundle } from '../../tools/gallery/galleryCli';
import { sampleViews } from '../../tools/gallery/sampleViews';

describe('the card gallery', () => {
  const samples = sampleViews();
  /** The page around the renderer: the bundle itself holds CSS strings such as "url(" that load nothing. */
  const page = galleryHtml(samples, '/* renderer */');

  it('has a cell for every sample card in every language', () => {
    expect(page.match(/data-card="\d+"/g)?.length).toBe(samples.length);
    expect(page.match(/<section /g)?.length).toBe(new Set(samples.map((s) => s.name)).size);
  });

  it('loads nothing from the network', () => {
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|@import|url\(/i);
  });

  it('inlines the Adaptive Cards renderer', () => {
    const bundle = rendererBundle();
    expect(bundle).toContain('AdaptiveCards');
    expect(galleryHtml(samples, bundle)).toContain(bundle.slice(0, 2000));
  });
});
