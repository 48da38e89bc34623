import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { checkTargets, sizeFiguresSchema, type NumericFigure, type SizeFigures, type TargetResult } from './figures.js';

export const FULL_SIZES = [1000, 10_000, 100_000] as const;
export const QUICK_SIZES = [1000, 10_000] as const;

export interface BenchResult {
  readonly sizes: ReadonlyMap<number, SizeFigures>;
  readonly targets: readonly TargetResult[];
  readonly node: string;
  readonly cores: number;
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
  for (const size of options.sizes) {
    options.progress(`size ${size}: starting`);
    const started = performance.now();
    sizes.set(size, await measureInChild(options.childScript, size, options.seed));
    options.progress(`size ${size}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { sizes, targets: checkTargets(sizes), node: process.version, cores: availableParallelism() };
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
  const targets: Record<string, { limit: number; value: number | null; pass: boolean | null }> = {};
  for (const t of result.targets) targets[`${t.figure}@${t.size}`] = { limit: t.limit, value: t.value, pass: t.pass };
  return { sizes, targets, node: result.node, cores: result.cores };
}

const COLUMNS: readonly (readonly [NumericFigure, string])[] = [
  ['build_ms', 'build ms'],
  ['reload_ms', 'reload ms'],
  ['incremental_reload_ms', '1% reload ms'],
  ['reload_max_block_ms', 'reload max block ms'],
  ['incremental_reload_max_block_ms', '1% reload max block ms'],
  ['heap_mb', 'heap MB'],
  ['query_p50_ms', 'query p50'],
  ['query_p99_ms', 'query p99'],
  ['autocomplete_p50_ms', 'autocomplete p50'],
  ['autocomplete_p99_ms', 'autocomplete p99'],
  ['baseline_fuzzy_p50_ms', 'baseline p50'],
  ['baseline_fuzzy_p99_ms', 'baseline p99'],
  ['query_p99_vs_baseline', 'query p99 / baseline'],
];

const BREAKDOWN_COLUMNS: readonly (readonly [keyof SizeFigures['breakdown'], string])[] = [
  ['load_ms', 'load ms'],
  ['load_max_block_ms', 'load block'],
  ['worker_load_ms', 'worker load ms'],
  ['worker_load_max_block_ms', 'worker load block'],
  ['index_build_async_ms', 'buildAsync ms'],
  ['index_build_async_max_block_ms', 'buildAsync block'],
  ['diff_ms', 'diff ms'],
  ['diff_max_block_ms', 'diff block'],
];

/** The human report: the figures table, where reloads block, and the targets. */
export function toMarkdown(result: BenchResult): string {
  const lines: string[] = [];
  const table = (headers: readonly string[], rows: readonly (readonly string[])[]): void => {
    lines.push(`| ${headers.join(' | ')} |`, `|${headers.map(() => ' ---:').join(' |')} |`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };
  const sizes = [...result.sizes];
  lines.push(`## casebot bench — node ${result.node}, ${result.cores} cores (times in ms)`, '');
  table(['facts', ...COLUMNS.map(([, h]) => h)], sizes.map(([size, f]) => [String(size), ...COLUMNS.map(([k]) => String(f[k]))]));
  lines.push('### Where a reload blocks the event loop (each step alone, ms)', '');
  table(['facts', ...BREAKDOWN_COLUMNS.map(([, h]) => h)], sizes.map(([size, f]) => [String(size), ...BREAKDOWN_COLUMNS.map(([k]) => String(f.breakdown[k]))]));
  lines.push('### Targets (wall time)', '');
  for (const t of result.targets) {
    const verdict = t.pass === null ? 'not measured' : t.pass ? 'pass' : 'FAIL';
    lines.push(`- ${t.figure} at ${t.size} facts ≤ ${t.limit}: ${t.value ?? '—'} → ${verdict}`);
  }
  return `${lines.join('\n')}\n`;
}
