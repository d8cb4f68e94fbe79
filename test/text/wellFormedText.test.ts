/**
 * Text every store can keep: NUL and half surrogate pairs dropped, everything else (whole emoji, other
 * scripts, other control characters, "\u0000" typed as text) left as it is; in a parsed body's every string
 * and key, and in what postgresJson writes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postgresJson } from '../../src/storage/postgresJson';
import { wellFormedJson, wellFormedText } from '../../src/text/wellFormedText';

// eslint-disable-next-line no-control-regex -- a NUL is one of the ill-formed inputs
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
);

describe('wellFormedText', () => {
  it.each([
    ['a\u0000b', 'ab'],
    ['lone high \uD83D.', 'lone high .'],
    ['lone low \uDE00.', 'lone low .'],
    ['reversed \uDE00\uD83D pair', 'reversed  pair'],
    ['😀 👨‍👩‍👧 Привет', '😀 👨‍👩‍👧 Привет'],
    ['tab\t bell\u0007 \\u0000 as text', 'tab\t bell\u0007 \\u0000 as text'],
    ['half of an emoji cut: ' + '😀'.slice(0, 1), 'half of an emoji cut: '],
  ])('%j → %j', (text, expected) => {
    expect(wellFormedText(text)).toBe(expected);
  });

  it('leaves nothing ill-formed and removes only NUL and halves, for any string (fixed seed)', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const result = wellFormedText(text);
        expect(ILL_FORMED.test(result)).toBe(false);
        // Every code point left was in the text, in order.
        expect([...text].filter((c) => !ILL_FORMED.test(c)).join('')).toBe(result);
      }),
      { seed: 20261204, numRuns: 500 },
    );
  });
});

describe('wellFormedJson', () => {
  it('cleans every string and key, at any depth, keeping "__proto__" an own key', () => {
    const parsed = JSON.parse(
      '{"a\\u0000":["x\\ud800",{"__proto__":{"t":"\\u0000y"}}],"n":1,"b":true,"z":null}',
    ) as unknown;
    const clean = wellFormedJson(parsed) as Record<string, unknown>;
    expect(JSON.stringify(clean)).toBe('{"a":["x",{"__proto__":{"t":"y"}}],"n":1,"b":true,"z":null}');
    expect(Object.getPrototypeOf((clean.a as unknown[])[1])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).t).toBeUndefined();
  });
});

describe('postgresJson', () => {
  it('writes no NUL or lone surrogate escape, in values or keys, and the same JSON as JSON.stringify otherwise', () => {
    const when = new Date('2026-12-04T10:00:00.000Z');
    expect(postgresJson({ text: 'a\u0000b😀'.slice(0, 4), ['k\uDC00']: ['\u0000'], when })).toBe(
      '{"text":"ab","k":[""],"when":"2026-12-04T10:00:00.000Z"}',
    );
    const ordinary = { text: 'Привет "x" \\u0000 \n', list: [1, null, { deep: '😀' }] };
    expect(postgresJson(ordinary)).toBe(JSON.stringify(ordinary));
  });
});
