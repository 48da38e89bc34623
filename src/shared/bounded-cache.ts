/**
 * The one cache of derived values in the process (word terms, normalised words, analysed
 * passages): a map with a size budget that forgets its oldest entries first. Word and passage
 * frequencies are Zipfian, so the entries that matter are re-added right after being forgotten;
 * first-in-first-out costs nothing per hit, where least-recently-used would reorder on every read.
 *
 * Values are never `undefined` (that is how a miss reads). Only pure functions of the key may be cached here: the value must be the same whoever asks, so a
 * cache shared by snapshots, builds and queries can never serve one of them another's state.
 */
export class BoundedCache<K, V extends object | string | number | boolean | null> {
  private readonly entries = new Map<K, V>();
  private used = 0;

  /**
   * @param budget total size the entries may take (entries, or characters with `sizeOf`).
   * @param sizeOf the size of one entry; 1 by default. An entry larger than the whole budget is not kept.
   */
  constructor(
    private readonly budget: number,
    private readonly sizeOf: (key: K, value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Keeps `value` for `key`, forgetting the oldest entries until it fits. */
  set(key: K, value: V): void {
    const size = this.sizeOf(key, value);
    if (size > this.budget) return;
    this.delete(key);
    for (const [oldest, old] of this.entries) {
      if (this.used + size <= this.budget) break;
      this.entries.delete(oldest);
      this.used -= this.sizeOf(oldest, old);
    }
    this.entries.set(key, value);
    this.used += size;
  }

  /**
   * The cached value for `key`, computing and keeping it on a miss.
   *
   * @example
   * const terms = new BoundedCache<string, string[]>(50_000);
   * terms.through('Cancelled', (w) => analyse(w));
   */
  through(key: K, compute: (key: K) => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached;
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  /** Number of entries kept. */
  get size(): number {
    return this.entries.size;
  }

  private delete(key: K): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.used -= this.sizeOf(key, old);
  }
}
