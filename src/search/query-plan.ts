/**
 * From a query string to a plan: the units the user asked for (a word, or an alias group), each
 * with the cheapest matching that can still find it, and how well a search result covers them.
 */
import type { MatchInfo, Query } from 'minisearch';
import { termsOf, type Term } from './analyze.js';
import type { AliasTable, AliasName } from './aliases.js';
import { boundedEditDistance, fuzzyDistanceFor } from './edit-distance.js';
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
  const known = prefix ? vocabulary.countWithPrefix(term.term, 1) > 0 : vocabulary.df(term.term) > 0;
  const fuzzy = known || term.bigram || numeric ? 0 : fuzzyDistanceFor(term.term);
  return { kind: 'term', leaf: { term: term.term, surface: term.surface, prefix, fuzzy }, known };
}

/**
 * The MiniSearch query tree of a plan. Each unit is a subtree; `combineWith` is set on every node
 * because MiniSearch passes a node's options down to its children.
 */
export function toMiniSearchQuery(plan: QueryPlan, combineWith: 'AND' | 'OR'): Query {
  return {
    combineWith,
    queries: plan.units.map((unit): Query => {
      if (unit.kind === 'term') {
        const { term, prefix, fuzzy } = unit.leaf;
        return { combineWith: 'OR', queries: [term], prefix, fuzzy: fuzzy > 0 ? fuzzy : false, boostTerm: () => 1 };
      }
      return {
        combineWith: 'OR',
        queries: unit.names.map(({ name, boost }): Query => ({
          combineWith: 'AND',
          queries: [...name.terms],
          prefix: false,
          fuzzy: false,
          // A four-word name should weigh like one word, not four.
          boostTerm: () => boost / name.terms.length,
        })),
      };
    }),
  };
}

/** How one search result covers the plan. */
export interface Coverage {
  /** Σ unit strengths / number of units, in [0, 1]. */
  readonly fraction: number;
  /** Normalised terms to highlight: query terms, or the indexed terms a typo was matched to. */
  readonly matched: readonly string[];
}

/**
 * How much of the query a result answers. A unit counts 1 when it matched the fact's text or
 * tags, half when it only matched a quote (source sentences mention many things in passing), and
 * ¾ of that when it matched only through a typo.
 */
export function coverage(plan: QueryPlan, queryTerms: readonly string[], match: MatchInfo): Coverage {
  const found = new Set(queryTerms);
  const matched: string[] = [];
  let strength = 0;
  for (const unit of plan.units) {
    if (unit.kind === 'term') {
      const leaf = unit.leaf;
      if (!found.has(leaf.term)) continue;
      let best = 0;
      const fuzzyHits: string[] = [];
      for (const [indexed, fields] of Object.entries(match)) {
        const exact = indexed === leaf.term || (leaf.prefix && indexed.startsWith(leaf.term));
        const typo = !exact && leaf.fuzzy > 0 && boundedEditDistance(indexed, leaf.term, leaf.fuzzy) <= leaf.fuzzy;
        if (!exact && !typo) continue;
        if (typo) fuzzyHits.push(indexed);
        best = Math.max(best, fieldStrength(fields) * (exact ? 1 : 0.75));
      }
      strength += best;
      if (fuzzyHits.length > 0 && best > 0) matched.push(...fuzzyHits);
      else matched.push(leaf.term);
      continue;
    }
    let best = 0;
    for (const { name } of unit.names) {
      if (!name.terms.every((t) => found.has(t))) continue;
      // `match` is a plain object: only own keys are matches (`constructor` is not).
      const fields = name.terms.flatMap((t) => (Object.hasOwn(match, t) ? (match[t] ?? []) : []));
      const s = fieldStrength(fields);
      if (s > 0) matched.push(...name.terms);
      best = Math.max(best, s);
    }
    strength += best;
  }
  const units = plan.units.length;
  return { fraction: units === 0 ? 0 : strength / units, matched: [...new Set(matched)] };
}

function fieldStrength(fields: readonly string[]): number {
  if (fields.includes('text') || fields.includes('tags')) return 1;
  return fields.length > 0 ? 0.5 : 0;
}
