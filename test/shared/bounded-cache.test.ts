import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/shared/bounded-cache.js';

describe('BoundedCache', () => {
  it('computes once per key and serves the kept value after', () => {
    const cache = new BoundedCache<string, string | null>(10);
    let calls = 0;
    const compute = (key: string): string | null => {
      calls++;
      return key === 'the' ? null : key.toUpperCase();
    };
    expect(cache.through('jaxa', compute)).toBe('JAXA');
    expect(cache.through('jaxa', compute)).toBe('JAXA');
    // null is a value (a stop word), not a miss.
    expect(cache.through('the', compute)).toBeNull();
    expect(cache.through('the', compute)).toBeNull();
    expect(calls).toBe(2);
  });

  it('forgets the oldest entries first when the budget is spent', () => {
    const cache = new BoundedCache<number, number>(3);
    for (let i = 0; i < 5; i++) cache.set(i, i * 10);
    expect(cache.size).toBe(3);
    expect([0, 1, 2, 3, 4].map((i) => cache.get(i))).toEqual([undefined, undefined, 20, 30, 40]);
  });

  it('budgets by size when given one, and never keeps an entry larger than the budget', () => {
    const cache = new BoundedCache<string, number>(10, (key) => key.length);
    cache.set('aaaa', 1);
    cache.set('bbbb', 2);
    cache.set('cccc', 3); // 12 > 10: 'aaaa' goes
    expect(cache.get('aaaa')).toBeUndefined();
    expect(cache.get('cccc')).toBe(3);
    cache.set('x'.repeat(11), 4);
    expect(cache.get('x'.repeat(11))).toBeUndefined();
    expect(cache.size).toBe(2);
    // Replacing a key does not count it twice.
    cache.set('cccc', 5);
    cache.set('dd', 6);
    expect([cache.get('bbbb'), cache.get('cccc'), cache.get('dd')]).toEqual([2, 5, 6]);
  });
});
