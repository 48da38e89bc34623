/**
 * Rows of int8 unit vectors and their dot products with a query: the arithmetic every semantic
 * scan shares (fact vectors, moderators' questions, everyday questions, related words).
 *
 * The rows live in a WebAssembly memory of their own, and a scan runs one small SIMD loop over all
 * of them (`dot-kernel.wat`): 16 components per instruction, no early exit needed. Measured at 100k
 * facts × 195 dimensions: 3.5–4 ms per query, against 20–23 ms for the JavaScript scan with its
 * Cauchy–Schwarz early exit that it replaces (README, *Performance*).
 *
 * A row stores `round(x × 127)` of a unit vector; a query is written as `round(x × 32767)`, so a
 * dot product is an exact integer in units of {@link DOT_UNIT} (cosine = dot / DOT_UNIT, within
 * ~0.01 of the float cosine — the rows' rounding, as before; the query's adds ~1e-5).
 *
 * Mutable only while its owner builds it (`set`, `copy`); every owner freezes it by never writing
 * again once built. A scan writes the query and the results into this object's own memory, so the
 * results are a view valid until the next scan on the same rows (JavaScript runs one scan at a time).
 */
import { DOT_KERNEL_WASM } from './dot-kernel-wasm.js';

/** A row holds `round(x × ROW_SCALE)` of a unit vector, whose components are within ±1. */
const ROW_SCALE = 127;
/** A query is written as `round(x × QUERY_SCALE)` (int16). */
const QUERY_SCALE = 32767;
/** A dot product from {@link VectorRows.dots} divided by this is a cosine. */
export const DOT_UNIT = ROW_SCALE * QUERY_SCALE;
/** Components per SIMD step: a row's stride in bytes is a multiple of this. */
const LANES = 16;
const PAGE = 65536;

type Kernel = (query: number, rows: number, count: number, stride: number, out: number) => void;

let compiled: WebAssembly.Module | undefined;

/** The kernel, compiled once per process (231 bytes: synchronous compilation takes microseconds). */
function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Buffer.from(DOT_KERNEL_WASM, 'base64'));
  return compiled;
}

function instantiate(memory: WebAssembly.Memory): Kernel {
  const dots = new WebAssembly.Instance(kernelModule(), { env: { memory } }).exports['dots'];
  if (typeof dots !== 'function')
    throw new Error('the dot-product kernel exports no `dots` function; rebuild it with scripts/build-dot-kernel.ts');
  return (query, rows, count, stride, out) => {
    Reflect.apply(dots, undefined, [query, rows, count, stride, out]);
  };
}

export class VectorRows {
  /** Bytes per row: `dims` rounded up to a multiple of {@link LANES}, zero-padded. */
  private readonly stride: number;
  private readonly query: Int16Array;
  private readonly out: Int32Array;
  private readonly rows: Int8Array;
  /** Byte offsets of the three areas in the memory. */
  private readonly queryAt: number;
  private readonly outAt: number;
  private readonly rowsAt: number;
  private readonly kernel: Kernel;

  /** `capacity` zero rows of `dims` components (a zero row's dot product is 0). */
  constructor(
    readonly capacity: number,
    readonly dims: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 0 || !Number.isInteger(dims) || dims <= 0)
      throw new RangeError(`vector rows need a whole capacity ≥ 0 and dimensions > 0, not ${capacity} × ${dims}`);
    this.stride = Math.ceil(dims / LANES) * LANES;
    this.queryAt = 0;
    this.outAt = this.stride * 2;
    this.rowsAt = this.outAt + Math.ceil((capacity * 4) / LANES) * LANES;
    const bytes = this.rowsAt + capacity * this.stride;
    const pages = Math.max(1, Math.ceil(bytes / PAGE));
    // A fixed size: the memory never grows, so the views below never detach.
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    this.query = new Int16Array(memory.buffer, this.queryAt, this.stride);
    this.out = new Int32Array(memory.buffer, this.outAt, capacity);
    this.rows = new Int8Array(memory.buffer, this.rowsAt, capacity * this.stride);
    this.kernel = instantiate(memory);
  }

  /** Bytes these rows hold (rows, results and query), for memory reports. */
  get byteLength(): number {
    return this.rowsAt + this.rows.length;
  }

  /** Writes `vector` (a unit vector of {@link dims} numbers) into row `row`. */
  set(row: number, vector: Float32Array): void {
    const at = this.rowAt(row);
    for (let d = 0; d < this.dims; d++)
      this.rows[at + d] = Math.max(-ROW_SCALE, Math.min(ROW_SCALE, Math.round((vector[d] ?? 0) * ROW_SCALE)));
  }

  /** Copies `count` rows of `source` from `from` into this object's rows from `row` (same dims). */
  copy(row: number, source: VectorRows, from: number, count = 1): void {
    if (source.dims !== this.dims) throw new RangeError(`cannot copy rows of ${source.dims} dimensions into rows of ${this.dims}`);
    if (count <= 0) return;
    // rowAt throws for a run that does not fit, on either side.
    source.rowAt(from + count - 1);
    this.rowAt(row + count - 1);
    const at = source.rowAt(from);
    this.rows.set(source.rows.subarray(at, at + count * this.stride), this.rowAt(row));
  }

  /**
   * The dot products of `query` (a unit vector of {@link dims} numbers) with rows `0…count-1`, in
   * units of {@link DOT_UNIT}: a view into this object's memory, overwritten by the next call of
   * `dots`, `cosine` or `bestCosine` on these rows.
   */
  dots(query: Float32Array, count = this.capacity): Int32Array {
    if (count < 0 || count > this.capacity) throw new RangeError(`cannot scan ${count} of ${this.capacity} rows`);
    this.writeQuery(query);
    this.kernel(this.queryAt, this.rowsAt, count, this.stride, this.outAt);
    return this.out.subarray(0, count);
  }

  /** The cosine of `query` with row `row`. */
  cosine(row: number, query: Float32Array): number {
    return this.bestCosine(row, 1, query);
  }

  /** The best of {@link cosine} over rows `from…from+count-1`; −Infinity for none. */
  bestCosine(from: number, count: number, query: Float32Array): number {
    if (count <= 0) return -Infinity;
    const at = this.rowAt(from);
    this.rowAt(from + count - 1);
    this.writeQuery(query);
    this.kernel(this.queryAt, this.rowsAt + at, count, this.stride, this.outAt);
    let best = -Infinity;
    for (let r = 0; r < count; r++) best = Math.max(best, this.out[r] ?? -Infinity);
    return best / DOT_UNIT;
  }

  private writeQuery(query: Float32Array): void {
    if (query.length !== this.dims)
      throw new RangeError(`a query of ${query.length} dimensions cannot be compared with rows of ${this.dims}`);
    for (let d = 0; d < this.dims; d++)
      this.query[d] = Math.max(-QUERY_SCALE, Math.min(QUERY_SCALE, Math.round((query[d] ?? 0) * QUERY_SCALE)));
  }

  /** Byte offset of `row` in {@link rows}; throws when there is no such row. */
  private rowAt(row: number): number {
    if (!Number.isInteger(row) || row < 0 || row >= this.capacity) throw new RangeError(`no row ${row} in ${this.capacity} rows`);
    return row * this.stride;
  }
}

/**
 * Why the kernel cannot run in this process, or undefined when it can: WebAssembly with SIMD is on
 * by default in Node 20, but `node --jitless` has no WebAssembly at all. Checked before semantic
 * search is turned on (`loadLanguage`), so the bot then answers by words instead of failing reloads.
 */
export function dotKernelProblem(): string | undefined {
  try {
    const probe = new VectorRows(1, LANES);
    probe.set(0, new Float32Array(LANES).fill(0.25));
    if (probe.dots(new Float32Array(LANES).fill(0.25))[0] !== 16 * 32 * 8192) return 'the dot-product kernel computed a wrong result';
    return undefined;
  } catch (error) {
    return `the vector scan needs WebAssembly with SIMD, which this Node process does not offer (${error instanceof Error ? error.message : 'unknown error'}); it is on by default in Node 20 and off with --jitless`;
  }
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
