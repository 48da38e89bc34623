import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import {
  checkTargets,
  sizeFiguresSchema,
  type NumericFigure,
  type ReloadBreakdown,
  type SemanticFigures,
  type SizeFigures,
  type TargetResult,
} from './figures.js';

export const FULL_SIZES = [1000, 10_000, 100_000] as const;
export const QUICK_SIZES = [1000, 10_000] as const;

export interface BenchResult {
  readonly sizes: ReadonlyMap<number, SizeFigures>;
  readonly targets: readonly TargetResult[];
  readonly node: string;
  readonly cores: number;
  /**
   * The machine's load averages (1, 5 and 15 min) when each size finished. The bench itself keeps
   * about one core busy; much more means something else competed for the cores and the times
   * are inflated (on 2 cores, a load of 3 roughly halves the speed of the measured code).
   */
  readonly loadAverages: ReadonlyMap<number, readonly number[]>;
}

export interface RunOptions {
  readonly sizes: readonly number[];
  readonly seed: number;
  /** The script that measures one size when run as `<script> --child <size> --seed <n>`. */
  readonly childScript: string;
  readonly progress: (line: string) => void;
}

/**
 * Measures each size in a child process of its own (`node --expose-gc --import tsx`): heap
 * figures then belong to that size alone, and `global.gc()` is available for them. Sizes run one
 * after another, never in parallel, so they do not compete for the two cores.
 */
export async function runBench(options: RunOptions): Promise<BenchResult> {
  const sizes = new Map<number, SizeFigures>();
  const loadAverages = new Map<number, readonly number[]>();
  for (const size of options.sizes) {
    options.progress(`size ${size}: starting`);
    const started = performance.now();
    sizes.set(size, await measureInChild(options.childScript, size, options.seed));
    const load = loadavg().map((l) => Math.round(l * 100) / 100);
    loadAverages.set(size, load);
    options.progress(`size ${size}: done in ${((performance.now() - started) / 1000).toFixed(1)} s (load average ${load.join(' ')})`);
  }
  return { sizes, targets: checkTargets(sizes), node: process.version, cores: availableParallelism(), loadAverages };
}

function measureInChild(script: string, size: number, seed: number): Promise<SizeFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, '--child', String(size), '--seed', String(seed)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`measuring size ${size} failed (exit code ${code})`));
        return;
      }
      try {
        const lastLine = out.trim().split('\n').pop() ?? '';
        resolve(sizeFiguresSchema.parse(JSON.parse(lastLine)));
      } catch (error) {
        reject(new Error(`measuring size ${size} printed no figures: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  });
}

/** The one JSON object `bench --json` prints. */
export function toJson(result: BenchResult): object {
  const sizes: Record<string, SizeFigures> = {};
  for (const [size, figures] of result.sizes) sizes[String(size)] = figures;
  const targets: Record<string, { what: string; limit: number | null; limit_figure?: string; value: number | null; pass: boolean | null }> =
    {};
  for (const t of result.targets) {
    targets[`${t.figure}@${t.size}`] = {
      what: t.what,
      limit: t.limit,
      ...(t.limitFigure !== undefined ? { limit_figure: t.limitFigure } : {}),
      value: t.value,
      pass: t.pass,
    };
  }
  const loadAverages: Record<string, readonly number[]> = {};
  for (const [size, load] of result.loadAverages) loadAverages[String(size)] = load;
  return { sizes, targets, node: result.node, cores: result.cores, load_averages: loadAverages };
}

type Columns<K extends string> = readonly (readonly [K, string])[];

const LOAD_COLUMNS: Columns<NumericFigure> = [
  ['open_ms', 'open ms'],
  ['semantic_ready_ms', 'semantic ready ms'],
  ['semantic_ready_max_block_ms', 'semantic ready max block'],
  ['build_ms', 'build ms'],
  ['reload_ms', 'reload ms'],
  ['incremental_reload_ms', '1% reload ms'],
  ['reload_max_block_ms', 'reload max block'],
  ['incremental_reload_max_block_ms', '1% reload max block'],
  ['incremental_reload_changed', '1% changed'],
  ['incremental_reload_embedded', '1% embedded'],
  ['heap_mb', 'heap MB'],
  ['external_mb', 'external MB'],
  ['heap_external_mb', 'heap + external MB'],
];

const LATENCY_COLUMNS: Columns<NumericFigure> = [
  ['query_p50_ms', 'query p50'],
  ['query_p99_ms', 'query p99'],
  ['lexical_query_p50_ms', 'lexical-only p50'],
  ['lexical_query_p99_ms', 'lexical-only p99'],
  ['autocomplete_p50_ms', 'autocomplete p50'],
  ['autocomplete_p99_ms', 'autocomplete p99'],
  ['overview_first_ms', 'overview first ask'],
  ['overview_p99_ms', 'overview p99'],
  ['lexical_autocomplete_p99_ms', 'lexical-only autocomplete p99'],
  ['baseline_fuzzy_p50_ms', 'MiniSearch fuzzy p50'],
  ['baseline_fuzzy_p99_ms', 'MiniSearch fuzzy p99'],
  ['query_p99_vs_baseline', 'query p99 / fuzzy'],
  ['baseline_fair_p50_ms', 'MiniSearch fair p50'],
  ['baseline_fair_p99_ms', 'MiniSearch fair p99'],
  ['query_p99_vs_fair_baseline', 'query p99 / fair'],
];

type NumericSemanticFigure = { [K in keyof SemanticFigures]: SemanticFigures[K] extends number ? K : never }[keyof SemanticFigures];

const SEMANTIC_COLUMNS: Columns<NumericSemanticFigure> = [
  ['words_load_ms', 'word vectors load'],
  ['glossary_load_ms', 'glossary load'],
  ['vectors_ms', 'vectors (all facts)'],
  ['vectors_max_block_ms', 'vectors (all) max block'],
  ['related_words_ms', 'of which related words'],
  ['fact_vectors_ms', 'of which fact vectors'],
  ['incremental_vectors_ms', 'vectors (1% reload)'],
  ['incremental_vectors_max_block_ms', 'vectors (1%) max block'],
  ['incremental_vectors_embedded', 'vectors (1%) embedded'],
  ['embed_query_p50_us', 'embed query p50 µs'],
  ['embed_query_p99_us', 'embed query p99 µs'],
  ['vector_search_p50_ms', 'vector search p50'],
  ['vector_search_p99_ms', 'vector search p99'],
  ['off_topic_check_p50_us', 'off-topic check p50 µs'],
  ['off_topic_check_p99_us', 'off-topic check p99 µs'],
];

const BREAKDOWN_COLUMNS: Columns<keyof ReloadBreakdown> = [
  ['load_ms', 'load ms'],
  ['load_max_block_ms', 'load block'],
  ['worker_load_ms', 'worker load ms'],
  ['worker_load_max_block_ms', 'worker load block'],
  ['index_build_async_ms', 'buildAsync ms'],
  ['index_build_async_max_block_ms', 'buildAsync block'],
  ['diff_ms', 'diff ms'],
  ['diff_max_block_ms', 'diff block'],
];

/** The human report: load and memory, latency against the baselines, the semantic stage, where reloads block, and the targets. */
export function toMarkdown(result: BenchResult): string {
  const lines: string[] = [];
  const sizes = [...result.sizes];
  const table = <K extends string>(columns: Columns<K>, cell: (figures: SizeFigures, key: K) => number): void => {
    const headers = ['facts', ...columns.map(([, h]) => h)];
    lines.push(`| ${headers.join(' | ')} |`, `|${headers.map(() => ' ---:').join(' |')} |`);
    for (const [size, f] of sizes) lines.push(`| ${[String(size), ...columns.map(([k]) => String(cell(f, k)))].join(' | ')} |`);
    lines.push('');
  };
  lines.push(`## casebot bench — node ${result.node}, ${result.cores} cores (times in ms)`, '');
  const loads = [...result.loadAverages].map(([size, load]) => `${size}: ${load.join(' / ')}`);
  if (loads.length > 0) lines.push(`Load averages (1 / 5 / 15 min) when each size finished — ${loads.join('; ')}.`, '');
  lines.push('### Load, reload and memory (memory with the model loaded and vectors attached)', '');
  table(LOAD_COLUMNS, (f, k) => f[k]);
  lines.push('### Latency: semantic stage on, lexical-only, and bare MiniSearch on the same queries', '');
  table(LATENCY_COLUMNS, (f, k) => f[k]);
  const models = [...new Set(sizes.map(([, f]) => `${f.semantic.model} (${f.semantic.words} words)`))];
  const floors = [...new Set(sizes.map(([, f]) => f.semantic.vector_search_floor))];
  lines.push(`### Semantic stage, each part alone (word vectors ${models.join(', ')}; vector search floor ${floors.join(', ')})`, '');
  table(SEMANTIC_COLUMNS, (f, k) => f.semantic[k]);
  lines.push('### Where a reload blocks the event loop (each step alone, ms)', '');
  table(BREAKDOWN_COLUMNS, (f, k) => f.breakdown[k]);
  lines.push('### Targets (wall time)', '');
  for (const t of result.targets) {
    const verdict = t.pass === null ? 'not measured' : t.pass ? 'pass' : 'FAIL';
    const limit = t.limitFigure !== undefined ? `${t.limitFigure} (${t.limit ?? '—'})` : String(t.limit);
    lines.push(`- ${t.what}: ${t.figure} at ${t.size} facts ≤ ${limit}: ${t.value ?? '—'} → ${verdict}`);
  }
  return `${lines.join('\n')}\n`;
}
