/**
 * A searchable index over a {@link FactSet}: build it once per fact set, then ask it questions.
 * MiniSearch is an implementation detail of this module and its helpers.
 */
import type { SearchResult } from 'minisearch';
import type { Fact, FactSet } from '../facts/types.js';
import { factKey } from '../facts/types.js';
import type { AutocompleteChoice, AutocompleteOptions, Hit, SearchOptions, SearchResponse } from './types.js';
import { AliasTable } from './aliases.js';
import { autocompleteChoices } from './autocomplete.js';
import { Engine } from './engine.js';
import { analyzeFact, isReusable, type AnalyzedFact } from './fact-doc.js';
import { coverage, planQuery, toMiniSearchQuery, type QueryPlan, type Unit } from './query-plan.js';
import { suggestCorrections } from './suggest.js';
import { Vocabulary, VocabularyBuilder } from './vocabulary.js';

export interface FactIndexOptions {
  /**
   * The relevance floor: the share of the query's words (alias names count as one) a fact must
   * match to be a hit, where a match only in a quote counts half and a typo match ¾. Default 0.6,
   * so both words of a two-word query must match, and an off-topic query that happens to share one
   * word with the case ("football score") finds nothing.
   */
  readonly minCoverage?: number;
}

export interface BuildAsyncOptions extends FactIndexOptions {
  /** An index of an earlier version of the fact set: unchanged facts reuse its analysis. */
  readonly previous?: FactIndex;
  /** Facts per slice between yields to the event loop (a slice also ends after ~10 ms). Default 500. */
  readonly chunkSize?: number;
  /** Aborting rejects the build with the signal's reason. */
  readonly signal?: AbortSignal;
}

const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 50;
const DEFAULT_MIN_COVERAGE = 0.6;
const SLICE_MS = 10;
const EMPTY: SearchResponse = { hits: [], suggestions: [] };

export class FactIndex {
  readonly factSet: FactSet;
  private readonly analyzed: readonly AnalyzedFact[];
  private readonly engine: Engine;
  private readonly vocabulary: Vocabulary;
  private readonly aliases: AliasTable;
  private readonly minCoverage: number;
  /** Position of each fact by `case/id`, for exact lookups (autocomplete values). */
  private readonly positions: ReadonlyMap<string, number>;

  private constructor(factSet: FactSet, analyzed: AnalyzedFact[], engine: Engine, vocabulary: Vocabulary, options: FactIndexOptions) {
    this.factSet = factSet;
    this.analyzed = analyzed;
    this.engine = engine;
    this.vocabulary = vocabulary;
    this.aliases = AliasTable.fromFactSet(factSet);
    this.minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
    this.positions = new Map(factSet.facts.map((fact, i) => [factKey(fact), i]));
  }

  /**
   * Builds the index in one go. Fine for a few thousand facts; use {@link FactIndex.buildAsync}
   * where blocking the event loop matters.
   *
   * @example
   * const index = FactIndex.build(factSet);
   * index.search('who canceled the sale').hits[0]?.fact.id // => 'seller-canceled-transaction'
   */
  static build(factSet: FactSet, options: FactIndexOptions = {}): FactIndex {
    const engine = new Engine();
    const vocabulary = new VocabularyBuilder();
    const analyzed = factSet.facts.map((fact, i) => {
      const a = analyzeFact(fact);
      engine.add({ id: i, ...a.fields });
      vocabulary.add(a);
      return a;
    });
    return new FactIndex(factSet, analyzed, engine, vocabulary.finish(), options);
  }

  /**
   * Builds the index in slices, yielding to the event loop (`setImmediate`) between them so a large
   * build never blocks other work for long. With `previous`, facts whose text, tags and quotes did
   * not change reuse their analysis (the expensive part); `previous` itself is never modified and
   * stays usable.
   *
   * @example
   * const next = await FactIndex.buildAsync(newFactSet, { previous: current, signal });
   */
  static async buildAsync(factSet: FactSet, options: BuildAsyncOptions = {}): Promise<FactIndex> {
    const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 500));
    const reusable = options.previous?.analysisByKey();
    const engine = new Engine();
    const vocabulary = new VocabularyBuilder();
    const analyzed: AnalyzedFact[] = [];
    let sliceStart = performance.now();
    let inSlice = 0;
    for (const [i, fact] of factSet.facts.entries()) {
      if (inSlice >= chunkSize || performance.now() - sliceStart >= SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
        inSlice = 0;
      }
      options.signal?.throwIfAborted();
      const old = reusable?.get(factKey(fact));
      const a = old !== undefined && isReusable(old, fact) ? { ...old, source: fact } : analyzeFact(fact);
      engine.add({ id: i, ...a.fields });
      vocabulary.add(a);
      analyzed.push(a);
      inSlice++;
    }
    options.signal?.throwIfAborted();
    return new FactIndex(factSet, analyzed, engine, vocabulary.finish(), options);
  }

  /** Number of indexed facts. */
  get size(): number {
    return this.factSet.facts.length;
  }

  /**
   * Ranked facts for a query, best first, with the normalised query terms each one matched. Never
   * throws: any string is a valid query; one with no meaningful words returns nothing. A query equal
   * to a fact key (`case/id`, what autocomplete puts in choice values) returns exactly that fact.
   * When nothing clears the relevance floor, `suggestions` may hold a corrected query.
   *
   * @example
   * index.search('jaxs').hits.map((h) => h.fact.id) // => ['jaxa-among-targets', …]
   * index.search('kataa') // => { hits: [], suggestions: ['kato'] }
   * index.search('pizza recipe') // => { hits: [], suggestions: [] }
   */
  search(query: string, options: SearchOptions = {}): SearchResponse {
    const text = typeof query === 'string' ? query : '';
    const limit = clampLimit(options.limit);
    const exact = this.lookup(text.trim(), options.caseId);
    if (exact !== undefined) return { hits: [{ fact: exact, score: 1, matched: [] }], suggestions: [] };
    const plan = planQuery(text, this.aliases, this.vocabulary, options.caseId);
    if (plan.units.length === 0) return EMPTY;
    const hits = this.rank(plan, limit, options.caseId, true);
    if (hits.length > 0) return { hits, suggestions: [] };
    const suggestions = suggestCorrections(plan, this.engine, this.vocabulary, (q) => {
      const p = planQuery(q, this.aliases, this.vocabulary, options.caseId);
      return p.units.length > 0 && this.rank(p, 1, options.caseId, true).length > 0;
    });
    return { hits: [], suggestions };
  }

  /**
   * Choices for a slash-command option being typed: completions of the last word, alias names, and
   * facts (value = the fact's key, which {@link FactIndex.search} resolves to that fact).
   *
   * @example
   * index.autocomplete('cyb') // => [{ name: 'cyberattacks', value: 'cyberattacks', kind: 'term' }, …]
   */
  autocomplete(input: string, options: AutocompleteOptions = {}): AutocompleteChoice[] {
    const text = typeof input === 'string' ? input : '';
    return autocompleteChoices(
      text,
      {
        facts: this.factSet.facts,
        vocabulary: this.vocabulary,
        aliases: this.aliases,
        searchFacts: (partial, limit, caseId) => {
          const plan = planQuery(partial, this.aliases, this.vocabulary, caseId);
          // No typo tolerance while typing: a half-typed word is not a typo.
          const cheap: QueryPlan = { units: plan.units.map(withoutFuzzy) };
          return cheap.units.length === 0 ? [] : this.rank(cheap, limit, caseId, false).map((h) => h.fact);
        },
      },
      options,
    );
  }

  /** @internal The analysis of each fact by key, for {@link FactIndex.buildAsync}'s reuse. */
  analysisByKey(): Map<string, AnalyzedFact> {
    return new Map(this.analyzed.map((a, i) => [factKey(this.factSet.facts[i] ?? a.source), a]));
  }

  private lookup(key: string, caseId?: string): Fact | undefined {
    if (key.length === 0 || key.length > 200) return undefined;
    const position = this.positions.get(key);
    const fact = position === undefined ? undefined : this.factSet.facts[position];
    return fact !== undefined && (caseId === undefined || fact.caseId === caseId) ? fact : undefined;
  }

  /**
   * AND first: when every unit matches in at least `limit` facts, the OR pass (which scores every
   * fact matching any word) is skipped. Both passes go through the same relevance floor.
   */
  private rank(plan: QueryPlan, limit: number, caseId: string | undefined, fallback: boolean): Hit[] {
    const units = plan.units.length;
    const reachable = plan.units.filter((u) => this.reachable(u)).length;
    if (reachable / units < this.minCoverage) return [];
    let results = this.execute(plan, 'AND', caseId);
    if (fallback && results.length < limit && units > 1) results = this.execute(plan, 'OR', caseId);
    // Coverage only lowers a score (fraction ≤ 1), so results are visited by raw score and the scan
    // stops once no remaining raw score can beat the current k-th hit: large result sets cost one
    // sort, not one coverage computation each.
    const candidates = results
      .map((result) => ({ result, raw: result.score / Math.max(1, result.queryTerms.length) }))
      .sort((a, b) => b.raw - a.raw);
    const hits: Hit[] = [];
    for (const { result, raw } of candidates) {
      if (hits.length >= limit && raw <= (hits[limit - 1]?.score ?? 0)) break;
      const id: unknown = result.id;
      const fact = typeof id === 'number' ? this.factSet.facts[id] : undefined;
      if (fact === undefined) continue;
      const covered = coverage(plan, result.queryTerms, result.match);
      if (covered.fraction < this.minCoverage) continue;
      // MiniSearch multiplies by the number of matched query terms; coverage replaces that.
      hits.push({ fact, score: raw * covered.fraction, matched: covered.matched });
      hits.sort((a, b) => b.score - a.score);
      if (hits.length > limit) hits.pop();
    }
    return hits;
  }

  private reachable(unit: Unit): boolean {
    if (unit.kind === 'alias' || unit.known) return true;
    return unit.leaf.fuzzy > 0 && this.engine.nearTerms(unit.leaf.term, unit.leaf.fuzzy).length > 0;
  }

  private execute(plan: QueryPlan, combineWith: 'AND' | 'OR', caseId?: string): SearchResult[] {
    const facts = this.factSet.facts;
    return this.engine.search(toMiniSearchQuery(plan, combineWith), {
      ...(caseId === undefined ? {} : { boostDocument: (id: unknown) => (typeof id === 'number' && facts[id]?.caseId === caseId ? 1 : 0) }),
    });
  }
}

function withoutFuzzy(unit: Unit): Unit {
  return unit.kind === 'term' ? { ...unit, leaf: { ...unit.leaf, fuzzy: 0 } } : unit;
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}
