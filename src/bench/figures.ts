import { z } from 'zod';

/*
 * The measured figures of one size, as `bench --json` prints them (milliseconds unless a name says
 * otherwise). The schemas are the one definition: the parent validates what a child printed with
 * them, and the TypeScript types are inferred from them.
 */

const n = z.number();
const list = z.array(n).readonly();

/** Where a reload blocks: each step of `FactStore.reload` alone, against a fully changed folder. */
export const reloadBreakdownSchema = z
  .object({
    /** `loadFactsDir` on the main thread (the fallback when the worker cannot run). */
    load_ms: n,
    load_max_block_ms: n,
    /** `loadFactsDirInWorker` (what FactStore.reload does). */
    worker_load_ms: n,
    worker_load_max_block_ms: n,
    /** `FactIndex.buildAsync` with the previous index (after a full change). */
    index_build_async_ms: n,
    index_build_async_max_block_ms: n,
    /** `diffFactSetsInSlices`, as the store runs it. */
    diff_ms: n,
    diff_max_block_ms: n,
  })
  .readonly();

export type ReloadBreakdown = z.infer<typeof reloadBreakdownSchema>;

/** What the semantic stage costs, each part alone. */
export const semanticFiguresSchema = z
  .object({
    /** The word vectors' version (model, dims, checksum) the figures were measured with. */
    model: z.string(),
    dims: n,
    /** Words in the word-vector file. */
    words: n,
    /** `WordVectors.load()` of the committed file, cold: the first thing the bench child does. */
    words_load_ms: n,
    /** `Glossary.load()` of the committed glossary, cold. */
    glossary_load_ms: n,
    /** `addVectors` on a lexical-only index of the whole set: every fact embedded (nothing to reuse). */
    vectors_ms: n,
    vectors_max_block_ms: n,
    /** Facts that build embedded (all of them). */
    vectors_embedded: n,
    /** Of `vectors_ms`: `RelatedWords.build` over the words the facts use, alone. */
    related_words_ms: n,
    /** Fact words the related-words table holds (those the model knows). */
    related_words: n,
    /** Of `vectors_ms`: `FactVectors.build` alone. */
    fact_vectors_ms: n,
    /** `addVectors` for the snapshot of a 1% reload, reusing the previous snapshot's vectors (median of 3 runs). */
    incremental_vectors_ms: n,
    incremental_vectors_max_block_ms: n,
    incremental_vectors_embedded: n,
    /** `words.embedInto(query words, out)` alone, in microseconds, over the timed queries. */
    embed_query_p50_us: n,
    embed_query_p99_us: n,
    /**
     * `vectors.search(q, 15, floor)` alone (all cases), over the queries the model has a vector for,
     * with the floor `FactIndex.search` scans with (`vector_search_floor`: the semantic-only cosine;
     * the scan stops a row early once it cannot reach it). `FactIndex.search` skips the scan when the
     * words alone found a full page, so `/case` runs it for only some queries.
     */
    vector_search_p50_ms: n,
    vector_search_p99_ms: n,
    vector_search_queries: n,
    vector_search_floor: n,
    /**
     * The off-topic check alone, in microseconds, over the same queries: whether an everyday
     * question reaches the floor /case asks about when the closest fact it would show is at 0.6
     * (`EverydayVectors.reaches`: a bounded scan of a few hundred rows, whatever the number of facts).
     * The facts' side costs nothing more: their cosines are known.
     */
    off_topic_check_p50_us: n,
    off_topic_check_p99_us: n,
  })
  .readonly();

export type SemanticFigures = z.infer<typeof semanticFiguresSchema>;

/** Checks what a bench child printed: the parent trusts nothing it parses. */
export const sizeFiguresSchema = z
  .object({
    facts: n,
    /** `FactIndex.build` (lexical, one piece) of the whole set. */
    build_ms: n,
    /**
     * `FactStore.open` until it resolves and serves: worker load, language data, lexical index (and,
     * for a small fact set, which the store does not serve before its vectors are attached, the vectors).
     */
    open_ms: n,
    /** From the start of `FactStore.open` until `semanticReady` resolves: the vectors built in the background. */
    semantic_ready_ms: n,
    /** The longest event-loop block between `open` resolving and `semanticReady` (0 when `open` waited for it). */
    semantic_ready_max_block_ms: n,
    /** `FactStore.reload` of a fully changed folder (lexical and vectors). */
    reload_ms: n,
    /** `FactStore.reload` of a folder with 1% of the facts changed. */
    incremental_reload_ms: n,
    reload_max_block_ms: n,
    incremental_reload_max_block_ms: n,
    /** Facts the 1% reload changed, and facts its vector build embedded (the rest were reused). */
    incremental_reload_changed: n,
    incremental_reload_embedded: n,
    /** After the store is open with vectors attached and the model loaded, after a full GC: `heapUsed`. */
    heap_mb: n,
    /** `external` at the same moment (it includes `arrayBuffers`: typed arrays' backing stores, e.g. vectors). */
    external_mb: n,
    /** Of `external_mb`: `arrayBuffers`. */
    array_buffers_mb: n,
    /** `heapUsed + external`: what the memory target counts. */
    heap_external_mb: n,
    /** `/case` search + answer + render on the store's index with the semantic stage on. */
    query_p50_ms: n,
    query_p99_ms: n,
    autocomplete_p50_ms: n,
    autocomplete_p99_ms: n,
    /**
     * `/case what happened` (the case's overview: each summary sentence's closest facts) asked the
     * first time on the served index — the story is told then — and the p99 of the asks after it,
     * which reuse the story the snapshot keeps.
     */
    overview_first_ms: n,
    overview_p99_ms: n,
    /** The same queries on a lexical-only index of the same facts and language data (`lexicalOnly: true`). */
    lexical_query_p50_ms: n,
    lexical_query_p99_ms: n,
    lexical_autocomplete_p50_ms: n,
    lexical_autocomplete_p99_ms: n,
    /** Bare MiniSearch, `fuzzy: 0.2, prefix: true` (OR): what a first version would have done. */
    baseline_fuzzy_p50_ms: n,
    baseline_fuzzy_p99_ms: n,
    query_p99_vs_baseline: n,
    /** Bare MiniSearch, AND, prefix for terms of 3+ characters, fuzzy only for terms it does not know. */
    baseline_fair_p50_ms: n,
    baseline_fair_p99_ms: n,
    query_p99_vs_fair_baseline: n,
    /** Timed calls per pass; the latency figures are the median over `passes` passes. */
    queries: n,
    autocomplete_calls: n,
    passes: n,
    /** Each pass's p99, to show the spread behind the medians. */
    query_p99_passes_ms: list,
    autocomplete_p99_passes_ms: list,
    lexical_query_p99_passes_ms: list,
    baseline_fair_p99_passes_ms: list,
    breakdown: reloadBreakdownSchema,
    semantic: semanticFiguresSchema,
  })
  .readonly();

export type SizeFigures = z.infer<typeof sizeFiguresSchema>;

/** The top-level figures that are plain numbers (what a target can be set on). */
export type NumericFigure = { [K in keyof SizeFigures]: SizeFigures[K] extends number ? K : never }[keyof SizeFigures];

/** A target: `figure` at `size` facts must be at most `limit`, a number or another figure of the same size. */
export interface Target {
  readonly size: number;
  readonly figure: NumericFigure;
  readonly limit: number | { readonly figure: NumericFigure };
  /** What the target means, for the report. */
  readonly what: string;
}

export interface TargetResult {
  readonly size: number;
  readonly figure: NumericFigure;
  readonly what: string;
  /** The limit as a number; null when it is another figure that was not measured. */
  readonly limit: number | null;
  /** The figure the limit was read from, when it is not a constant. */
  readonly limitFigure?: NumericFigure;
  /** null when the size was not measured (`--quick`). */
  readonly value: number | null;
  readonly pass: boolean | null;
}

/**
 * The targets (issue #9), on the 2-core machine: at 100k facts, and the `/case` and autocomplete
 * p99 at 1k. Latencies are measured with the semantic stage on.
 */
export const TARGETS: readonly Target[] = [
  { size: 100_000, figure: 'query_p99_ms', limit: 30, what: '/case search + render p99, semantic on' },
  { size: 100_000, figure: 'autocomplete_p99_ms', limit: 10, what: 'autocomplete p99' },
  { size: 100_000, figure: 'heap_external_mb', limit: 400, what: 'heap + external with the model loaded' },
  { size: 100_000, figure: 'reload_max_block_ms', limit: 50, what: 'longest block during a full reload' },
  { size: 100_000, figure: 'incremental_reload_max_block_ms', limit: 50, what: 'longest block during a 1% reload' },
  {
    size: 100_000,
    figure: 'incremental_reload_embedded',
    limit: { figure: 'incremental_reload_changed' },
    what: 'a 1% reload embeds only the changed facts',
  },
  { size: 100_000, figure: 'semantic_ready_ms', limit: 15 * 60_000, what: 'semantic search ready (cold start, in the background)' },
  { size: 1000, figure: 'query_p99_ms', limit: 2, what: '/case search + render p99, semantic on' },
  { size: 1000, figure: 'autocomplete_p99_ms', limit: 1, what: 'autocomplete p99' },
];

/** Each target checked against the measured sizes. */
export function checkTargets(sizes: ReadonlyMap<number, SizeFigures>, targets: readonly Target[] = TARGETS): TargetResult[] {
  return targets.map((t) => {
    const figures = sizes.get(t.size);
    const limitFigure = typeof t.limit === 'number' ? undefined : t.limit.figure;
    const limit = typeof t.limit === 'number' ? t.limit : (figures?.[t.limit.figure] ?? null);
    const base = { size: t.size, figure: t.figure, what: t.what, limit, ...(limitFigure !== undefined ? { limitFigure } : {}) };
    const value = figures?.[t.figure];
    if (value === undefined || limit === null) return { ...base, value: value ?? null, pass: null };
    return { ...base, value, pass: value <= limit };
  });
}
