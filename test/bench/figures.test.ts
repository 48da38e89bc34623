import { describe, expect, it } from 'vitest';
import { checkTargets, sizeFiguresSchema, TARGETS, type SizeFigures, type Target } from '../../src/bench/figures.js';
import { toJson, toMarkdown, type BenchResult } from '../../src/bench/run.js';

/** Figures of a size that meets every target (the shape `measureSize` returns). */
function figures(facts: number, overrides: Partial<SizeFigures> = {}): SizeFigures {
  return {
    facts,
    build_ms: 7000,
    open_ms: 9000,
    semantic_ready_ms: 20_000,
    semantic_ready_max_block_ms: 20,
    reload_ms: 16_000,
    incremental_reload_ms: 7000,
    reload_max_block_ms: 25,
    incremental_reload_max_block_ms: 26,
    incremental_reload_changed: 1000,
    incremental_reload_embedded: 1000,
    heap_mb: 150,
    external_mb: 30,
    array_buffers_mb: 25,
    heap_external_mb: 180,
    query_p50_ms: 0.4,
    query_p99_ms: 1.5,
    autocomplete_p50_ms: 0.2,
    autocomplete_p99_ms: 0.8,
    overview_first_ms: 12,
    overview_p99_ms: 0.1,
    lexical_query_p50_ms: 0.3,
    lexical_query_p99_ms: 1.2,
    lexical_autocomplete_p50_ms: 0.2,
    lexical_autocomplete_p99_ms: 0.8,
    baseline_fuzzy_p50_ms: 10,
    baseline_fuzzy_p99_ms: 250,
    query_p99_vs_baseline: 0.006,
    baseline_fair_p50_ms: 2,
    baseline_fair_p99_ms: 20,
    query_p99_vs_fair_baseline: 0.075,
    queries: 1000,
    autocomplete_calls: 3000,
    passes: 3,
    query_p99_passes_ms: [1.5, 1.4, 1.6],
    autocomplete_p99_passes_ms: [0.8, 0.8, 0.9],
    lexical_query_p99_passes_ms: [1.2, 1.1, 1.3],
    baseline_fair_p99_passes_ms: [20, 19, 21],
    breakdown: {
      load_ms: 5000,
      load_max_block_ms: 450,
      worker_load_ms: 7000,
      worker_load_max_block_ms: 12,
      index_build_async_ms: 8500,
      index_build_async_max_block_ms: 35,
      diff_ms: 90,
      diff_max_block_ms: 8,
    },
    semantic: {
      model: 'test-model/d96/0000',
      dims: 96,
      words: 75_000,
      words_load_ms: 80,
      glossary_load_ms: 90,
      vectors_ms: 9000,
      vectors_max_block_ms: 12,
      vectors_embedded: facts,
      related_words_ms: 500,
      related_words: 12_000,
      fact_vectors_ms: 8000,
      incremental_vectors_ms: 300,
      incremental_vectors_max_block_ms: 10,
      incremental_vectors_embedded: 1000,
      embed_query_p50_us: 3,
      embed_query_p99_us: 12,
      vector_search_p50_ms: 0.3,
      vector_search_p99_ms: 0.5,
      vector_search_queries: 760,
      vector_search_floor: 0.8,
      off_topic_check_p50_us: 40,
      off_topic_check_p99_us: 70,
    },
    ...overrides,
  };
}

const measured = (...sizes: SizeFigures[]): Map<number, SizeFigures> => new Map(sizes.map((f) => [f.facts, f]));

describe('sizeFiguresSchema', () => {
  it('accepts what a child prints, after the JSON round trip the parent does', () => {
    const printed: unknown = JSON.parse(JSON.stringify(figures(100_000)));
    expect(sizeFiguresSchema.parse(printed)).toEqual(figures(100_000));
  });

  it('rejects a child output with a figure missing or of the wrong type', () => {
    const { heap_external_mb: _, ...missing } = figures(1000);
    expect(sizeFiguresSchema.safeParse(missing).success).toBe(false);
    expect(sizeFiguresSchema.safeParse({ ...figures(1000), query_p99_ms: '1.5' }).success).toBe(false);
    expect(sizeFiguresSchema.safeParse({ ...figures(1000), semantic: { ...figures(1000).semantic, dims: null } }).success).toBe(false);
  });
});

describe('checkTargets', () => {
  it('passes every target when each figure is within its limit', () => {
    const results = checkTargets(measured(figures(1000), figures(100_000)));
    expect(results).toHaveLength(TARGETS.length);
    expect(results.filter((r) => r.pass !== true)).toEqual([]);
  });

  it.each<[string, Partial<SizeFigures>, string]>([
    ['a /case p99 over 30 ms with semantic on', { query_p99_ms: 31 }, 'query_p99_ms'],
    ['an autocomplete p99 over 10 ms', { autocomplete_p99_ms: 10.5 }, 'autocomplete_p99_ms'],
    ['heap + external over 400 MB', { heap_external_mb: 401 }, 'heap_external_mb'],
    ['a 1% reload blocking over 50 ms', { incremental_reload_max_block_ms: 51 }, 'incremental_reload_max_block_ms'],
    ['a 1% reload embedding more than the changed facts', { incremental_reload_embedded: 100_000 }, 'incremental_reload_embedded'],
    ['semantic search ready after more than 15 minutes', { semantic_ready_ms: 15 * 60_000 + 1 }, 'semantic_ready_ms'],
  ])('fails at 100k facts for %s', (_, over, figure) => {
    const results = checkTargets(measured(figures(1000), figures(100_000, over)));
    expect(results.filter((r) => r.pass === false).map((r) => [r.figure, r.size])).toEqual([[figure, 100_000]]);
  });

  it('fails at 1k facts for a /case p99 over 2 ms (semantic on)', () => {
    const failed = checkTargets(measured(figures(1000, { query_p99_ms: 2.1 }))).filter((r) => r.pass === false);
    expect(failed.map((r) => [r.figure, r.size, r.limit, r.value])).toEqual([['query_p99_ms', 1000, 2, 2.1]]);
  });

  it('reads a limit given as another figure of the same size', () => {
    const [result] = checkTargets(measured(figures(100_000, { incremental_reload_changed: 998, incremental_reload_embedded: 999 })), [
      { size: 100_000, figure: 'incremental_reload_embedded', limit: { figure: 'incremental_reload_changed' }, what: 'only changed facts' },
    ]);
    expect(result).toMatchObject({ limit: 998, limitFigure: 'incremental_reload_changed', value: 999, pass: false });
  });

  it('reports a size that was not measured (--quick) as not measured, not as failed', () => {
    const results = checkTargets(measured(figures(1000), figures(10_000)));
    expect(results.filter((r) => r.size === 100_000).every((r) => r.pass === null && r.value === null)).toBe(true);
    expect(results.filter((r) => r.size === 1000).every((r) => r.pass === true)).toBe(true);
  });

  it('checks a custom target list', () => {
    const targets: Target[] = [{ size: 1000, figure: 'lexical_query_p99_ms', limit: 1, what: 'lexical' }];
    expect(checkTargets(measured(figures(1000)), targets)[0]?.pass).toBe(false);
  });
});

describe('the report', () => {
  const sizes = measured(figures(1000), figures(100_000, { query_p99_ms: 45 }));
  const result: BenchResult = {
    sizes,
    targets: checkTargets(sizes),
    node: 'v20.0.0',
    cores: 2,
    loadAverages: new Map([
      [1000, [1.1, 1, 0.9]],
      [100_000, [1.2, 1.1, 1]],
    ]),
  };

  it('prints the semantic stage and both baselines, and marks a failed target', () => {
    const text = toMarkdown(result);
    expect(text).toContain('MiniSearch fair p99');
    expect(text).toContain('vector search p99');
    expect(text).toContain('heap + external MB');
    expect(text).toContain('100000: 1.2 / 1.1 / 1');
    expect(text).toMatch(/query_p99_ms at 100000 facts ≤ 30: 45 → FAIL/);
    expect(text).toMatch(/incremental_reload_embedded at 100000 facts ≤ incremental_reload_changed \(1000\): 1000 → pass/);
  });

  it('puts every size and target into the JSON', () => {
    const json: unknown = JSON.parse(JSON.stringify(toJson(result)));
    expect(json).toHaveProperty(['sizes', '1000', 'facts'], 1000);
    expect(json).toHaveProperty(['sizes', '100000', 'semantic', 'dims'], 96);
    expect(json).toHaveProperty(['load_averages', '1000'], [1.1, 1, 0.9]);
    expect(json).toMatchObject({
      targets: {
        'query_p99_ms@100000': { limit: 30, value: 45, pass: false },
        'incremental_reload_embedded@100000': { limit: 1000, limit_figure: 'incremental_reload_changed', pass: true },
        'query_p99_ms@1000': { limit: 2, pass: true },
      },
    });
  });
});
