/**
 * A searchable index over a {@link FactSet}: build it once per fact set, then ask it questions.
 *
 * A FactIndex is a snapshot: a view of a shared {@link Engine} (the slots it serves) plus the fact
 * set. {@link FactIndex.buildAsync} with `previous` re-indexes only new and changed facts into the
 * previous snapshot's engine; the previous snapshot keeps answering exactly as before, since it
 * only looks at its own slots.
 */
import type { Fact, FactSet } from '../facts/types.js';
import { sameFactContent } from '../facts/diff.js';
import { FactKeyMap } from '../facts/fact-key-map.js';
import type { AutocompleteChoice, AutocompleteOptions, Hit, SearchOptions, SearchResponse } from './types.js';
import { AliasTable } from './aliases.js';
import { autocompleteChoices, defaultFacts } from './autocomplete.js';
import { Engine, trimEntry } from './engine.js';
import { analyzeFact, type DocTerms } from './fact-doc.js';
import { planQuery, type QueryPlan, type Unit } from './query-plan.js';
import { rankPlan, type RankContext } from './rank.js';
import { rerankForIntent } from './intent.js';
import { suggestCorrections } from './suggest.js';
import { Vocabulary } from './vocabulary.js';

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
  /** An index of an earlier version of the fact set: facts whose content did not change are not re-indexed. */
  readonly previous?: FactIndex;
  /** Facts per slice between yields to the event loop (a slice also ends after ~8 ms). Default 2000. */
  readonly chunkSize?: number;
  /** Aborting rejects the build with the signal's reason and undoes what it added. */
  readonly signal?: AbortSignal;
}

const DEFAULT_LIMIT = 5;
const INTENT_DEPTH = 15;
const MAX_LIMIT = 50;
const DEFAULT_MIN_COVERAGE = 0.6;
const SLICE_MS = 4;
/** Share of dead postings in an engine above which a reload builds a fresh, compact one. */
const MAX_DEAD_SHARE = 0.3;
const EMPTY: SearchResponse = { hits: [], suggestions: [] };

/** What a build produced besides the index, for tests and logs. */
export interface BuildStats {
  /** Documents analysed and added to the engine by this build. */
  readonly indexed: number;
  /** Whether the previous snapshot's engine was extended (false: a fresh engine was built). */
  readonly incremental: boolean;
}

interface Parts {
  readonly factSet: FactSet;
  readonly engine: Engine;
  readonly factBySlot: (Fact | undefined)[];
  readonly slotByKey: FactKeyMap<number>;
  readonly stats: BuildStats;
}

export class FactIndex {
  readonly factSet: FactSet;
  /** How this index was built. */
  readonly stats: BuildStats;
  private readonly engine: Engine;
  /** The facts this snapshot serves, by engine slot; its length is the snapshot's slot range. */
  private readonly factBySlot: readonly (Fact | undefined)[];
  private readonly slotByKey: FactKeyMap<number>;
  private readonly vocabulary: Vocabulary;
  private readonly aliases: AliasTable;
  private readonly ranking: RankContext;
  private readonly defaults = new Map<string, readonly Fact[]>();

  private constructor(parts: Parts, options: FactIndexOptions) {
    this.factSet = parts.factSet;
    this.stats = parts.stats;
    this.engine = parts.engine;
    this.factBySlot = parts.factBySlot;
    this.slotByKey = parts.slotByKey;
    this.vocabulary = new Vocabulary(parts.engine, parts);
    this.aliases = AliasTable.fromFactSet(parts.factSet);
    this.ranking = {
      engine: parts.engine,
      vocabulary: this.vocabulary,
      factBySlot: parts.factBySlot,
      liveCount: parts.factSet.facts.length,
      minCoverage: options.minCoverage ?? DEFAULT_MIN_COVERAGE,
    };
    parts.engine.head = this;
  }

  /**
   * Builds the index in one go. Fine for a few thousand facts; use {@link FactIndex.buildAsync}
   * where blocking the event loop matters.
   *
   * @example
   * const index = FactIndex.build(factSet);
   * index.search('jaxs').hits[0]?.fact.id // => 'jaxa-among-targets' (a typo of "jaxa")
   */
  static build(factSet: FactSet, options: FactIndexOptions = {}): FactIndex {
    const engine = new Engine();
    const factBySlot: Fact[] = [];
    const slotByKey = new FactKeyMap<number>();
    for (const fact of factSet.facts) {
      const slot = engine.add(analyzeFact(fact));
      factBySlot[slot] = fact;
      slotByKey.set(fact, slot);
    }
    engine.trim();
    return new FactIndex({ factSet, engine, factBySlot, slotByKey, stats: { indexed: factSet.facts.length, incremental: false } }, options);
  }

  /**
   * Builds the index in slices, yielding to the event loop (`setImmediate`) after every ~8 ms, so
   * a large build never blocks other work for long. With `previous` (the latest index built on its
   * engine), only facts whose text, tags or quotes changed, and new ones, are analysed and added;
   * the rest keep their documents. `previous` stays usable and answers exactly as before. When the
   * engine holds too many outdated documents, a fresh compact engine is built instead.
   *
   * @example
   * const next = await FactIndex.buildAsync(newFactSet, { previous: current, signal });
   */
  static async buildAsync(factSet: FactSet, options: BuildAsyncOptions = {}): Promise<FactIndex> {
    const previous = options.previous;
    const old = previous?.engine;
    const slicer = new Slicer(options.chunkSize ?? 2000, options.signal);
    // The engine is claimed before the first await, so a second build from the same snapshot
    // cannot pass the same check meanwhile and extend it too.
    const claimed = previous !== undefined && old !== undefined && !old.busy && old.head === previous && old.deadPostings <= MAX_DEAD_SHARE * old.totalPostings;
    if (claimed) old.busy = true;
    let extend = false;
    try {
      extend = claimed && (await reusableShare(previous, factSet, slicer)) >= 1 - MAX_DEAD_SHARE;
    } finally {
      if (claimed && !extend) old.busy = false;
    }
    const engine = extend && old !== undefined ? old : new Engine();
    const from = engine.slotCount;
    const added: DocTerms[] = [];
    const retired: DocTerms[] = [];
    engine.busy = true;
    try {
      // Filled up front so the array stays densely stored whatever order kept slots come in.
      const factBySlot = new Array<Fact | undefined>(from).fill(undefined);
      const slotByKey = new FactKeyMap<number>();
      const kept = extend ? new Uint8Array(from) : undefined;
      for (const fact of factSet.facts) {
        if (slicer.due()) await slicer.pause();
        const slot = extend ? previous?.slotByKey.get(fact) : undefined;
        const before = slot === undefined ? undefined : previous?.factBySlot[slot];
        if (slot !== undefined && kept !== undefined && before !== undefined && kept[slot] === 0 && sameFactContent(before, fact)) {
          kept[slot] = 1;
          factBySlot[slot] = fact;
          slotByKey.set(fact, slot);
          continue;
        }
        const doc = analyzeFact(fact);
        const at = engine.add(doc);
        if (extend) added.push(doc);
        factBySlot[at] = fact;
        slotByKey.set(fact, at);
      }
      await slicer.pause();
      if (extend && kept !== undefined && previous !== undefined) {
        // What the previous snapshot served and this one does not is now outdated.
        for (let slot = 0; slot < from; slot++) {
          if (slicer.due()) await slicer.pause();
          const fact = previous.factBySlot[slot];
          if (fact === undefined || kept[slot] !== 0) continue;
          const doc = analyzeFact(fact);
          engine.retire(doc);
          retired.push(doc);
        }
      } else {
        for (const entry of engine.byTerm.values()) {
          if (slicer.due()) await slicer.pause();
          trimEntry(entry);
        }
      }
      const stats: BuildStats = { indexed: extend ? added.length : factSet.facts.length, incremental: extend };
      return new FactIndex({ factSet, engine, factBySlot, slotByKey, stats }, options);
    } catch (error) {
      // A fresh engine is simply dropped; an extended one must forget what this build retired and added.
      if (extend) {
        for (const doc of retired) engine.unretire(doc);
        engine.rollback(from, added);
      }
      throw error;
    } finally {
      engine.busy = false;
    }
  }

  /**
   * The fact this snapshot serves that is equal to `fact` in every field (key, content, file and
   * line), so a reload can keep it instead of an identical copy.
   */
  servedCopyOf(fact: Fact): Fact | undefined {
    const mine = this.servedWithKeyOf(fact);
    return mine !== undefined && mine.file === fact.file && mine.line === fact.line && sameFactContent(mine, fact) ? mine : undefined;
  }

  /** Whether this snapshot serves a fact with the same key and the same indexed content. */
  indexes(fact: Fact): boolean {
    const mine = this.servedWithKeyOf(fact);
    return mine !== undefined && sameFactContent(mine, fact);
  }

  /** The fact this snapshot serves under `fact`'s key, whatever its content. */
  private servedWithKeyOf(fact: Fact): Fact | undefined {
    const slot = this.slotByKey.get(fact);
    return slot === undefined ? undefined : this.factBySlot[slot];
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
    // Ranked a little deeper than asked, so a fact the question's intent favours can move up into the limit.
    const ranked = this.rank(plan, Math.max(limit, INTENT_DEPTH), options.caseId, true);
    if (ranked.length > 0) return { hits: rerankForIntent(text, ranked).slice(0, limit), suggestions: [] };
    const suggestions = suggestCorrections(plan, this.vocabulary, (q) => {
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
        vocabulary: this.vocabulary,
        aliases: this.aliases,
        defaultFacts: (limit, caseId) => this.defaultFacts(limit, caseId),
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

  /** The facts offered for empty autocomplete input: computed once per snapshot and case. */
  private defaultFacts(limit: number, caseId?: string): readonly Fact[] {
    const key = `${limit}\u0000${caseId ?? ''}`;
    let facts = this.defaults.get(key);
    if (facts === undefined) {
      facts = defaultFacts(this.factSet.facts, limit, caseId);
      this.defaults.set(key, facts);
    }
    return facts;
  }

  private lookup(key: string, caseId?: string): Fact | undefined {
    if (key.length === 0 || key.length > 200) return undefined;
    const slot = this.slotByKey.getByKey(key);
    const fact = slot === undefined ? undefined : this.factBySlot[slot];
    return fact !== undefined && (caseId === undefined || fact.caseId === caseId) ? fact : undefined;
  }

  private rank(plan: QueryPlan, limit: number, caseId: string | undefined, fallback: boolean): Hit[] {
    return rankPlan(this.ranking, plan, limit, caseId, fallback);
  }
}

/**
 * The share of `next`'s facts that `previous` already indexes unchanged. Extending an engine with
 * mostly new documents would double it and then retire the old half — more work and a much larger
 * heap (whose GC pauses block the event loop) than building a fresh one.
 */
async function reusableShare(previous: FactIndex, next: FactSet, slicer: Slicer): Promise<number> {
  if (next.facts.length === 0) return 1;
  let reusable = 0;
  for (const fact of next.facts) {
    if (slicer.due()) await slicer.pause();
    if (previous.indexes(fact)) reusable++;
  }
  return reusable / next.facts.length;
}

/**
 * Decides when a build yields: every `chunkSize` steps or {@link SLICE_MS}, whichever comes first.
 * Callers write `if (slicer.due()) await slicer.pause()`: the check allocates nothing, where an
 * `await` per step allocated a promise per fact — hundreds of thousands per reload, for the
 * garbage collector to chase.
 */
class Slicer {
  private started = performance.now();
  private count = 0;
  constructor(
    private readonly chunkSize: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  due(): boolean {
    this.signal?.throwIfAborted();
    this.count++;
    // The clock is read every step: a step (analysing a fact) costs tens of microseconds, sometimes
    // a millisecond (Intl.Segmenter on a long Japanese passage), the clock call well under one.
    return this.count >= this.chunkSize || performance.now() - this.started >= SLICE_MS;
  }

  async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.started = performance.now();
    this.count = 0;
    this.signal?.throwIfAborted();
  }
}

function withoutFuzzy(unit: Unit): Unit {
  return unit.kind === 'term' ? { ...unit, leaf: { ...unit.leaf, fuzzy: 0 } } : unit;
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}
