import { beforeAll, describe, expect, it } from 'vitest';
import { sizeFiguresSchema, type SizeFigures } from '../../src/bench/figures.js';
import { measureSize } from '../../src/bench/measure.js';
import { WordVectors } from '../../src/search/semantic/word-vectors.js';

/**
 * One real (small) measurement, as a bench child takes it: the whole pipeline runs, with the
 * committed word vectors, and its output is what the parent accepts.
 */
describe('measureSize', () => {
  let figures: SizeFigures;
  let words: WordVectors;

  beforeAll(async () => {
    words = await WordVectors.load();
    figures = await measureSize(300, { seed: 3, queries: 60, passes: 1, autocompleteCalls: 120, warmUp: 40 });
  }, 120_000);

  it('prints figures the parent accepts', () => {
    const printed: unknown = JSON.parse(JSON.stringify(figures));
    expect(sizeFiguresSchema.parse(printed)).toEqual(figures);
    expect(figures.facts).toBe(300);
    expect(figures.queries).toBe(60);
    expect(figures.query_p99_passes_ms).toHaveLength(1);
  });

  it('measures with the semantic stage on, with the committed word vectors (whatever their dims)', () => {
    expect(figures.semantic).toMatchObject({ model: words.version, dims: words.dims, words: words.size, vectors_embedded: 300 });
    expect(figures.semantic.related_words).toBeGreaterThan(0);
    expect(figures.semantic.vector_search_queries).toBeGreaterThan(0);
    expect(figures.semantic_ready_ms).toBeGreaterThanOrEqual(figures.open_ms);
  });

  it('sees a 1% reload embed only the changed facts', () => {
    expect(figures.incremental_reload_changed).toBe(3);
    expect(figures.incremental_reload_embedded).toBe(3);
    expect(figures.semantic.incremental_vectors_embedded).toBe(3);
  });

  it('counts external memory (typed arrays: the vectors) into the memory target', () => {
    expect(figures.external_mb).toBeGreaterThanOrEqual(figures.array_buffers_mb);
    // The word-vector rows alone (int8, one byte per dimension and word) live outside the V8 heap.
    expect(figures.array_buffers_mb).toBeGreaterThan((words.size * words.dims) / (1024 * 1024));
    // Each figure is rounded on its own (`roundFigure`: to 1 MB from 100 MB on), so the sum of the
    // rounded parts may be up to 0.5 + 0.05 + 0.05 away from the rounded whole.
    expect(Math.abs(figures.heap_external_mb - (figures.heap_mb + figures.external_mb))).toBeLessThanOrEqual(0.6 + 1e-9);
  });
});
