/** Every portal an answer links is a link the article writes, or an https address where it writes none. */
import { describe, expect, it } from 'vitest';
import { PORTALS } from '../../src/rules/portals';
import { english } from './articleSegments';

const MARKDOWN_LINK = /\]\((https:\/\/[^)\s]+)\)/;

describe('portals', () => {
  it.each(Object.entries(PORTALS))('%s points at a link of the article or an https address', (_, portal) => {
    if ('segment' in portal) expect(english(portal.segment)).toMatch(MARKDOWN_LINK);
    else expect(portal.url).toMatch(/^https:\/\//);
  });
});
