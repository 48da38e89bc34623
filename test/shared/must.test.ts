import { describe, expect, it } from 'vitest';
import { itemAt, must } from '../../src/shared/must.js';

describe('itemAt', () => {
  it('returns an item that is there, falsy ones included', () => {
    expect(itemAt([3, 0, 5], 1)).toBe(0);
    expect(itemAt(new Uint16Array([7, 8]), 1)).toBe(8);
    expect(itemAt(['', 'a'], 0)).toBe('');
  });

  it('throws, naming the index and the bounds, where a default would have hidden a bug', () => {
    expect(() => itemAt([3, 4], 2)).toThrow(new RangeError('index 2 is outside 0..1'));
    expect(() => itemAt([], 0)).toThrow(RangeError);
    expect(() => itemAt(new Uint16Array(2), -1)).toThrow(RangeError);
  });
});

describe('must', () => {
  it('passes a value through, and throws naming what is missing', () => {
    expect(must(new Map([['a', 0]]).get('a'), 'the count of a')).toBe(0);
    expect(() => must(new Map<string, number>().get('b'), 'the count of b')).toThrow('the count of b is missing');
  });
});
