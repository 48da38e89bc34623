import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/bench/prng.js';
import { RelatedWords } from '../../../src/search/semantic/related-words.js';
import { encodeWordVectors, WordVectors } from '../../../src/search/semantic/word-vectors.js';

const DIMS = 64;

/**
 * Random words in 64 dimensions whose energy falls with the dimension, as in the real (rotated)
 * file, so the scan's early stops are exercised; `near-<i>` lies close to `word-<i>`.
 */
function randomWords(count: number, seed: number): { words: WordVectors; list: string[] } {
  const rng = createRng(seed);
  const list: string[] = [];
  const vectors: number[] = [];
  for (let i = 0; i < count; i++) {
    const base = Array.from({ length: DIMS }, (_, d) => (rng.next() * 2 - 1) / (1 + d / 8));
    const near = base.map((x) => x + ((rng.next() * 2 - 1) * 0.15) / (1 + DIMS / 8));
    list.push(`word-${i}`, `near-${i}`);
    vectors.push(...base, ...near);
  }
  const data = {
    modelId: 'random',
    dims: DIMS,
    words: list,
    weights: new Float32Array(list.length).fill(1),
    vectors: new Float32Array(vectors),
  };
  return { words: WordVectors.fromBuffer(encodeWordVectors(data), 'test'), list };
}

function cosine(words: WordVectors, a: string, b: string): number {
  const u = new Float32Array(words.dims);
  const v = new Float32Array(words.dims);
  words.embedInto([a], u);
  words.embedInto([b], v);
  return u.reduce((sum, x, d) => sum + x * (v[d] ?? 0), 0);
}

describe('RelatedWords.nearest', () => {
  it('finds every fact word at or above the floor, best first, as comparing with each one would', async () => {
    const { words, list } = randomWords(300, 7);
    const factWords = list.filter((w) => w.startsWith('near-'));
    const related = await RelatedWords.build(
      factWords.map((w) => [w, `term-${w}`] as const),
      words,
    );
    for (const asked of ['word-3', 'word-150', 'word-299']) {
      const exact = new Map(factWords.map((w) => [w, cosine(words, asked, w)]));
      const found = related.nearest(asked, 1000, 0.3);
      // Rows are int8: a word within quantisation error (0.02) of the floor may fall either side.
      const sure = [...exact].filter(([, c]) => c >= 0.32).map(([w]) => w);
      expect(found.map((x) => x.surface)).toEqual(expect.arrayContaining(sure));
      for (const x of found) expect(Math.abs(x.cosine - (exact.get(x.surface) ?? NaN))).toBeLessThan(0.02);
      expect(found.every((x) => (exact.get(x.surface) ?? 0) >= 0.28)).toBe(true);
      expect(found.map((x) => x.cosine)).toEqual([...found.map((x) => x.cosine)].sort((a, b) => b - a));
      expect(sure.length).toBeGreaterThan(3);
      expect(found[0]?.surface).toBe(asked.replace('word-', 'near-'));
      expect(found[0]?.term).toBe(`term-${asked.replace('word-', 'near-')}`);
    }
  });

  it('keeps to the floor and the limit, never returns the word itself, and is empty for an unknown word', async () => {
    const { words, list } = randomWords(50, 11);
    const related = await RelatedWords.build(
      list.map((w) => [w, w] as const),
      words,
    );
    const found = related.nearest('word-1', 3, 0.5);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(3);
    expect(found.every((x) => x.cosine >= 0.5 - 0.01 && x.surface !== 'word-1')).toBe(true);
    expect(related.nearest('word-1', 0, 0.5)).toEqual([]);
    expect(related.nearest('not-a-word', 3, 0.1)).toEqual([]);
  });

  it('answers a repeated word the same as the first time, also with other limits and floors in between', async () => {
    const { words, list } = randomWords(80, 13);
    const related = await RelatedWords.build(
      list.map((w) => [w, w] as const),
      words,
    );
    const first = related.nearest('word-5', 4, 0.2).map((x) => x.surface);
    const narrower = related.nearest('word-5', 1, 0.2).map((x) => x.surface);
    const higher = related.nearest('word-5', 4, 0.99).map((x) => x.surface);
    expect(narrower).toEqual(first.slice(0, 1));
    expect(higher.length).toBeLessThan(first.length);
    expect(related.nearest('word-5', 4, 0.2).map((x) => x.surface)).toEqual(first);
  });
});
