/**
 * A small seeded random source, so a benchmark folder and its queries are the same on every run
 * and every machine (Math.random cannot be seeded).
 */
import { itemAt } from '../shared/must.js';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A uniformly chosen element; `items` must not be empty. */
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32: tiny, fast and well distributed enough for test data (not for anything secret).
 *
 * @example
 * const rng = createRng(42);
 * rng.int(1, 6); // the same die roll on every run
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}

/**
 * Draws items with Zipf-like frequencies (rank r has weight 1 / r^exponent), as words in real text
 * do: a few names recur in most passages, most appear rarely. Sampling is a binary search over the
 * cumulative weights, so it stays cheap for lists of thousands.
 */
export class ZipfSampler<T> {
  private readonly cumulative: Float64Array;

  constructor(
    readonly items: readonly T[],
    exponent = 1,
  ) {
    if (items.length === 0) throw new Error('ZipfSampler needs at least one item');
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let rank = 0; rank < items.length; rank += 1) {
      total += 1 / Math.pow(rank + 1, exponent);
      this.cumulative[rank] = total;
    }
  }

  /** One item, drawn with `rng`. */
  sample(rng: Rng): T {
    const total = itemAt(this.cumulative, this.cumulative.length - 1);
    const target = rng.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (itemAt(this.cumulative, mid) < target) lo = mid + 1;
      else hi = mid;
    }
    return itemAt(this.items, lo);
  }
}
