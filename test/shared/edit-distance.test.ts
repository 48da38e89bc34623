import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/shared/edit-distance.js';

/** Plain optimal-string-alignment distance, the obvious way: what the bounded one must agree with. */
function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.NaN;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] ?? [])[j] = v;
    }
  }
  return at(a.length, b.length);
}

describe('editDistance', () => {
  it('gives the distance, or max + 1 when over', () => {
    expect(editDistance('jaxs', 'jaxa', 1)).toBe(1);
    expect(editDistance('pizza', 'jaxa', 1)).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });

  it('counts a swap of two neighbours as one edit (typos to "did you mean" and to search alike)', () => {
    expect(editDistance('qoute', 'quote')).toBe(1);
    expect(editDistance('qoute', 'quote', 1)).toBe(1);
    expect(editDistance('cyberatatck', 'cyberattack', 2)).toBe(1);
  });

  it('agrees with the plain algorithm on many pairs, bounded or not', () => {
    const words = [
      '',
      'a',
      'ab',
      'ba',
      'abc',
      'acb',
      'quote',
      'qoute',
      'source',
      'sorce',
      'jaxa',
      'jaxs',
      'kato',
      'taok',
      'tick',
      'trick',
      'attack',
      'atatck',
    ];
    for (const a of words) {
      for (const b of words) {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        for (const max of [0, 1, 2]) expect(editDistance(a, b, max)).toBe(Math.min(exact, max + 1));
      }
    }
  });

  it('stays right when long and short words alternate (its table is reused and grows)', () => {
    const long = 'cyberattack'.repeat(20);
    const longTypo = long.slice(0, 100) + 'x' + long.slice(101);
    const pairs: [string, string][] = [
      ['jaxs', 'jaxa'],
      [long, longTypo],
      ['qoute', 'quote'],
      [`${long}s`, long],
      ['kato', 'taok'],
      [long, 'jaxa'],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [a, b] of pairs) {
        expect(editDistance(a, b)).toBe(reference(a, b));
        expect(editDistance(b, a, 1)).toBe(Math.min(reference(b, a), 2));
      }
    }
  });
});
