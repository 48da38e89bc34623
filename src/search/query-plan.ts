/**
 * From a query string to a plan: the units the user asked for (a word, or an alias group), each
 * with the cheapest matching that can still find it, and how well a search result covers them.
 */
import { termsOf, type Term } from './analyze.js';
import type { AliasTable, AliasName } from './aliases.js';
import { fuzzyDistanceFor } from './edit-distance.js';
import type { Vocabulary } from './vocabulary.js';

/** Longer queries are cut: nobody types more, and the cost of a search grows with each term. */
export const MAX_QUERY_CHARS = 200;
export const MAX_UNITS = 12;
/** Other names of an alias group count a little less than the name the user typed. */
export const ALIAS_WEIGHT = 0.8;

export interface Leaf {
  readonly term: string;
  readonly surface: string;
  readonly prefix: boolean;
  /** Maximum edit distance; 0 = no typo tolerance. */
  readonly fuzzy: number;
}

export type Unit =
  | { readonly kind: 'term'; readonly leaf: Leaf; readonly known: boolean }
  | { readonly kind: 'alias'; readonly typed: string; readonly names: readonly { readonly name: AliasName; readonly boost: number }[] };

export interface QueryPlan {
  readonly units: readonly Unit[];
}

/**
 * Splits a query into units: alias names (matched longest first) become one unit for the whole
 * group; every other term is a unit of its own. Duplicates are dropped and the count is capped.
 *
 * Typo tolerance is decided here, per term, because it is the expensive part: a term gets fuzzy
 * matching only when it has 4+ characters and nothing in the vocabulary equals or extends it.
 * Terms of 1–2 characters, numbers and CJK bigrams match exactly (bigrams) or by prefix only.
 *
 * @example
 * planQuery('jaxs hack', aliases, vocabulary).units
 * // => [{ kind: 'term', leaf: { term: 'jaxs', fuzzy: 1, … } }, { kind: 'term', leaf: { term: 'hack', prefix: true, … } }]
 */
export function planQuery(query: string, aliases: AliasTable, vocabulary: Vocabulary, caseId?: string): QueryPlan {
  const terms = termsOf(query.slice(0, MAX_QUERY_CHARS), 'query');
  const matches = aliases.match(
    terms.map((t) => t.term),
    caseId,
  );
  const units: Unit[] = [];
  const seen = new Set<string>();
  const add = (key: string, unit: Unit): void => {
    if (seen.has(key) || units.length >= MAX_UNITS) return;
    seen.add(key);
    units.push(unit);
  };
  let next = 0;
  for (const match of [...matches, undefined]) {
    const until = match?.start ?? terms.length;
    for (; next < until; next++) {
      const term = terms[next];
      if (term !== undefined) add(`t:${term.term}`, termUnit(term, vocabulary));
    }
    if (match === undefined) break;
    add(`a:${match.typed.terms.join(' ')}`, {
      kind: 'alias',
      typed: match.typed.display,
      names: [{ name: match.typed, boost: 1 }, ...match.others.map((name) => ({ name, boost: ALIAS_WEIGHT }))],
    });
    next = match.end;
  }
  return { units };
}

function termUnit(term: Term, vocabulary: Vocabulary): Unit {
  const length = [...term.term].length;
  const numeric = /^\d+$/.test(term.term);
  const prefix = !term.bigram && length >= 3;
  const known = vocabulary.known(term.term, prefix);
  const fuzzy = known || term.bigram || numeric ? 0 : fuzzyDistanceFor(term.term);
  return { kind: 'term', leaf: { term: term.term, surface: term.surface, prefix, fuzzy }, known };
}
