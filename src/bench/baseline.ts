import MiniSearch from 'minisearch';
import type { FactSet } from '../facts/types.js';

/**
 * The yardstick of the benchmark: a bare MiniSearch with default tokenising over the same facts,
 * queried with `fuzzy: 0.2, prefix: true` — what a first version of the bot would have done.
 * MiniSearch otherwise lives only in src/search; this is the one exception, because the point is
 * to measure the engine without our analysis around it.
 */
export interface Baseline {
  search(query: string): number;
}

interface BaselineDoc {
  readonly id: number;
  readonly text: string;
  readonly quotes: string;
  readonly tags: string;
}

/** Indexes `factSet` the naive way; `search` returns the number of hits (so the work is not optimised away). */
export function buildBaseline(factSet: FactSet): Baseline {
  const mini = new MiniSearch<BaselineDoc>({ fields: ['text', 'quotes', 'tags'] });
  mini.addAll(
    factSet.facts.map((fact, id) => ({
      id,
      text: fact.text,
      quotes: fact.citations.map((c) => c.quote).join(' '),
      tags: fact.tags.join(' '),
    })),
  );
  return {
    search: (query) => mini.search(query, { fuzzy: 0.2, prefix: true }).length,
  };
}
