import { describe, expect, it } from 'vitest';
import { fuzzyDistanceFor } from '../../src/search/edit-distance.js';

describe('fuzzyDistanceFor', () => {
  it('allows no typo under 4 characters, one under 8, two from 8', () => {
    expect(['pla', 'jaxs', 'kataaaa', 'cyberatack'].map(fuzzyDistanceFor)).toEqual([0, 1, 1, 2]);
  });

  it('counts code points, not UTF-16 units (an emoji is one character)', () => {
    expect(fuzzyDistanceFor('😀😀😀')).toBe(0);
    expect(fuzzyDistanceFor('😀😀😀😀')).toBe(1);
    expect(fuzzyDistanceFor('ab😀')).toBe(0);
    // A lone surrogate counts as one.
    expect(fuzzyDistanceFor('ab\ud83d')).toBe(0);
  });
});
