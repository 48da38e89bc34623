import { rm } from 'node:fs/promises';
import { answer } from '../answer/answer.js';
import { ANSWER_LIMIT } from '../app/case-bot.js';
import { renderAnswerPage } from '../answer/render-answer.js';
import { diffFactSetsInSlices } from '../facts/diff.js';
import { loadFactsDir } from '../facts/load.js';
import type { LoadOptions } from '../facts/load.js';
import type { FactSet } from '../facts/types.js';
import { FactIndex } from '../search/fact-index.js';
import { FactStore } from '../store/fact-store.js';
import { loadFactsDirInWorker } from '../store/load-in-worker.js';
import { buildBaseline } from './baseline.js';
import type { ReloadBreakdown, SizeFigures } from './figures.js';
import { changeGeneratedFacts, generateFactsFolder, makeTempDir } from './generate.js';
import { probeBlocking } from './probe.js';
import { generateQueries } from './queries.js';
import { passLatency, roundFigure, timeEach } from './stats.js';

export interface MeasureOptions {
  readonly seed: number;
  /** Timed queries per pass (after a separate warm-up). Default 1000. */
  readonly queries?: number;
  /** Timed passes, each with fresh queries; latency figures are their median. Default 3. */
  readonly passes?: number;
  /** Timed autocomplete calls, typing the queries' prefixes. Default 3000. */
  readonly autocompleteCalls?: number;
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
const silentLog = { info: (): void => undefined, warn: (): void => undefined };

/**
 * Measures every figure for one size in this process: generates a folder in a temp dir, opens a
 * FactStore on it, times queries and autocomplete against our index and the bare-MiniSearch
 * baseline, then reloads a freshly generated folder and a 1%-changed one while probing the event
 * loop. Run it in a fresh process per size (see `runBench`) so heap figures do not mix.
 */
export async function measureSize(size: number, options: MeasureOptions): Promise<SizeFigures> {
  const say = options.progress ?? ((): void => undefined);
  const dir = await makeTempDir();
  try {
    say(`[${size}] generating`);
    await generateFactsFolder(dir, { facts: size, seed: options.seed });

    say(`[${size}] opening the store`);
    const store = await FactStore.open(dir, silentLog, { loadOptions: LOAD_OPTIONS });
    const heapMb = heapUsedMb();

    say(`[${size}] build`);
    const buildStart = performance.now();
    FactIndex.build(store.current().factSet);
    const buildMs = performance.now() - buildStart;

    say(`[${size}] queries`);
    const { index, factSet } = store.current();
    // Pass 0 uses the seed the single pass always used; each further pass has queries of its own.
    const passes = Array.from({ length: options.passes ?? 3 }, (_, pass) =>
      generateQueries(options.queries ?? 1000, options.seed + 1 + 1000 * pass).map((q) => q.text),
    );
    const warmUp = generateQueries(WARM_UP, options.seed + 99).map((q) => q.text);
    const ask = (q: string): unknown => renderAnswerPage(answer(index, q, { limit: ANSWER_LIMIT }), { page: 0, sessionId: 'x' });
    timeEach(warmUp, ask);
    const query = passLatency(passes.map((queries) => timeEach(queries, ask)));

    const calls = options.autocompleteCalls ?? 3000;
    const complete = (input: string): unknown => index.autocomplete(input, { limit: 25 });
    timeEach(typedPrefixes(warmUp, WARM_UP * 3), complete);
    const autocomplete = passLatency(passes.map((queries) => timeEach(typedPrefixes(queries, calls), complete)));

    say(`[${size}] baseline`);
    const baseline = passLatency(timeBaseline(factSet, warmUp, passes));
    // The bare index (hundreds of MB at 100k) is garbage now: the reloads below run with the heap a
    // bot has, not with a second index the GC would have to walk.
    collectGarbage();

    say(`[${size}] full reload`);
    const freshOptions = { facts: size, seed: options.seed + 1000 };
    await generateFactsFolder(dir, freshOptions);
    const full = await probeBlocking(() => store.reload('bench'));
    if (!full.result.ok) throw new Error(`reload of the fresh folder failed: ${full.result.errors[0]?.message ?? '?'}`);

    say(`[${size}] incremental reload`);
    const changed = await changeGeneratedFacts(dir, freshOptions, 0.01, options.seed + 2000);
    const incremental = await probeBlocking(() => store.reload('bench'));
    if (!incremental.result.ok) throw new Error('reload of the 1%-changed folder failed');
    if (incremental.result.diff.counts.changed !== changed.length) {
      throw new Error(`expected ${changed.length} changed facts, the reload saw ${incremental.result.diff.counts.changed}`);
    }

    say(`[${size}] reload breakdown`);
    const breakdown = await measureBreakdown(dir, store.current().index, options.seed, size);

    return {
      facts: factSet.facts.length,
      build_ms: roundFigure(buildMs),
      reload_ms: roundFigure(full.ms),
      incremental_reload_ms: roundFigure(incremental.ms),
      reload_max_block_ms: roundFigure(full.maxBlockMs),
      incremental_reload_max_block_ms: roundFigure(incremental.maxBlockMs),
      heap_mb: roundFigure(heapMb),
      query_p50_ms: roundFigure(query.p50),
      query_p99_ms: roundFigure(query.p99),
      autocomplete_p50_ms: roundFigure(autocomplete.p50),
      autocomplete_p99_ms: roundFigure(autocomplete.p99),
      baseline_fuzzy_p50_ms: roundFigure(baseline.p50),
      baseline_fuzzy_p99_ms: roundFigure(baseline.p99),
      query_p99_vs_baseline: roundFigure(query.p99 / baseline.p99),
      queries: passes[0]?.length ?? 0,
      autocomplete_calls: typedPrefixes(passes[0] ?? [], calls).length,
      passes: passes.length,
      query_p99_passes_ms: query.p99s.map(roundFigure),
      autocomplete_p99_passes_ms: autocomplete.p99s.map(roundFigure),
      breakdown,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Each step of a reload alone, against a fully changed folder: where the event loop blocks today
 * (loading on the main thread) and what it would block with the worker loader plugged in.
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

/** The baseline's query times, one list per pass; its index lives only inside this call. */
function timeBaseline(factSet: FactSet, warmUp: readonly string[], passes: readonly (readonly string[])[]): number[][] {
  const baseline = buildBaseline(factSet);
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

/** heapUsed in MB, after a full GC when the process runs with --expose-gc (the bench child does). */
function heapUsedMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/**
 * A full GC when exposed, for the heap figure only. Not before timing loops: a forced full GC
 * leaves the sweeper threads busy, and the first thousand queries after it paid for that in 4 ms
 * outliers that a running bot, which never forces a GC, does not see.
 */
function collectGarbage(): void {
  globalThis.gc?.();
  globalThis.gc?.();
}
