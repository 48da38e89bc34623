/**
 * The sentence vectors of one fact set: one int8 row per fact, in the fact set's order, searched by
 * brute-force dot product (`VectorRows`: one SIMD pass over all rows). Immutable once built; a
 * build reuses the rows of facts an earlier build already embedded (the store keeps the very
 * objects of unchanged facts, so identity is an exact test), so a reload embeds only new and
 * changed facts.
 */
import type { Fact, FactSet } from '../../facts/types.js';
import { FactKeyMap } from '../../facts/fact-key-map.js';
import { Slicer } from '../../shared/slicer.js';
import { embeddingWords } from './embedding-words.js';
import type { WordVectors } from './word-vectors.js';
import { DOT_UNIT, keepBest, VectorRows } from './vector-rows.js';

/** A fact and its cosine similarity to the query (−1…1, larger is closer). */
export interface SemanticHit {
  readonly fact: Fact;
  readonly cosine: number;
}

export interface BuildVectorsOptions {
  /** Vectors of an earlier fact set built with the same word vectors: rows of identical facts are copied. */
  readonly previous?: FactVectors;
  readonly signal?: AbortSignal;
  /** Called now and then with the number of facts done, for status. */
  readonly onProgress?: (done: number, total: number) => void;
}

export class FactVectors {
  private constructor(
    /** The word vectors' version: rows from another version are never reused. */
    readonly model: string,
    readonly dims: number,
    private readonly facts: readonly Fact[],
    private readonly rows: VectorRows,
    /** 1 where the fact had a word the model knows; rows of 0 are never returned. */
    private readonly present: Uint8Array,
    private readonly rowByKey: FactKeyMap<number>,
    /** Facts whose vector was computed by this build (the rest were copied). */
    readonly embedded: number,
  ) {}

  /** Number of facts with a row (all facts of the set). */
  get size(): number {
    return this.facts.length;
  }

  /**
   * Embeds every fact (text, tags and cited sentences) in slices that yield to the event loop, so
   * a build of 100k facts never blocks other work for long.
   *
   * @example
   * const vectors = await FactVectors.build(factSet, words, { previous: current.vectors });
   * vectors.search(queryVector, 5) // => [{ fact, cosine: 0.71 }, …]
   */
  static async build(factSet: FactSet, words: WordVectors, options: BuildVectorsOptions = {}): Promise<FactVectors> {
    const { dims } = words;
    const facts = factSet.facts;
    const rows = new VectorRows(facts.length, dims);
    const present = new Uint8Array(facts.length);
    const rowByKey = new FactKeyMap<number>();
    const previous = options.previous?.model === words.version && options.previous.dims === dims ? options.previous : undefined;
    const scratch = new Float32Array(dims);
    const slicer = new Slicer(options.signal);
    let embedded = 0;
    for (let i = 0; i < facts.length; i++) {
      if (slicer.due()) {
        options.onProgress?.(i, facts.length);
        await slicer.pause();
      }
      const fact = facts[i];
      if (fact === undefined) continue;
      rowByKey.set(fact, i);
      if (previous === undefined || !previous.copyRowInto(fact, rows, present, i)) {
        embedded++;
        if (words.embedInto(embeddingWords(fact), scratch)) {
          present[i] = 1;
          rows.set(i, scratch);
        }
      }
    }
    options.onProgress?.(facts.length, facts.length);
    return new FactVectors(words.version, dims, facts, rows, present, rowByKey, embedded);
  }

  /**
   * The `limit` facts closest to `query` (a unit vector of {@link dims} numbers) with a cosine of
   * at least `floor`, best first; only facts of `caseId` when given.
   */
  search(query: Float32Array, limit: number, floor: number, caseId?: string): SemanticHit[] {
    const { dims, facts, present } = this;
    if (query.length !== dims || limit <= 0) return [];
    const dots = this.rows.dots(query);
    const best: SemanticHit[] = [];
    // Compare the raw dot products against the floor in the same units.
    let threshold = floor * DOT_UNIT;
    for (let r = 0; r < dots.length; r++) {
      const dot = dots[r] as number;
      if (dot < threshold || present[r] === 0) continue;
      const fact = facts[r];
      if (fact === undefined || (caseId !== undefined && fact.caseId !== caseId)) continue;
      const cut = keepBest(best, { fact, cosine: dot / DOT_UNIT }, limit);
      if (cut !== undefined) threshold = Math.max(threshold, cut * DOT_UNIT);
    }
    return best;
  }

  /** The cosine between `query` and one fact of this set; undefined when the fact is not here or has no vector. */
  cosineOf(fact: Fact, query: Float32Array): number | undefined {
    const row = this.rowByKey.get(fact);
    if (row === undefined || this.facts[row] !== fact || this.present[row] === 0 || query.length !== this.dims) return undefined;
    return this.rows.cosine(row, query);
  }

  /** Copies this set's row of `fact` when it holds that very object; false when it does not. */
  private copyRowInto(fact: Fact, rows: VectorRows, present: Uint8Array, row: number): boolean {
    const mine = this.rowByKey.get(fact);
    if (mine === undefined || this.facts[mine] !== fact) return false;
    rows.copy(row, this.rows, mine);
    present[row] = this.present[mine] ?? 0;
    return true;
  }
}
