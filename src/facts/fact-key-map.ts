/**
 * A map keyed by fact key (`case-id/fact-id`) that never builds the key string.
 *
 * Why not `Map<string, V>` with `factKey(fact)`: a reload of 100k facts looked every fact up
 * several times, and each lookup concatenated a fresh key string — tens of megabytes of short-lived
 * strings whose garbage collection blocked the event loop. Here a lookup uses the fact's own
 * `caseId` and `id` strings, which already exist and cache their hashes.
 */
import type { Fact } from './types.js';

type KeyOf = Pick<Fact, 'caseId' | 'id'>;

export class FactKeyMap<V> {
  private readonly byCase = new Map<string, Map<string, V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(fact: KeyOf): V | undefined {
    return this.byCase.get(fact.caseId)?.get(fact.id);
  }

  /** Looks a `case-id/fact-id` string up (as typed by a user or sent by autocomplete). */
  getByKey(key: string): V | undefined {
    const slash = key.indexOf('/');
    return slash < 0 ? undefined : this.byCase.get(key.slice(0, slash))?.get(key.slice(slash + 1));
  }

  set(fact: KeyOf, value: V): void {
    let ids = this.byCase.get(fact.caseId);
    if (ids === undefined) {
      ids = new Map();
      this.byCase.set(fact.caseId, ids);
    }
    if (!ids.has(fact.id)) this.count++;
    ids.set(fact.id, value);
  }

  /** Removes the entry and returns its value. */
  take(fact: KeyOf): V | undefined {
    const ids = this.byCase.get(fact.caseId);
    const value = ids?.get(fact.id);
    if (ids !== undefined && ids.delete(fact.id)) this.count--;
    return value;
  }

  /** The values, case by case, each case in insertion order. */
  *values(): IterableIterator<V> {
    for (const ids of this.byCase.values()) yield* ids.values();
  }
}
