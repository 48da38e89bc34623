/**
 * Static word vectors for answering by meaning, offline: one committed binary file of int8 vectors
 * distilled from a sentence encoder (`scripts/distill-vectors.ts`), read here with nothing but
 * `node:fs`. A sentence vector is the weighted mean of its words' vectors, L2-normalised, so two
 * texts compare by a dot product.
 *
 * File format (little-endian), version 1:
 *
 * | offset | size | what |
 * |---|---|---|
 * | 0 | 4 | magic `CBWV` |
 * | 4 | 2 | format version (1) |
 * | 6 | 2 | reserved (0) |
 * | 8 | 4 | dims |
 * | 12 | 4 | count (words) |
 * | 16 | 4 | byte length of the model id (UTF-8) |
 * | 20 | 4 | byte length of the word list (UTF-8, words joined by `\n`) |
 * | 24 | 8 | first 8 bytes of the SHA-256 of everything after the header |
 * | 32 | … | model id, then the word list, then zero padding to a multiple of 4 |
 * | … | 4·count | float32 weight of each word (how much it counts in a sentence; 0–1) |
 * | … | 4·count | float32 scale of each word's int8 vector (value = int8 · scale) |
 * | … | dims·count | int8 vectors, one row per word |
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BoundedCache } from '../../shared/bounded-cache.js';
import { fileURLToPath } from 'node:url';

/** A word-vector file that cannot be used; the message names the file and what is wrong. */
export class WordVectorsError extends Error {
  override readonly name = 'WordVectorsError';
}

export const WORD_VECTORS_MAGIC = 'CBWV';
export const WORD_VECTORS_FORMAT = 1;
const HEADER_BYTES = 32;
const CHECKSUM_BYTES = 8;
/** Longest word kept; longer tokens are never looked up (they are not words). */
const MAX_WORD_LENGTH = 64;

/** Words whose {@link WordVectors.nearKnown} is remembered. */
const NEAR_KNOWN_CACHED = 4096;
const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

/** The committed file, next to this module. */
export const DEFAULT_WORD_VECTORS_FILE = fileURLToPath(new URL('./word-vectors.bin', import.meta.url));

/** What `encodeWordVectors` writes: `vectors` holds `words.length` rows of `dims` floats. */
export interface WordVectorsData {
  readonly modelId: string;
  readonly dims: number;
  readonly words: readonly string[];
  /** One weight per word, 0–1. */
  readonly weights: Float32Array;
  readonly vectors: Float32Array;
}

/**
 * Static word vectors: look-up of lowercase words, and sentence vectors as their weighted mean.
 * Immutable after loading; one instance can serve any number of indexes.
 *
 * @example
 * const vectors = await WordVectors.load();
 * const q = new Float32Array(vectors.dims);
 * if (vectors.embedInto(['was', 'data', 'stolen'], q)) { ... dot(q, factVector) ... }
 */
/**
 * A word of a sentence vector: a plain word counts once; a weighted one counts `weight` times (the
 * words an alias group's names add to a question: see `aliasWords` in query-plan.ts).
 */
export type SentenceWord = string | { readonly word: string; readonly weight: number };

export class WordVectors {
  /** Number of dimensions of every vector. */
  readonly dims: number;
  /** The model and file content, e.g. `use-lite-en@energetic-ai-0.2.0/d128/1a2b3c4d`: for cache keys and status. */
  readonly version: string;
  /** Number of words. */
  readonly size: number;
  /** The model the vectors were distilled from. */
  readonly modelId: string;

  private readonly index: Map<string, number>;
  /**
   * {@link nearKnown} of recent words: ~100 µs each (500 look-ups for a 9-letter name), and the
   * names a community asks about recur. Bounded; a pure function of the word for this file.
   */
  private readonly near = new BoundedCache<string, boolean>(NEAR_KNOWN_CACHED);
  /** weight × scale of each word: what its int8 row is multiplied by in a sentence sum. */
  private readonly factors: Float32Array;
  private readonly rows: Int8Array;

  private constructor(dims: number, modelId: string, checksum: string, index: Map<string, number>, factors: Float32Array, rows: Int8Array) {
    this.dims = dims;
    this.modelId = modelId;
    this.version = `${modelId}/d${dims}/${checksum}`;
    this.size = index.size;
    this.index = index;
    this.factors = factors;
    this.rows = rows;
  }

  /**
   * Reads and validates a word-vector file (default: the committed `word-vectors.bin` next to this
   * module). Throws `WordVectorsError` when it is missing, unreadable or not a valid file.
   */
  static async load(file: string = DEFAULT_WORD_VECTORS_FILE): Promise<WordVectors> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      const why = code === 'ENOENT' ? 'the file does not exist' : `it could not be read (${code === '' ? String(error) : code})`;
      throw new WordVectorsError(
        `word vectors ${file}: ${why}; regenerate it with \`npx tsx scripts/distill-vectors.ts\` or restore it from git`,
      );
    }
    return WordVectors.fromBuffer(bytes, file);
  }

  /** Validates and reads a word-vector file's bytes; `origin` names it in error messages. */
  static fromBuffer(buffer: Uint8Array, origin: string): WordVectors {
    const fail = (what: string): never => {
      throw new WordVectorsError(
        `word vectors ${origin}: ${what}; regenerate it with \`npx tsx scripts/distill-vectors.ts\` or restore it from git`,
      );
    };
    if (buffer.byteLength < HEADER_BYTES) {
      if (buffer.byteLength >= 4 && ascii(buffer, 0, 4) !== WORD_VECTORS_MAGIC)
        fail(`not a word-vector file (magic ${JSON.stringify(ascii(buffer, 0, 4))}, expected "${WORD_VECTORS_MAGIC}")`);
      fail(`file truncated: ${buffer.byteLength} bytes, shorter than the ${HEADER_BYTES}-byte header`);
    }
    const magic = ascii(buffer, 0, 4);
    if (magic !== WORD_VECTORS_MAGIC) fail(`not a word-vector file (magic ${JSON.stringify(magic)}, expected "${WORD_VECTORS_MAGIC}")`);
    const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const format = view.getUint16(4, true);
    if (format !== WORD_VECTORS_FORMAT) fail(`format version ${format}, this casebot reads version ${WORD_VECTORS_FORMAT}`);
    const dims = view.getUint32(8, true);
    const count = view.getUint32(12, true);
    const modelIdBytes = view.getUint32(16, true);
    const wordBytes = view.getUint32(20, true);
    if (dims === 0 || dims > 4096) fail(`implausible dimension count ${dims}`);
    if (count === 0) fail('no words');
    const textEnd = HEADER_BYTES + modelIdBytes + wordBytes;
    const weightsAt = align4(textEnd);
    const scalesAt = weightsAt + 4 * count;
    const rowsAt = scalesAt + 4 * count;
    const expected = rowsAt + dims * count;
    if (buffer.byteLength < expected)
      fail(`file truncated: ${buffer.byteLength} bytes, the header announces ${expected} (${count} words × ${dims} dims)`);
    if (buffer.byteLength > expected) fail(`${buffer.byteLength - expected} unexpected bytes after the ${expected} the header announces`);

    const checksum = hex(buffer.subarray(24, 24 + CHECKSUM_BYTES));
    const actual = createHash('sha256').update(buffer.subarray(HEADER_BYTES)).digest().subarray(0, CHECKSUM_BYTES);
    if (hex(actual) !== checksum) fail(`content damaged (checksum ${hex(actual)}, the header says ${checksum})`);

    const decoder = new TextDecoder('utf-8', { fatal: true });
    let modelId = '';
    let wordText = '';
    try {
      modelId = decoder.decode(buffer.subarray(HEADER_BYTES, HEADER_BYTES + modelIdBytes));
      wordText = decoder.decode(buffer.subarray(HEADER_BYTES + modelIdBytes, textEnd));
    } catch {
      fail('the model id or word list is not valid UTF-8');
    }
    const words = wordText.split('\n');
    if (words.length !== count) fail(`the word list has ${words.length} words, the header announces ${count}`);
    const index = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const word = words[i] ?? '';
      if (word === '' || word.length > MAX_WORD_LENGTH) fail(`word ${i + 1} is empty or too long`);
      if (index.has(word)) fail(`word ${JSON.stringify(word)} appears twice`);
      index.set(word, i);
    }

    const factors = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      const weight = view.getFloat32(weightsAt + 4 * i, true);
      const scale = view.getFloat32(scalesAt + 4 * i, true);
      if (!Number.isFinite(weight) || !Number.isFinite(scale) || weight < 0 || scale < 0)
        fail(`word ${JSON.stringify(words[i])} has an invalid weight or scale`);
      factors[i] = weight * scale;
    }
    // A copy: the vectors never alias a caller's buffer (and Node's pooled buffers).
    const rows = new Int8Array(dims * count);
    rows.set(new Int8Array(buffer.buffer, buffer.byteOffset + rowsAt, dims * count));
    return new WordVectors(dims, modelId, checksum, index, factors, rows);
  }

  /** Whether `word` (lowercase) has a vector of its own, without the inflection fallback. */
  has(word: string): boolean {
    return this.index.has(word);
  }

  /**
   * The sentence vector of `words` (lowercase surface words, e.g. from the project's analyzer): the
   * weighted mean of their vectors, L2-normalised, written into `out` (a `Float32Array(dims)`).
   * A word without a vector is case- and accent-folded (`Café` → `cafe`), then tries simple English
   * reductions (`-'s`, `-s`, `-es`, `-ies`, `-ed`, `-ing`, `-ly`, a doubled consonant, `-able`,
   * `-ness`) before it is skipped. Returns false, with `out` all zeros, when no word is known.
   *
   * @example
   * const v = new Float32Array(vectors.dims);
   * vectors.embedInto(['data', 'stolen'], v); // => true; v has length 1
   */
  embedInto(words: readonly SentenceWord[], out: Float32Array): boolean {
    const dims = this.dims;
    if (out.length !== dims) throw new RangeError(`embedInto: out has ${out.length} elements, expected ${dims}`);
    out.fill(0);
    // `out` has `dims` numbers (checked above) and a known word's row `dims` more: reads are in bounds.
    let known = 0;
    for (const entry of words) {
      const row = this.lookup(typeof entry === 'string' ? entry : entry.word);
      if (row < 0) continue;
      const factor = (this.factors[row] as number) * (typeof entry === 'string' ? 1 : entry.weight);
      if (factor === 0) continue;
      const rows = this.rows;
      const base = row * dims;
      for (let d = 0; d < dims; d++) out[d] = (out[d] as number) + factor * (rows[base + d] as number);
      known++;
    }
    if (known === 0) return false;
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const x = out[d] as number;
      norm += x * x;
    }
    if (norm === 0) return false;
    const inv = 1 / Math.sqrt(norm);
    for (let d = 0; d < dims; d++) out[d] = (out[d] as number) * inv;
    return true;
  }

  /**
   * Whether `word` has a vector, as {@link embedInto} reads it (folded, or a reduced inflection):
   * a word it does not know adds nothing to a sentence vector.
   */
  knows(word: string): boolean {
    const row = this.lookup(word);
    return row >= 0 && this.factors[row] !== 0;
  }

  /**
   * Whether `word` (lowercase a–z) is one edit away from a word that has a vector — a letter dropped,
   * added or changed, or two neighbours swapped: `stollen` (stolen), `recieve`, `responsable`,
   * `arested`. A misspelling of an English word, then, rather than a name no dictionary has
   * (`solarwinds`). About 54 × length look-ups, no index.
   */
  nearKnown(word: string): boolean {
    if (word.length > MAX_WORD_LENGTH || !/^[a-z]+$/.test(word)) return false;
    return this.near.through(word, (w) => this.oneEditFromKnown(w));
  }

  private oneEditFromKnown(word: string): boolean {
    const has = (candidate: string): boolean => candidate !== word && this.index.has(candidate);
    for (let i = 0; i <= word.length; i++) {
      const head = word.slice(0, i);
      const rest = word.slice(i);
      const tail = rest.slice(1);
      if (i < word.length && has(head + tail)) return true;
      if (i + 1 < word.length && has(head + (rest[1] ?? '') + (rest[0] ?? '') + rest.slice(2))) return true;
      for (const letter of LETTERS) {
        if (has(head + letter + rest)) return true;
        if (i < word.length && letter !== rest[0] && has(head + letter + tail)) return true;
      }
    }
    return false;
  }

  /** The row of `word`, or of its reduced inflection; -1 when unknown. */
  private lookup(word: string): number {
    const direct = this.index.get(word);
    if (direct !== undefined) return direct;
    if (word.length > MAX_WORD_LENGTH) return -1;
    const folded = foldWord(word);
    if (folded !== word) {
      const row = this.index.get(folded);
      if (row !== undefined) return row;
    }
    for (const candidate of reductions(folded)) {
      const row = this.index.get(candidate);
      if (row !== undefined) return row;
    }
    return -1;
  }
}

/** Keys are lowercase ASCII: `Café` → `cafe`, `People’s` → `people's` (only on a miss, so rarely). */
function foldWord(word: string): string {
  if (!/[^a-z']/.test(word)) return word;
  return word.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘ʼ]/g, "'").toLowerCase();
}

/**
 * Candidate base forms of an inflected English word, most likely first: `companies` → `company`,
 * `leaked` → `leak`, `cancelling` → `cancel`, `stopped` → `stop`, `hoping` → `hope`, `quickly` →
 * `quick`, `china's` → `china`, `exploitable` → `exploit`. Only for words the vocabulary lacks, so
 * over-generation is harmless.
 */
export function reductions(word: string): string[] {
  const w = word.replace(/[’‘ʼ]/g, "'");
  const out: string[] = [];
  if (w !== word) out.push(w);
  if (w.endsWith("'s")) {
    out.push(w.slice(0, -2));
    return out;
  }
  if (w.endsWith("'")) {
    out.push(w.slice(0, -1));
    return out;
  }
  if (w.includes("'")) out.push(w.replace(/'/g, ''));
  const n = w.length;
  if (n < 4) return out;
  const stem = (suffix: number): string => w.slice(0, n - suffix);
  if (w.endsWith('ies') || w.endsWith('ied')) out.push(`${stem(3)}y`);
  if (w.endsWith('es')) out.push(stem(2));
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) out.push(stem(1));
  if (w.endsWith('ed')) {
    out.push(stem(2), stem(1));
    undouble(stem(2), out);
  }
  if (w.endsWith('ing') && n >= 5) {
    out.push(stem(3), `${stem(3)}e`);
    undouble(stem(3), out);
  }
  // Dropped g, as chat writes it: `workin` → `working`, `thinkin'` → `thinking`.
  if (w.endsWith('in') && n >= 5) out.push(`${w}g`);
  if (w.endsWith('ily')) out.push(`${stem(3)}y`);
  if (w.endsWith('ly')) out.push(stem(2));
  // Derived words read as their base: `exploitable` → `exploit`, `traceable` → `trace`, `sneakiness` → `sneaky`.
  if (w.endsWith('able') && n >= 7) out.push(stem(4), `${stem(4)}e`);
  if (w.endsWith('iness') && n >= 7) out.push(`${stem(5)}y`);
  if (w.endsWith('ness') && n >= 7) out.push(stem(4));
  return out;
}

/** `stopp` → `stop`, `cancell` → `cancel` (not `ll`-final words like `fill`: they stay as pushed before). */
function undouble(stem: string, out: string[]): void {
  const n = stem.length;
  if (n >= 3 && stem[n - 1] === stem[n - 2] && !'aeiou'.includes(stem[n - 1] ?? 'a')) out.push(stem.slice(0, -1));
}

/**
 * Writes a word-vector file: quantises each vector to int8 with its own scale (largest magnitude ↦
 * 127). Used by `scripts/distill-vectors.ts` and by tests; the format is defined in this module only.
 */
export function encodeWordVectors(data: WordVectorsData): Uint8Array {
  const { modelId, dims, words, weights, vectors } = data;
  const count = words.length;
  if (!Number.isInteger(dims) || dims <= 0) throw new RangeError(`dims must be a positive integer, got ${dims}`);
  if (weights.length !== count) throw new RangeError(`${weights.length} weights for ${count} words`);
  if (vectors.length !== count * dims) throw new RangeError(`${vectors.length} vector values for ${count} words × ${dims} dims`);
  for (const word of words) {
    if (word === '' || word.includes('\n') || word.length > MAX_WORD_LENGTH) throw new RangeError(`invalid word ${JSON.stringify(word)}`);
  }
  const encoder = new TextEncoder();
  const id = encoder.encode(modelId);
  const list = encoder.encode(words.join('\n'));
  const weightsAt = align4(HEADER_BYTES + id.length + list.length);
  const scalesAt = weightsAt + 4 * count;
  const rowsAt = scalesAt + 4 * count;
  const bytes = new Uint8Array(rowsAt + dims * count);
  const view = new DataView(bytes.buffer);
  bytes.set(encoder.encode(WORD_VECTORS_MAGIC), 0);
  view.setUint16(4, WORD_VECTORS_FORMAT, true);
  view.setUint32(8, dims, true);
  view.setUint32(12, count, true);
  view.setUint32(16, id.length, true);
  view.setUint32(20, list.length, true);
  bytes.set(id, HEADER_BYTES);
  bytes.set(list, HEADER_BYTES + id.length);
  const rows = new Int8Array(bytes.buffer, rowsAt, dims * count);
  for (let i = 0; i < count; i++) {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(vectors[i * dims + d] ?? 0));
    const scale = max === 0 ? 0 : max / 127;
    view.setFloat32(weightsAt + 4 * i, weights[i] ?? 0, true);
    view.setFloat32(scalesAt + 4 * i, scale, true);
    for (let d = 0; d < dims; d++) rows[i * dims + d] = scale === 0 ? 0 : Math.round((vectors[i * dims + d] ?? 0) / scale);
  }
  bytes.set(createHash('sha256').update(bytes.subarray(HEADER_BYTES)).digest().subarray(0, CHECKSUM_BYTES), 24);
  return bytes;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
