/**
 * Runs a {@link QueryPlan} against the engine for one snapshot and returns the best hits.
 *
 * The work is bounded up front rather than by scoring everything and sorting: a prefix expands to
 * its most frequent completions only, typo tolerance only to a few close terms (and only for words
 * the vocabulary does not know, see query-plan.ts), and scores add up in reusable typed arrays
 * indexed by slot, so a common word costs a pass over its postings and no allocation per document.
 */
import type { Fact } from '../facts/types.js';
import type { Engine, TermEntry } from './engine.js';
import { postingWeight } from './engine.js';
import type { Hit } from './types.js';
import type { QueryPlan, Unit } from './query-plan.js';
import type { Vocabulary } from './vocabulary.js';
import type { RelatedWords } from './semantic/related-words.js';

/** MiniSearch's weights for matches that are not exact. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** The most frequent completions a prefix expands to, out of at most this many looked at. */
const MAX_PREFIX_TERMS = 16;
const MAX_PREFIX_SCAN = 2000;
/**
 * What a completion of a whole English word may add to its stem (`Leaf.endingsOnly`): an ending
 * that keeps the word ("attack" → "attacker", "invest" → "investigation"), not letters that make
 * another one ("lin" → "link").
 */
const WORD_ENDING = /^(?:e?rs?|ors?|ings?|i?ons?|ations?|ments?|e?s|e?d|al|ly)$/;
const MAX_FUZZY_TERMS = 12;
/**
 * Postings a unit's prefix completions may add beyond its exact term: the most frequent
 * completions are taken until this is spent. Autocomplete (no fallback) gets the smaller budget:
 * it runs on every keystroke and only needs a few good facts.
 */
const PREFIX_BUDGET = { search: 60_000, autocomplete: 15_000 } as const;
/** A unit matched only in a quote counts half; one matched only through a typo, ¾ of that. */
const QUOTE_STRENGTH = 0.5;
const TYPO_STRENGTH = 0.75;
/**
 * A word matched only through a related fact word (see semantic/related-words.ts) counts a little
 * more than half: two words of a question answered by a related word and an exact one clear the
 * 0.6 coverage floor ("was data stolen" → data, leak), one exact word among three does not
 * ("minecraft server ip").
 */
const RELATED_STRENGTH = 0.6;
/** Cosine a fact word needs to stand in for a question word, and how much its matches weigh. */
const RELATED_FLOOR = 0.6;
const RELATED_WEIGHT = 0.5;
const MAX_RELATED_WORDS = 3;

/** What a snapshot contributes to ranking. */
export interface RankContext {
  readonly engine: Engine;
  readonly vocabulary: Vocabulary;
  readonly factBySlot: readonly (Fact | undefined)[];
  /** Facts served (for idf). */
  readonly liveCount: number;
  /** Fact words close in meaning to a word no fact has; absent when semantic search is off. */
  readonly related?: RelatedWords;
}

/** A lexical hit and how much of the query it covers. */
export interface LexicalHit extends Hit {
  /**
   * The share of the query's units this fact matches (0–1), where a match only in a quote counts
   * half and a typo match ¾ — the same measure the relevance floor applies.
   */
  readonly coverage: number;
  /**
   * Whether this fact matches every unit of the query by a word of its own (exactly, by prefix or by a
   * typo; in its text or its quote), none only through a related word.
   */
  readonly complete: boolean;
  /** The alias names (a case's named entities: JAXA, Kato, the PLA) of the query this fact matches. */
  readonly named: readonly string[];
}

/** What {@link rankPlan} found: the hits, and the units that matched no served fact at all. */
export interface LexicalResult {
  readonly hits: readonly LexicalHit[];
  /** Units with nothing to match in this snapshot (the words to say "no fact mentions" of). */
  readonly unmatched: readonly Unit[];
}

interface Expansion {
  readonly term: string;
  readonly entry: TermEntry;
  readonly weight: number;
  /** How the term was reached from the query word: typos and related words count less towards coverage. */
  readonly via: 'word' | 'typo' | 'related';
}

interface PlannedUnit {
  readonly unit: Unit;
  /** Term units: one expansion per matching indexed term. Alias units: one list (AND) per name. */
  readonly alternatives: readonly (readonly Expansion[])[];
}

/**
 * The best `limit` hits for the plan. With `fallback`, facts matching only some units are ranked
 * too when fewer than `limit` facts match all of them; every hit clears `minCoverage` (its
 * {@link LexicalHit.coverage}).
 */
export function rankPlan(
  ctx: RankContext,
  plan: QueryPlan,
  limit: number,
  caseId: string | undefined,
  fallback: boolean,
  minCoverage: number,
): LexicalResult {
  const budget = fallback ? PREFIX_BUDGET.search : PREFIX_BUDGET.autocomplete;
  // Related words only for a search: while typing, a half-typed word is unknown, not a synonym.
  const units = plan.units.map((unit) => expand(ctx, unit, budget, fallback));
  const unmatched = units.filter((u) => u.alternatives.every((list) => list.every((e) => e.via === 'related'))).map((u) => u.unit);
  const unitCount = units.length;
  if (unitCount === 0) return { hits: [], unmatched };
  const reachable = units.filter((u) => u.alternatives.length > 0).length;
  if (reachable / unitCount < minCoverage) return { hits: [], unmatched };

  // AND first, rarest unit first: only facts the first unit found are looked at again, so a
  // common word costs nothing once a rare one has narrowed the set. Facts matching only some
  // units are ranked (an OR pass) only when fewer than `limit` match them all.
  const ordered = [...units].sort((a, b) => cost(a) - cost(b));
  const acc = scratch(ctx.engine.slotCount);
  let query = run(ctx, acc, ordered, caseId, true);
  let full = 0;
  for (const slot of acc.touched) if (acc.units[slot] === unitCount) full++;
  if (fallback && unitCount > 1 && full < limit) query = run(ctx, acc, ordered, caseId, false);
  const onlyFull = query.restricted;
  const best: { slot: number; score: number; coverage: number }[] = [];
  for (const slot of acc.touched) {
    if (onlyFull && acc.units[slot] !== unitCount) continue;
    const coverage = (acc.cover[slot] as number) / unitCount;
    if (coverage < minCoverage) continue;
    const score = (acc.score[slot] as number) * coverage;
    if (best.length >= limit && score <= (best[best.length - 1]?.score ?? 0)) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]?.score ?? 0) < score) at--;
    best.splice(at, 0, { slot, score, coverage });
    if (best.length > limit) best.pop();
  }
  const hits: LexicalHit[] = [];
  for (const { slot, score, coverage } of best) {
    const fact = ctx.factBySlot[slot];
    if (fact === undefined) continue;
    const complete = unmatched.length === 0 && acc.units[slot] === unitCount;
    hits.push({ fact, score, coverage, complete, matched: matchedTerms(units, slot), named: namesMatched(units, slot) });
  }
  return { hits, unmatched };
}

/** One accumulation pass over all units; `restricted`: only facts the first unit matched count. */
function run(
  ctx: RankContext,
  acc: Scratch,
  units: readonly PlannedUnit[],
  caseId: string | undefined,
  restricted: boolean,
): { restricted: boolean } {
  const query = ++acc.serial;
  acc.touched.length = 0;
  units.forEach((planned, i) => accumulate(ctx, acc, query, planned, caseId, restricted && i > 0));
  return { restricted };
}

/** Postings a unit will visit: what ordering by rarity sorts on. */
function cost(planned: PlannedUnit): number {
  let n = 0;
  for (const list of planned.alternatives) for (const e of list) n += e.entry.used;
  return n;
}

function expand(ctx: RankContext, unit: Unit, budget: number, related: boolean): PlannedUnit {
  const terms = ctx.engine.terms;
  const byTerm = ctx.engine.byTerm;
  if (unit.kind === 'alias') {
    const alternatives: Expansion[][] = [];
    for (const { name, boost } of unit.names) {
      const list: Expansion[] = [];
      for (const term of name.terms) {
        const entry = byTerm.get(term);
        // A four-word name should weigh like one word, not four.
        if (entry !== undefined) list.push({ term, entry, weight: boost / name.terms.length, via: 'word' });
      }
      if (list.length === name.terms.length && list.length > 0) alternatives.push(list);
    }
    // A Japanese word whose glosses no fact uses: the fact words closest to its one-word glosses.
    if (alternatives.length === 0 && related) {
      const glosses = unit.names
        .filter(({ name }) => name.terms.length === 1 && /^[a-z]+$/.test(name.display))
        .map(({ name }) => name.display);
      for (const e of relatedExpansions(ctx, glosses)) alternatives.push([e]);
    }
    return { unit, alternatives };
  }
  const { term, prefix, endingsOnly, fuzzy } = unit.leaf;
  const out: Expansion[] = [];
  const exact = byTerm.get(term);
  if (exact !== undefined) out.push({ term, entry: exact, weight: 1, via: 'word' });
  if (prefix) {
    const found: { key: string; entry: TermEntry }[] = [];
    for (const [key, entry] of terms.atPrefix(term)) {
      if (key !== term && (!endingsOnly || WORD_ENDING.test(key.slice(term.length)))) found.push({ key, entry });
      if (found.length >= MAX_PREFIX_SCAN) break;
    }
    found.sort((a, b) => b.entry.used - a.entry.used || (a.key < b.key ? -1 : 1));
    let spent = 0;
    for (const { key, entry } of found.slice(0, MAX_PREFIX_TERMS)) {
      spent += entry.used / 2;
      if (spent > budget && out.length > 0) break;
      const distance = key.length - term.length;
      out.push({ term: key, entry, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), via: 'word' });
    }
  }
  if (fuzzy > 0) {
    const near = ctx.vocabulary.nearTerms(term, fuzzy).filter((n) => n.distance > 0 && !(prefix && n.term.startsWith(term)));
    near.sort((a, b) => a.distance - b.distance || b.entry.used - a.entry.used || (a.term < b.term ? -1 : 1));
    for (const n of near.slice(0, MAX_FUZZY_TERMS)) {
      out.push({ term: n.term, entry: n.entry, weight: (FUZZY_WEIGHT * term.length) / (term.length + n.distance), via: 'typo' });
    }
  }
  // A word no fact has (not even by a typo) is searched by the fact words closest in meaning.
  if (out.length === 0 && related) out.push(...relatedExpansions(ctx, [unit.leaf.surface]));
  return { unit, alternatives: out.map((e) => [e]) };
}

/**
 * The fact words closest in meaning to any of `words` (see semantic/related-words.ts), at most
 * {@link MAX_RELATED_WORDS} distinct terms, weighted by their cosine. Empty without semantic search.
 */
function relatedExpansions(ctx: RankContext, words: readonly string[]): Expansion[] {
  const related = ctx.related;
  if (related === undefined) return [];
  const out: Expansion[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    // Twice as many as kept: several surfaces of a fact word share one term (leak, leaked).
    for (const near of related.nearest(word, MAX_RELATED_WORDS * 2, RELATED_FLOOR)) {
      const entry = ctx.engine.byTerm.get(near.term);
      if (entry === undefined || seen.has(near.term) || seen.size >= MAX_RELATED_WORDS) continue;
      seen.add(near.term);
      out.push({ term: near.term, entry, weight: RELATED_WEIGHT * near.cosine, via: 'related' });
    }
  }
  return out;
}

/** Adds one unit's contribution: score summed over its matches, strength = its best match. */
function accumulate(
  ctx: RankContext,
  acc: Scratch,
  query: number,
  planned: PlannedUnit,
  caseId: string | undefined,
  onlyTouched: boolean,
): void {
  const unit = ++acc.serial;
  acc.unitTouched.length = 0;
  const facts = ctx.factBySlot;
  const add = (slot: number, score: number, strength: number): void => {
    if (acc.queryStamp[slot] !== query) {
      if (onlyTouched) return;
      acc.queryStamp[slot] = query;
      acc.score[slot] = 0;
      acc.cover[slot] = 0;
      acc.units[slot] = 0;
      acc.touched.push(slot);
    }
    if (acc.unitStamp[slot] !== unit) {
      acc.unitStamp[slot] = unit;
      acc.unitBest[slot] = 0;
      acc.unitTouched.push(slot);
    }
    acc.score[slot] = (acc.score[slot] as number) + score;
    if (strength > (acc.unitBest[slot] as number)) acc.unitBest[slot] = strength;
  };
  for (const alternative of planned.alternatives) {
    if (alternative.length === 1) {
      const e = alternative[0];
      if (e === undefined) continue;
      const idf = inverseFrequency(e.entry, ctx.liveCount);
      const { postings, used } = e.entry;
      const factor = idf * e.weight;
      const typo = e.via === 'typo' ? TYPO_STRENGTH : e.via === 'related' ? RELATED_STRENGTH : 1;
      for (let i = 0; i < used; i += 2) {
        const code = postings[i] as number;
        const slot = code >>> 1;
        const fact = facts[slot];
        if (fact === undefined || (caseId !== undefined && fact.caseId !== caseId)) continue;
        add(slot, factor * postingWeight(postings[i + 1] as number), ((code & 1) === 1 ? 1 : QUOTE_STRENGTH) * typo);
      }
      continue;
    }
    // A multi-word alias name: only facts with all its words count.
    const found = new Map<number, { n: number; score: number; strong: boolean }>();
    for (const e of alternative) {
      const idf = inverseFrequency(e.entry, ctx.liveCount);
      const { postings, used } = e.entry;
      for (let i = 0; i < used; i += 2) {
        const code = postings[i] as number;
        const slot = code >>> 1;
        const fact = facts[slot];
        if (fact === undefined || (caseId !== undefined && fact.caseId !== caseId)) continue;
        const f = found.get(slot) ?? { n: 0, score: 0, strong: false };
        f.n += 1;
        f.score += idf * e.weight * postingWeight(postings[i + 1] as number);
        f.strong ||= (code & 1) === 1;
        found.set(slot, f);
      }
    }
    for (const [slot, f] of found) if (f.n === alternative.length) add(slot, f.score, f.strong ? 1 : QUOTE_STRENGTH);
  }
  for (const slot of acc.unitTouched) {
    acc.cover[slot] = (acc.cover[slot] as number) + (acc.unitBest[slot] as number);
    acc.units[slot] = (acc.units[slot] as number) + 1;
  }
}

/** BM25's idf of a term among the snapshot's facts. */
function inverseFrequency(entry: TermEntry, liveCount: number): number {
  const df = entry.used / 2;
  return Math.log(1 + (Math.max(liveCount, df) - df + 0.5) / (df + 0.5));
}

/** Number of postings with a slot below `limit` (postings are in slot order). */
function countBelow(entry: TermEntry, limit: number): number {
  let lo = 0;
  let hi = entry.used / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entry.postings[mid * 2] as number) >>> 1 < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function contains(entry: TermEntry, slot: number): boolean {
  const i = countBelow(entry, slot);
  return i * 2 < entry.used && (entry.postings[i * 2] as number) >>> 1 === slot;
}

/**
 * The typed alias names of the query that this fact's own text or tags use (a name only in a
 * quoted source sentence, or reached through related words, does not count).
 */
function namesMatched(units: readonly PlannedUnit[], slot: number): string[] {
  const out: string[] = [];
  for (const { unit, alternatives } of units) {
    if (unit.kind !== 'alias' || !unit.entity) continue;
    if (alternatives.some((list) => list.every((e) => e.via === 'word' && strongIn(e.entry, slot)))) out.push(unit.typed);
  }
  return out;
}

/** Whether the term's posting for `slot` exists and is in the fact's text or tags. */
function strongIn(entry: TermEntry, slot: number): boolean {
  const i = countBelow(entry, slot);
  return i * 2 < entry.used && (entry.postings[i * 2] as number) === ((slot << 1) | 1);
}

/** Terms to highlight in a hit: the query term for exact and prefix matches, the indexed word for typos. */
function matchedTerms(units: readonly PlannedUnit[], slot: number): string[] {
  const out = new Set<string>();
  for (const { unit, alternatives } of units) {
    if (unit.kind === 'alias') {
      for (const list of alternatives) if (list.every((e) => contains(e.entry, slot))) for (const e of list) out.add(e.term);
      continue;
    }
    let direct = false;
    const typos: string[] = [];
    for (const [e] of alternatives) {
      if (e === undefined || !contains(e.entry, slot)) continue;
      if (e.via !== 'word') typos.push(e.term);
      else direct = true;
    }
    if (direct) out.add(unit.leaf.term);
    for (const t of typos) out.add(t);
  }
  return [...out];
}

/** Per-slot accumulators, reused by every search (searches are synchronous, so never concurrent). */
interface Scratch {
  serial: number;
  queryStamp: Int32Array;
  unitStamp: Int32Array;
  score: Float64Array;
  cover: Float32Array;
  unitBest: Float32Array;
  units: Uint8Array;
  readonly touched: number[];
  readonly unitTouched: number[];
}

let shared: Scratch | undefined;

/**
 * The accumulators, as long as the engine has slots. Reads of them (and of postings, below their
 * `used` length) are within bounds by construction, hence plain `as number` reads — not `itemAt`
 * (shared/must.ts), as these are the innermost loops of every query — where a `?? 0` would turn an
 * indexing bug into a silent zero score.
 */
function scratch(slots: number): Scratch {
  if (shared === undefined || shared.queryStamp.length < slots || shared.serial > 2_000_000_000) {
    const size = Math.max(1024, Math.ceil(slots * 1.25));
    shared = {
      serial: 0,
      queryStamp: new Int32Array(size),
      unitStamp: new Int32Array(size),
      score: new Float64Array(size),
      cover: new Float32Array(size),
      unitBest: new Float32Array(size),
      units: new Uint8Array(size),
      touched: [],
      unitTouched: [],
    };
  }
  return shared;
}

/** The words of the query no served fact has, as typed, for "no fact mentions …". */
export function unmatchedWords(result: LexicalResult): string[] {
  return result.unmatched.map((unit) => (unit.kind === 'alias' ? unit.typed : unit.leaf.surface));
}
