import { rm } from 'node:fs/promises';
import { answer } from '../answer/answer.js';
import { ANSWER_LIMIT } from '../app/case-bot.js';
import { renderAnswerPage } from '../answer/render-answer.js';
import { diffFactSetsInSlices } from '../facts/diff.js';
import { loadFactsDir } from '../facts/load.js';
import type { LoadOptions } from '../facts/load.js';
import type { FactSet } from '../facts/types.js';
import { addVectors, buildIndex } from '../search/build-index.js';
import { FactIndex } from '../search/fact-index.js';
import { DEFAULT_FLOORS } from '../search/hybrid.js';
import { Glossary, hasJapanese } from '../search/japanese/translate.js';
import { loadLanguage, type Language } from '../search/language.js';
import { wordsOf } from '../search/semantic/embedding-words.js';
import { FactVectors } from '../search/semantic/fact-vectors.js';
import { RelatedWords } from '../search/semantic/related-words.js';
import { WordVectors } from '../search/semantic/word-vectors.js';
import { FactStore } from '../store/fact-store.js';
import { loadFactsDirInWorker } from '../store/load-in-worker.js';
import { buildBaseline, type BaselineKind } from './baseline.js';
import type { ReloadBreakdown, SemanticFigures, SizeFigures } from './figures.js';
import { changeGeneratedFacts, generateFactsFolder, makeTempDir } from './generate.js';
import { probeBlocking } from './probe.js';
import { generateQueries } from './queries.js';
import { median, passLatency, roundFigure, timeEach, type PassLatency } from './stats.js';
import { sessionButtonIds } from '../app/page-sessions.js';
import { itemAt, must } from '../shared/must.js';

export interface MeasureOptions {
  readonly seed: number;
  /** Timed queries per pass (after a separate warm-up). Default 1000. */
  readonly queries?: number;
  /** Timed passes, each with fresh queries; latency figures are their median. Default 3. */
  readonly passes?: number;
  /** Timed autocomplete calls per pass, typing the queries' prefixes. Default 3000. */
  readonly autocompleteCalls?: number;
  /** Untimed queries before each timed series. Default 2000 (see {@link WARM_UP}); tests use fewer. */
  readonly warmUp?: number;
  /** Progress lines (to stderr in the CLI). */
  readonly progress?: (line: string) => void;
}

/** Generous limits: a 2000-fact YAML file is under 1 MB, but nothing here should trip a limit. */
const LOAD_OPTIONS: LoadOptions = { maxYamlBytes: 64 * 1024 * 1024, maxSourceBytes: 64 * 1024 * 1024 };
/**
 * Queries run before timing, distinct from the timed ones (another seed). A bot answers for days;
 * what matters is steady state, and V8 needs a couple of thousand calls to finish optimising the
 * search paths — with only 200, JIT work showed up as 4–8 ms outliers in the 1k p99.
 */
const WARM_UP = 2000;
/** How many results the semantic stage asks for, as `FactIndex.search` does for a `/case` page. */
const SEMANTIC_DEPTH = 15;
const MB = 1024 * 1024;
const silentLog = { info: (): void => undefined, warn: (): void => undefined };

/**
 * Measures every figure for one size in this process: loads the language data cold, generates a
 * folder in a temp dir, opens a FactStore on it (lexical at once, vectors in the background) and
 * waits for the semantic stage, times queries and autocomplete on that index and on a
 * lexical-only one, times the semantic stage's parts alone and the two bare-MiniSearch baselines,
 * then reloads a freshly generated folder and a 1%-changed one while probing the event loop. Run
 * it in a fresh process per size (see `runBench`) so load times and heap figures do not mix.
 */
export async function measureSize(size: number, options: MeasureOptions): Promise<SizeFigures> {
  const say = options.progress ?? ((): void => undefined);
  const warmUpCount = options.warmUp ?? WARM_UP;

  // First, before anything else fills the heap: the language files as a cold start reads them.
  // Both copies are dropped; the store loads its own below, as the bot does.
  say(`[${size}] language data, cold`);
  const wordsLoadMs = (await timed(() => WordVectors.load())).ms;
  const glossaryLoadMs = (await timed(() => Glossary.load())).ms;

  const dir = await makeTempDir();
  try {
    say(`[${size}] generating`);
    await generateFactsFolder(dir, { facts: size, seed: options.seed });

    say(`[${size}] opening the store`);
    const openStart = performance.now();
    // What `FactStore.open` does without the option, started at the same moment; kept to reuse below.
    const languageLoading = loadLanguage();
    const store = await FactStore.open(dir, silentLog, { loadOptions: LOAD_OPTIONS, language: languageLoading });
    const openMs = performance.now() - openStart;
    const language = await languageLoading;
    const words = language.words;
    if (words === undefined)
      throw new Error(`the bench measures the semantic stage, but: ${language.problems.map((p) => p.message).join('; ')}`);
    say(`[${size}] waiting for semantic search (${words.version})`);
    const ready = await probeBlocking(() => store.semanticReady);
    const semanticReadyMs = performance.now() - openStart;
    const status = store.status().semantic;
    if (status.state !== 'ready') throw new Error(`semantic search is not ready after semanticReady: ${JSON.stringify(status)}`);
    const memory = await memoryAfterGc();

    say(`[${size}] build`);
    const buildStart = performance.now();
    FactIndex.build(store.current().factSet);
    const buildMs = performance.now() - buildStart;

    const { index, factSet } = store.current();
    const vectors = index.vectors;
    if (vectors === undefined) throw new Error('the served index has no vectors after semanticReady');
    // Pass 0 uses the seed the single pass always used; each further pass has queries of its own.
    const passes = Array.from({ length: options.passes ?? 3 }, (_, pass) =>
      generateQueries(options.queries ?? 1000, options.seed + 1 + 1000 * pass).map((q) => q.text),
    );
    const warmUp = generateQueries(warmUpCount, options.seed + 99).map((q) => q.text);
    const calls = options.autocompleteCalls ?? 3000;

    say(`[${size}] overview`);
    const overview = timeOverview(index, passes.length);

    say(`[${size}] queries, semantic on`);
    const semanticOn = timeQueries(index, warmUp, passes, calls);

    const { lexicalOnly, stage } = await measureLexicalAndStage(factSet, language, words, vectors, warmUp, passes, calls, (what) =>
      say(`[${size}] ${what}`),
    );

    say(`[${size}] baselines`);
    const baseline = passLatency(timeBaseline(factSet, 'fuzzy', warmUp, passes));
    const fair = passLatency(timeBaseline(factSet, 'fair', warmUp, passes));
    // The bare indexes (hundreds of MB at 100k) are garbage now: the reloads below run with the
    // heap a bot has, not with a second index the GC would have to walk.
    collectGarbage();

    say(`[${size}] full reload`);
    const freshOptions = { facts: size, seed: options.seed + 1000 };
    await generateFactsFolder(dir, freshOptions);
    const full = await probeBlocking(() => store.reload('bench'));
    if (!full.result.ok) throw new Error(`reload of the fresh folder failed: ${full.result.errors[0]?.message ?? '?'}`);

    say(`[${size}] incremental reload`);
    const before = store.current().index;
    const changed = await changeGeneratedFacts(dir, freshOptions, 0.01, options.seed + 2000);
    const incremental = await probeBlocking(() => store.reload('bench'));
    if (!incremental.result.ok) throw new Error('reload of the 1%-changed folder failed');
    if (incremental.result.diff.counts.changed !== changed.length) {
      throw new Error(`expected ${changed.length} changed facts, the reload saw ${incremental.result.diff.counts.changed}`);
    }
    const after = store.current().index;
    const embeddedByReload = after.vectors?.embedded;
    if (embeddedByReload === undefined) throw new Error('the 1% reload produced an index without vectors');

    // The vectors of that reload again, alone, from the same two snapshots: the median of three
    // runs, as one run's longest block varied from 9 to 66 ms between bench runs (a GC step or the
    // machine landing in one slice) while repeated runs in one process all blocked 5–10 ms. Each
    // result is the same snapshot with new vectors; the breakdown's build below starts from the last.
    say(`[${size}] vectors of a 1% reload, alone`);
    const incrementalVectors = await repeatProbed(3, () => addVectors(after, language, { previous: before }));

    say(`[${size}] reload breakdown`);
    const breakdown = await measureBreakdown(dir, incrementalVectors.result, options.seed, size);

    const semantic: SemanticFigures = {
      ...stage,
      words_load_ms: roundFigure(wordsLoadMs),
      glossary_load_ms: roundFigure(glossaryLoadMs),
      incremental_vectors_ms: roundFigure(incrementalVectors.ms),
      incremental_vectors_max_block_ms: roundFigure(incrementalVectors.maxBlockMs),
      incremental_vectors_embedded: must(incrementalVectors.result.vectors, 'the vectors of the 1% reload').embedded,
    };
    const { query, autocomplete } = semanticOn;
    return {
      facts: factSet.facts.length,
      build_ms: roundFigure(buildMs),
      open_ms: roundFigure(openMs),
      semantic_ready_ms: roundFigure(semanticReadyMs),
      semantic_ready_max_block_ms: roundFigure(ready.maxBlockMs),
      reload_ms: roundFigure(full.ms),
      incremental_reload_ms: roundFigure(incremental.ms),
      reload_max_block_ms: roundFigure(full.maxBlockMs),
      incremental_reload_max_block_ms: roundFigure(incremental.maxBlockMs),
      incremental_reload_changed: changed.length,
      incremental_reload_embedded: embeddedByReload,
      heap_mb: roundFigure(memory.heapUsed / MB),
      external_mb: roundFigure(memory.external / MB),
      array_buffers_mb: roundFigure(memory.arrayBuffers / MB),
      heap_external_mb: roundFigure((memory.heapUsed + memory.external) / MB),
      query_p50_ms: roundFigure(query.p50),
      query_p99_ms: roundFigure(query.p99),
      autocomplete_p50_ms: roundFigure(autocomplete.p50),
      autocomplete_p99_ms: roundFigure(autocomplete.p99),
      overview_first_ms: roundFigure(overview.firstMs),
      overview_p99_ms: roundFigure(overview.later.p99),
      lexical_query_p50_ms: roundFigure(lexicalOnly.query.p50),
      lexical_query_p99_ms: roundFigure(lexicalOnly.query.p99),
      lexical_autocomplete_p50_ms: roundFigure(lexicalOnly.autocomplete.p50),
      lexical_autocomplete_p99_ms: roundFigure(lexicalOnly.autocomplete.p99),
      baseline_fuzzy_p50_ms: roundFigure(baseline.p50),
      baseline_fuzzy_p99_ms: roundFigure(baseline.p99),
      query_p99_vs_baseline: roundFigure(query.p99 / baseline.p99),
      baseline_fair_p50_ms: roundFigure(fair.p50),
      baseline_fair_p99_ms: roundFigure(fair.p99),
      query_p99_vs_fair_baseline: roundFigure(query.p99 / fair.p99),
      queries: itemAt(passes, 0).length,
      autocomplete_calls: typedPrefixes(passes[0] ?? [], calls).length,
      passes: passes.length,
      query_p99_passes_ms: query.p99s.map(roundFigure),
      autocomplete_p99_passes_ms: autocomplete.p99s.map(roundFigure),
      lexical_query_p99_passes_ms: lexicalOnly.query.p99s.map(roundFigure),
      baseline_fair_p99_passes_ms: fair.p99s.map(roundFigure),
      breakdown,
      semantic,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What `/case` does with a question on one index: search, answer, render the first page. */
function caseCommand(index: FactIndex): (question: string) => unknown {
  return (q) => renderAnswerPage(answer(index, q, { limit: ANSWER_LIMIT }), { page: 0, buttons: sessionButtonIds('x') });
}

/** `/case` (search + answer + render of the first page) and autocomplete on one index, warm-up first. */
function timeQueries(
  index: FactIndex,
  warmUp: readonly string[],
  passes: readonly (readonly string[])[],
  calls: number,
): { query: PassLatency; autocomplete: PassLatency } {
  const ask = caseCommand(index);
  timeEach(warmUp, ask);
  const query = passLatency(passes.map((queries) => timeEach(queries, ask)));
  const complete = (input: string): unknown => index.autocomplete(input, { limit: 25 });
  timeEach(typedPrefixes(warmUp, warmUp.length * 3), complete);
  const autocomplete = passLatency(passes.map((queries) => timeEach(typedPrefixes(queries, calls), complete)));
  return { query, autocomplete };
}

/** The question of a member who has just joined: the case's overview. */
const OVERVIEW_QUESTION = 'what happened';
/** Asks of the overview per pass after the first. */
const OVERVIEW_ASKS = 200;

/**
 * `/case what happened` on an index that has not answered it yet (the first ask tells the story),
 * then {@link OVERVIEW_ASKS} more per pass.
 */
function timeOverview(index: FactIndex, passes: number): { firstMs: number; later: PassLatency } {
  const ask = caseCommand(index);
  const [firstMs] = timeEach([OVERVIEW_QUESTION], ask);
  const asks = Array.from({ length: OVERVIEW_ASKS }, () => OVERVIEW_QUESTION);
  const later = passLatency(Array.from({ length: passes }, () => timeEach(asks, ask)));
  return { firstMs: must(firstMs, 'the first overview ask'), later };
}

/**
 * On a lexical-only index of the same facts and language data (what `FactStore.open` serves before
 * the vectors are attached): the same queries, then the semantic stage's parts alone. The index
 * lives only inside this call.
 */
async function measureLexicalAndStage(
  factSet: FactSet,
  language: Language,
  words: WordVectors,
  vectors: FactVectors,
  warmUp: readonly string[],
  passes: readonly (readonly string[])[],
  calls: number,
  say: (what: string) => void,
): Promise<{ lexicalOnly: { query: PassLatency; autocomplete: PassLatency }; stage: StageFigures }> {
  say('queries, lexical only');
  const lexicalIndex = await buildIndex(factSet, language, { lexicalOnly: true });
  const lexicalOnly = timeQueries(lexicalIndex, warmUp, passes, calls);
  say('semantic stage, each part alone');
  const stage = await measureSemanticStage(lexicalIndex, language, words, vectors, warmUp, passes);
  return { lexicalOnly, stage };
}

type StageFigures = Omit<
  SemanticFigures,
  'words_load_ms' | 'glossary_load_ms' | 'incremental_vectors_ms' | 'incremental_vectors_max_block_ms' | 'incremental_vectors_embedded'
>;

/**
 * The semantic stage's parts alone: vectors of the whole set from a lexical-only index (as a cold
 * start computes them, and each of its two builds alone), embedding a query, and searching the
 * fact vectors the store serves.
 */
async function measureSemanticStage(
  lexicalIndex: FactIndex,
  language: Language,
  words: WordVectors,
  vectors: FactVectors,
  warmUp: readonly string[],
  passes: readonly (readonly string[])[],
): Promise<StageFigures> {
  const cold = await probeBlocking(() => addVectors(lexicalIndex, language));
  const related = await timed(() => RelatedWords.build(lexicalIndex.servedWords(), words));
  const factVectors = await timed(() => FactVectors.build(lexicalIndex.factSet, words));

  // The words a query's sentence vector is made of, as `planQuery` gathers them: the question's
  // words, and for a Japanese one the glossary's English words too.
  const queryWords = (q: string): string[] => {
    const english = language.glossary !== undefined && hasJapanese(q) ? language.glossary.read(q).english : [];
    return [...wordsOf(q), ...english];
  };
  const out = new Float32Array(words.dims);
  const embedPass = (queries: readonly string[]): number[] => {
    const lists = queries.map(queryWords);
    return timeEach(lists, (list) => words.embedInto(list, out)).map((ms) => ms * 1000);
  };
  embedPass(warmUp);
  const embed = passLatency(passes.map(embedPass));

  // Only queries the model has a vector for reach the vector search (the others skip it).
  const queryVectors = (queries: readonly string[]): Float32Array[] =>
    queries.flatMap((q) => {
      const v = new Float32Array(words.dims);
      return words.embedInto(queryWords(q), v) ? [v] : [];
    });
  const floor = DEFAULT_FLOORS.semanticOnlyCosine;
  const search = (v: Float32Array): unknown => vectors.search(v, SEMANTIC_DEPTH, floor);
  timeEach(queryVectors(warmUp.slice(0, 500)), search);
  const searchVectors = passes.map(queryVectors);
  const vectorSearch = passLatency(searchVectors.map((vs) => timeEach(vs, search)));

  const everyday = must(cold.result.everyday, 'the everyday questions of the cold build');
  // The floor /case asks about when the closest fact it would show is at questionRankCosine.
  const offTopicFloor = DEFAULT_FLOORS.questionRankCosine + DEFAULT_FLOORS.offTopicMargin;
  const reaches = (v: Float32Array): unknown => everyday.reaches(v, offTopicFloor);
  timeEach(queryVectors(warmUp.slice(0, 500)), reaches);
  const offTopic = passLatency(searchVectors.map((vs) => timeEach(vs, reaches).map((ms) => ms * 1000)));

  return {
    model: words.version,
    dims: words.dims,
    words: words.size,
    vectors_ms: roundFigure(cold.ms),
    vectors_max_block_ms: roundFigure(cold.maxBlockMs),
    vectors_embedded: must(cold.result.vectors, 'the vectors of the cold build').embedded,
    related_words_ms: roundFigure(related.ms),
    related_words: related.result.size,
    fact_vectors_ms: roundFigure(factVectors.ms),
    embed_query_p50_us: roundFigure(embed.p50),
    embed_query_p99_us: roundFigure(embed.p99),
    vector_search_p50_ms: roundFigure(vectorSearch.p50),
    vector_search_p99_ms: roundFigure(vectorSearch.p99),
    vector_search_queries: itemAt(searchVectors, 0).length,
    vector_search_floor: floor,
    off_topic_check_p50_us: roundFigure(offTopic.p50),
    off_topic_check_p99_us: roundFigure(offTopic.p99),
  };
}

/**
 * Each step of a reload alone, against a fully changed folder: where the event loop blocks when
 * loading on the main thread (the fallback) and with the worker loader the store uses.
 */
async function measureBreakdown(dir: string, currentIndex: FactIndex, seed: number, size: number): Promise<ReloadBreakdown> {
  await generateFactsFolder(dir, { facts: size, seed: seed + 3000 });
  // Only the block is wanted from the in-process load: its fact set is dropped at once, so the
  // steps below run with the heap a real reload has (two versions, not three).
  const inProcess = await probeBlocking(async () => (await loadFactsDir(dir, LOAD_OPTIONS)).ok);
  const inWorker = await probeBlocking(() => loadFactsDirInWorker(dir, LOAD_OPTIONS));
  if (!inWorker.result.ok) throw new Error('worker load failed');
  const next = inWorker.result.factSet;
  const build = await probeBlocking(() => FactIndex.buildAsync(next, { previous: currentIndex }));
  const diff = await probeBlocking(() => diffFactSetsInSlices(currentIndex.factSet, next));
  return {
    load_ms: roundFigure(inProcess.ms),
    load_max_block_ms: roundFigure(inProcess.maxBlockMs),
    worker_load_ms: roundFigure(inWorker.ms),
    worker_load_max_block_ms: roundFigure(inWorker.maxBlockMs),
    index_build_async_ms: roundFigure(build.ms),
    index_build_async_max_block_ms: roundFigure(build.maxBlockMs),
    diff_ms: roundFigure(diff.ms),
    diff_max_block_ms: roundFigure(diff.maxBlockMs),
  };
}

/** A baseline's query times, one list per pass; its index lives only inside this call. */
function timeBaseline(factSet: FactSet, kind: BaselineKind, warmUp: readonly string[], passes: readonly (readonly string[])[]): number[][] {
  const baseline = buildBaseline(factSet, kind);
  timeEach(warmUp, (q) => baseline.search(q));
  return passes.map((queries) => timeEach(queries, (q) => baseline.search(q)));
}

/** What autocomplete sees as people type the queries: every prefix of each, up to `cap` in all. */
export function typedPrefixes(queries: readonly string[], cap: number): string[] {
  const out: string[] = [];
  for (const q of queries) {
    const chars = [...q];
    for (let n = 1; n <= chars.length && out.length < cap; n += 1) out.push(chars.slice(0, n).join(''));
    if (out.length >= cap) break;
  }
  return out;
}

/** Runs `work` `times` times, probed: the last result, and the median wall time and longest block. */
async function repeatProbed<T>(times: number, work: () => Promise<T>): Promise<{ result: T; ms: number; maxBlockMs: number }> {
  const runs: { result: T; ms: number; maxBlockMs: number }[] = [];
  for (let i = 0; i < times; i++) runs.push(await probeBlocking(work));
  const last = runs[runs.length - 1];
  if (last === undefined) throw new RangeError('repeatProbed needs at least one run');
  return { result: last.result, ms: median(runs.map((r) => r.ms)), maxBlockMs: median(runs.map((r) => r.maxBlockMs)) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/**
 * `process.memoryUsage()` after full GCs when the process runs with --expose-gc (the bench child
 * does): repeated, a macrotask apart, until the heap stops shrinking. One collection right after
 * the semantic build measured 237 and 302 MB of heap in two runs of the same code, while a probe
 * that collects three times, 200 ms apart, measured 224 MB every time: promise chains and
 * finalisers that are still settling keep garbage alive through the first collection.
 */
async function memoryAfterGc(): Promise<NodeJS.MemoryUsage> {
  let memory = process.memoryUsage();
  for (let round = 0; round < 5; round++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = process.memoryUsage();
    const settled = memory.heapUsed - now.heapUsed < 1024 * 1024;
    memory = now;
    if (settled && round > 0) break;
  }
  return memory;
}

/**
 * A full GC when exposed, for the memory figures only. Not before timing loops: a forced full GC
 * leaves the sweeper threads busy, and the first thousand queries after it paid for that in 4 ms
 * outliers that a running bot, which never forces a GC, does not see.
 */
function collectGarbage(): void {
  globalThis.gc?.();
  globalThis.gc?.();
}
