/**
 * The arithmetic the semantic search shares: int8 rows of unit vectors, their dot products with a
 * query, and a best-first list of bounded length.
 */

/** Rows store `round(x × SCALE)` of a unit vector, whose components are within ±1. */
export const SCALE = 127;

/** Writes `vector` (a unit vector) into `rows` from `at` as int8. */
export function quantiseInto(vector: Float32Array, rows: Int8Array, at: number): void {
  for (let d = 0; d < vector.length; d++) rows[at + d] = Math.max(-SCALE, Math.min(SCALE, Math.round((vector[d] as number) * SCALE)));
}

/**
 * `Σ query[d] · rows[at + d]` for `d` in `[from, to)`, four lanes at a time: independent sums let
 * the CPU overlap the multiplications (measured: a 100k × 96 scan takes half the time of the plain loop).
 * Indexes stay within the arrays by the loop bounds, hence the plain reads.
 */
export function partialDot(query: Float32Array, rows: Int8Array, at: number, from: number, to: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let e = 0;
  let d = from;
  for (; d + 4 <= to; d += 4) {
    a += (query[d] as number) * (rows[at + d] as number);
    b += (query[d + 1] as number) * (rows[at + d + 1] as number);
    c += (query[d + 2] as number) * (rows[at + d + 2] as number);
    e += (query[d + 3] as number) * (rows[at + d + 3] as number);
  }
  for (; d < to; d++) a += (query[d] as number) * (rows[at + d] as number);
  return a + b + c + e;
}

/**
 * Inserts `hit` into `best` (sorted by cosine, best first) and keeps at most `limit` entries.
 * Returns the cosine a later hit must beat once the list is full, else undefined.
 */
export function keepBest<T extends { readonly cosine: number }>(best: T[], hit: T, limit: number): number | undefined {
  let pos = best.length;
  while (pos > 0 && (best[pos - 1]?.cosine ?? 0) < hit.cosine) pos--;
  best.splice(pos, 0, hit);
  if (best.length > limit) best.pop();
  return best.length === limit ? best[best.length - 1]?.cosine : undefined;
}

/**
 * Where a search checks whether a row can still reach the floor: after about 1/8, 1/4 and 1/2 of
 * the dimensions, each a multiple of 4 (see {@link partialDot}).
 */
export function checkpoints(dims: number): number[] {
  const at = [dims / 8, dims / 4, dims / 2].map((d) => Math.floor(d / 4) * 4);
  return [...new Set(at)].filter((d) => d > 0 && d < dims);
}

/** The norm of `rows[from…to)`. */
export function rowNorm(rows: Int8Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (rows[i] as number) ** 2;
  return Math.sqrt(sum);
}

/** The norm of `vector[from…]`. */
export function norm(vector: Float32Array, from: number): number {
  let sum = 0;
  for (let d = from; d < vector.length; d++) sum += (vector[d] as number) ** 2;
  return Math.sqrt(sum);
}

/**
 * A query prepared for {@link boundedDot}: the vector, the checkpoints of its dimensions and its
 * norm from each checkpoint on.
 */
export interface ScanQuery {
  readonly vector: Float32Array;
  readonly stops: readonly number[];
  readonly tails: readonly number[];
}

export function scanQuery(vector: Float32Array): ScanQuery {
  const stops = checkpoints(vector.length);
  return { vector, stops, tails: stops.map((from) => norm(vector, from)) };
}

/**
 * The dot product of `query` with row `r` (at `at`), or -Infinity as soon as it cannot reach
 * `threshold` (in row units). The dimensions come in order of falling energy (PCA), so the first
 * ones carry most of a dot product; at each checkpoint, Cauchy–Schwarz bounds what the rest can add,
 * and most rows of a large set are dropped after a fraction of the work.
 */
export function boundedDot(
  query: ScanQuery,
  rows: Int8Array,
  at: number,
  r: number,
  tails: readonly Float32Array[],
  threshold: number,
): number {
  const { vector, stops } = query;
  let dot = 0;
  let d = 0;
  for (let c = 0; c < stops.length; c++) {
    const stop = stops[c] as number;
    dot += partialDot(vector, rows, at, d, stop);
    d = stop;
    if (dot + (query.tails[c] as number) * ((tails[c] as Float32Array)[r] as number) < threshold) return -Infinity;
  }
  return dot + partialDot(vector, rows, at, d, vector.length);
}
