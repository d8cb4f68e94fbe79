/** The search results' cache keeps at most its capacity, dropping the least recently used first. */
import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../src/boundedCache';

describe('BoundedCache', () => {
  it('drops the least recently used entry past its capacity; reading an entry makes it recent', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('replaces a key without growing, and refuses a capacity that is not a positive whole number', () => {
    const cache = new BoundedCache<string, number>(1);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
    expect(() => new BoundedCache(0)).toThrow(RangeError);
    expect(() => new BoundedCache(1.5)).toThrow(RangeError);
  });

  it('makes a missing value once with getOrAdd, and forgets a deleted one', () => {
    const cache = new BoundedCache<string, number>(2);
    let made = 0;
    expect(cache.getOrAdd('a', () => ++made)).toBe(1);
    expect(cache.getOrAdd('a', () => ++made)).toBe(1);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.getOrAdd('a', () => ++made)).toBe(2);
  });
});
