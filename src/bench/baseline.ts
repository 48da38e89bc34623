import MiniSearch, { type SearchOptions } from 'minisearch';
import type { FactSet } from '../facts/types.js';

/**
 * The yardsticks of the benchmark: a bare MiniSearch with default tokenising over the same facts.
 * MiniSearch otherwise lives only in src/search; this is the one exception, because the point is
 * to measure the engine without our analysis around it.
 *
 * - `fuzzy`: queried with `fuzzy: 0.2, prefix: true` (terms combined with OR) — what a first
 *   version of the bot would have done. Every term is expanded by prefix and by typo, so at 100k
 *   facts a short word drags in most of the index.
 * - `fair`: the configuration a careful MiniSearch user would choose for the same job — terms
 *   combined with AND (as our search matches all words first), prefix expansion only for terms of
 *   3+ characters, and typo expansion (`0.2`) only for terms the index does not contain.
 */
export interface Baseline {
  /** The number of hits (so the work is not optimised away). */
  search(query: string): number;
  /** The hits' positions in `factSet.facts`, best first: for tests. */
  positions(query: string): number[];
}

export type BaselineKind = 'fuzzy' | 'fair';

interface BaselineDoc {
  readonly id: number;
  readonly text: string;
  readonly quotes: string;
  readonly tags: string;
}

/**
 * A MiniSearch that can tell whether a (processed) term is in its index. MiniSearch 7 has no
 * public term lookup (`termCount` is only the number of terms), but its radix tree `_index` is a
 * protected member, typed as `SearchableMap` whose `has(term)` is the exact test the search itself
 * uses: `fuzzy` receives each query term after `tokenize` and `processTerm`, i.e. as indexed.
 */
class TermAwareMiniSearch extends MiniSearch<BaselineDoc> {
  hasTerm(term: string): boolean {
    return this._index.has(term);
  }
}

const FIELDS = ['text', 'quotes', 'tags'];

/** The search options of each baseline; `fair` needs the index, to know which terms it has. */
export function baselineSearchOptions(kind: BaselineKind, index: { hasTerm(term: string): boolean }): SearchOptions {
  if (kind === 'fuzzy') return { fuzzy: 0.2, prefix: true };
  return {
    combineWith: 'AND',
    prefix: (term) => term.length >= 3,
    fuzzy: (term) => (index.hasTerm(term) ? false : 0.2),
  };
}

/**
 * Indexes `factSet` the naive way and queries it as `kind` says.
 *
 * @example
 * const fair = buildBaseline(factSet, 'fair');
 * fair.search('tanaka arrested'); // => number of facts with both words (or their completions)
 */
export function buildBaseline(factSet: FactSet, kind: BaselineKind = 'fuzzy'): Baseline {
  const mini = new TermAwareMiniSearch({ fields: FIELDS });
  mini.addAll(
    factSet.facts.map((fact, id) => ({
      id,
      text: fact.text,
      quotes: fact.citations.map((c) => c.quote).join(' '),
      tags: fact.tags.join(' '),
    })),
  );
  const options = baselineSearchOptions(kind, mini);
  return {
    search: (query) => mini.search(query, options).length,
    positions: (query) => mini.search(query, options).map((r): number => (typeof r.id === 'number' ? r.id : -1)),
  };
}
