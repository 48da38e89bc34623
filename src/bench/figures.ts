import { z } from 'zod';

/** The measured figures of one size, as `bench --json` prints them (milliseconds unless named otherwise). */
export interface SizeFigures {
  readonly facts: number;
  readonly build_ms: number;
  readonly reload_ms: number;
  readonly incremental_reload_ms: number;
  readonly reload_max_block_ms: number;
  readonly incremental_reload_max_block_ms: number;
  readonly heap_mb: number;
  readonly query_p50_ms: number;
  readonly query_p99_ms: number;
  readonly autocomplete_p50_ms: number;
  readonly autocomplete_p99_ms: number;
  readonly baseline_fuzzy_p50_ms: number;
  readonly baseline_fuzzy_p99_ms: number;
  readonly query_p99_vs_baseline: number;
  /** Timed calls per pass; the latency figures are the median over {@link SizeFigures.passes} passes. */
  readonly queries: number;
  readonly autocomplete_calls: number;
  readonly passes: number;
  /** Each pass's p99, to show the spread behind the medians. */
  readonly query_p99_passes_ms: readonly number[];
  readonly autocomplete_p99_passes_ms: readonly number[];
  /** Where a reload blocks: each step of `FactStore.reload` alone, with its longest event-loop block. */
  readonly breakdown: ReloadBreakdown;
}

export interface ReloadBreakdown {
  /** `loadFactsDir` on the main thread (what FactStore.reload does today). */
  readonly load_ms: number;
  readonly load_max_block_ms: number;
  /** `loadFactsDirInWorker`. */
  readonly worker_load_ms: number;
  readonly worker_load_max_block_ms: number;
  /** `FactIndex.buildAsync` with the previous index (after a full change). */
  readonly index_build_async_ms: number;
  readonly index_build_async_max_block_ms: number;
  /** `diffFactSetsInSlices`, as the store runs it. */
  readonly diff_ms: number;
  readonly diff_max_block_ms: number;
}

/** The figures that are plain numbers (all but the breakdown and the per-pass lists). */
export type NumericFigure = Exclude<keyof SizeFigures, 'breakdown' | 'query_p99_passes_ms' | 'autocomplete_p99_passes_ms'>;

export interface TargetResult {
  readonly size: number;
  readonly figure: NumericFigure;
  readonly limit: number;
  /** null when the size was not measured (`--quick`). */
  readonly value: number | null;
  readonly pass: boolean | null;
}

/** The targets, on the 2-core machine: at 100k facts, and every latency p99 at 1k. */
export const TARGETS: readonly { readonly size: number; readonly figure: NumericFigure; readonly limit: number }[] = [
  { size: 100_000, figure: 'query_p99_ms', limit: 30 },
  { size: 100_000, figure: 'autocomplete_p99_ms', limit: 10 },
  { size: 100_000, figure: 'heap_mb', limit: 250 },
  { size: 100_000, figure: 'reload_max_block_ms', limit: 50 },
  { size: 100_000, figure: 'incremental_reload_max_block_ms', limit: 50 },
  { size: 1000, figure: 'query_p99_ms', limit: 1 },
  { size: 1000, figure: 'autocomplete_p99_ms', limit: 1 },
];

/** Each target checked against the measured sizes. */
export function checkTargets(sizes: ReadonlyMap<number, SizeFigures>): TargetResult[] {
  return TARGETS.map((t) => {
    const figures = sizes.get(t.size);
    const value = figures ? figures[t.figure] : undefined;
    if (typeof value !== 'number') return { ...t, value: null, pass: null };
    return { ...t, value, pass: value <= t.limit };
  });
}

const n = z.number();
const breakdownSchema = z.object({
  load_ms: n, load_max_block_ms: n, worker_load_ms: n, worker_load_max_block_ms: n,
  index_build_async_ms: n, index_build_async_max_block_ms: n, diff_ms: n, diff_max_block_ms: n,
});

/** Checks what a bench child printed: the parent trusts nothing it parses. */
export const sizeFiguresSchema = z.object({
  facts: n, build_ms: n, reload_ms: n, incremental_reload_ms: n, reload_max_block_ms: n,
  incremental_reload_max_block_ms: n, heap_mb: n, query_p50_ms: n, query_p99_ms: n,
  autocomplete_p50_ms: n, autocomplete_p99_ms: n, baseline_fuzzy_p50_ms: n, baseline_fuzzy_p99_ms: n,
  query_p99_vs_baseline: n, queries: n, autocomplete_calls: n, passes: n,
  query_p99_passes_ms: z.array(n), autocomplete_p99_passes_ms: z.array(n), breakdown: breakdownSchema,
});
