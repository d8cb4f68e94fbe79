/** The depth of a JSON text as the body reader counts it: objects and arrays only, never brackets inside strings. */
import { describe, expect, it } from 'vitest';
import { jsonDepth } from '../../src/server/readJsonBody';

describe('jsonDepth', () => {
  it.each([
    ['a number', '1', 0],
    ['brackets inside a string', '"[[[{"', 0],
    ['an empty object', '{}', 1],
    ['arrays and objects mixed', '[[], {"a": [1]}]', 3],
    ['escaped quotes and backslashes in strings', '{"a": "}}}\\" ]]] {{{", "b": [{"c": "\\\\"}]}', 3],
    ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 100_000],
  ])('counts %s', (_name, text, depth) => {
    expect(JSON.parse(text)).toBeDefined();
    expect(jsonDepth(text)).toBe(depth);
  });
});
