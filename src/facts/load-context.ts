/**
 * What one load of a facts folder shares between its steps: the limits, the problems found so far
 * (with their positions), and reading and validating a YAML file — the two-path read (a fast reader
 * for plain files, the `yaml` package for the rest and for positions) is measured in fast-yaml.ts.
 */
import path from 'node:path';
import type { z } from 'zod';
import { parseYamlFast } from './fast-yaml.js';
import { describeIssues } from './issues.js';
import type { SchemaProblem } from './issues.js';
import { readTextFile } from './read-file.js';
import type { LoadError, LoadProblem } from './types.js';
import { LineCounter, keyOffset, parseYaml } from './yaml-doc.js';
import { YamlFile } from './yaml-file.js';

/** Limits of {@link loadFactsDir}; raise them for benchmarks with very large sets. */
export interface LoadOptions {
  /** Largest case.yaml / facts*.yaml accepted, in bytes. Default 5 MB. */
  readonly maxYamlBytes?: number;
  /** Largest source document accepted, in bytes. Default 20 MB. */
  readonly maxSourceBytes?: number;
  /** YAML alias expansions allowed per file (guards against alias bombs). Default 100. */
  readonly maxAliasCount?: number;
  /** Deepest YAML nesting accepted. Default 32 (the format needs 5). */
  readonly maxDepth?: number;
}

/** Collects errors and warnings for one load; positions come from offsets in a file. */
export class Problems {
  readonly errors: LoadError[] = [];
  readonly warnings: LoadError[] = [];

  add(file: string, message: string, line = 0, column = 0, problem?: LoadProblem): void {
    this.errors.push(problem === undefined ? { file, line, column, message } : { file, line, column, message, problem });
  }

  warn(file: string, message: string, problem: LoadProblem, line = 0): void {
    this.warnings.push({ file, line, column: 0, message, problem });
  }

  /** An error at `offset` of `file`, unless that part of the file could not be parsed (its syntax error stands for it). */
  at(file: YamlFile, offset: number, message: string, problem?: LoadProblem): void {
    if (file.isBroken(offset)) return;
    const { line, col } = file.linePos(offset);
    this.add(file.display, message, line, col, problem);
  }

  /** Where `path` is in the file, as `file:line:column` text for cross-references. */
  where(file: YamlFile, path: readonly PropertyKey[]): string {
    const { line, col } = file.linePos(file.offsetOf(path));
    return `${file.display}:${line}:${col}`;
  }

  schema(file: YamlFile, problems: readonly SchemaProblem[]): void {
    for (const problem of problems) {
      const location = file.locate(problem.path);
      const offset = problem.atKey && location.pair ? keyOffset(location.pair, location.offset) : location.offset;
      this.at(file, offset, problem.message, problem.problem);
    }
  }
}

export interface Context {
  readonly absRoot: string;
  readonly realRoot: string;
  readonly rootName: string;
  readonly limits: Required<LoadOptions>;
  readonly problems: Problems;
  /** Raw quote → folded, shared by all cases (folding is the costly part of a quote check). */
  readonly foldCache: Map<string, string>;
  /** How many "closest sentence" hints were computed; see {@link CLOSEST_HINTS}. */
  closestHints: number;
}

/**
 * Finding the closest sentence costs a few edit distances per missing quote; a file of thousands of
 * wrong quotes (a bad paste, a wrong source file) would take minutes. Past this many, the error
 * still names every quote, without the hint.
 */
export const CLOSEST_HINTS = 50;

export function display(ctx: Context, abs: string): string {
  const rel = path.relative(ctx.absRoot, abs);
  return rel === '' ? ctx.rootName : [ctx.rootName, ...rel.split(path.sep)].join('/');
}

export async function readYaml(ctx: Context, abs: string): Promise<YamlFile | undefined> {
  const shown = display(ctx, abs);
  const read = await readTextFile(abs, ctx.realRoot, ctx.limits.maxYamlBytes);
  if (!read.ok) {
    ctx.problems.add(shown, read.message, read.line, read.column);
    return undefined;
  }
  // Fast path: plain files are read without the yaml package; positions come later if needed.
  const fast = parseYamlFast(read.text, ctx.limits.maxDepth);
  if (fast) return new YamlFile(shown, fast.data, read.text, ctx.limits, undefined, fast.itemLines);
  // Full path: the yaml package, with positions, reports syntax errors and limits.
  const lineCounter = new LineCounter();
  const parsed = parseYaml(read.text, lineCounter, ctx.limits);
  if (parsed.ok) return new YamlFile(shown, parsed.parsed.data, read.text, ctx.limits, { doc: parsed.parsed.doc, lineCounter });
  for (const problem of parsed.problems) {
    const { line, col } = lineCounter.linePos(problem.offset);
    ctx.problems.add(shown, problem.message, line, col, problem.problem);
  }
  // Errors confined to some facts or sources: check the rest of the file too, so one run reports all.
  const { recovered } = parsed;
  return recovered && new YamlFile(shown, recovered.parsed.data, read.text, ctx.limits, { doc: recovered.parsed.doc, lineCounter }, undefined, recovered.broken);
}

export function validate<T>(ctx: Context, file: YamlFile, schema: z.ZodType<T>, data: unknown, kind: 'case' | 'facts', prefix: readonly PropertyKey[] = []): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  ctx.problems.schema(file, describeIssues(result.error.issues, file.data, kind, prefix));
  return undefined;
}

