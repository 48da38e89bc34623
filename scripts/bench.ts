/**
 * npm run bench [-- --quick] [-- --json] [-- --seed N]
 *
 * Measures build, reload, memory, the semantic stage (language data, vectors, query embedding,
 * vector scan, time to semantic-ready), and query and autocomplete latency with the semantic stage
 * on and off, at 1k, 10k and 100k synthetic facts (`--quick`: 1k and 10k), against two bare-MiniSearch
 * baselines in the same run, and checks the targets. Markdown on stdout, or exactly one JSON object with `--json`; progress on stderr.
 * Each size runs in a child process (`--child <size>`), which prints that size's figures as JSON.
 */
import { fileURLToPath } from 'node:url';
import { FULL_SIZES, QUICK_SIZES, runBench, toJson, toMarkdown } from '../src/bench/run.js';

function argValue(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(args: readonly string[]): Promise<number> {
  const seed = Number(argValue(args, '--seed') ?? '42');
  const progress = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const child = argValue(args, '--child');
  if (child !== undefined) {
    // Only the child loads the search stack; the parent just spawns and reports.
    const { measureSize } = await import('../src/bench/measure.js');
    const figures = await measureSize(Number(child), { seed, progress });
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  }
  const sizes = args.includes('--quick') ? QUICK_SIZES : FULL_SIZES;
  const result = await runBench({ sizes, seed, childScript: fileURLToPath(import.meta.url), progress });
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(toJson(result))}\n` : toMarkdown(result));
  return result.targets.some((t) => t.pass === false) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
