/**
 * Loads a facts folder: walks the case folders and, for each, case.yaml (load-case-file.ts) and its
 * facts files (load-facts-file.ts), then returns the whole fact set or every problem found.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadCaseFile } from './load-case-file.js';
import { Problems, display, readYaml, type Context, type LoadOptions } from './load-context.js';
import { loadFactsFile, type FactSeen } from './load-facts-file.js';
import { sharedQuestionWarnings } from './question-problems.js';
import { isInside } from './read-file.js';
import type { Case, Fact, LoadError, LoadResult } from './types.js';

export type { LoadOptions } from './load-context.js';

const MB = 1024 * 1024;
const FACTS_FILE = /^facts(-[^/\\]+)?\.yaml$/;

async function loadCase(ctx: Context, caseDir: string, folderName: string): Promise<{ case: Case; facts: Fact[] } | undefined> {
  const names = (await readdir(caseDir)).sort();
  if (!names.includes('case.yaml')) {
    ctx.problems.add(display(ctx, caseDir), names.includes('case.yml')
      ? 'folder has case.yml; rename it to case.yaml'
      : `folder has no case.yaml; add one, or move the folder out of ${ctx.rootName}`);
    return undefined;
  }
  for (const name of names) {
    if (/^facts(-[^/\\]+)?\.yml$/.test(name)) ctx.problems.add(display(ctx, path.join(caseDir, name)), `rename this file to ${name.replace(/\.yml$/, '.yaml')}; .yml files are not read`);
  }
  const errorsBefore = ctx.problems.errors.length;
  const caseFile = await readYaml(ctx, path.join(caseDir, 'case.yaml'));
  const loadedCase = caseFile ? await loadCaseFile(ctx, caseDir, folderName, caseFile) : undefined;

  // facts.yaml first, then facts-*.yaml by name: that is "file order".
  const factFiles = names.filter((n) => FACTS_FILE.test(n)).sort((a, b) => (a === 'facts.yaml' ? -1 : b === 'facts.yaml' ? 1 : a < b ? -1 : 1));
  if (factFiles.length === 0) ctx.problems.add(display(ctx, caseDir), "case has no facts.yaml; add one with a 'facts:' list");
  const seenIds = new Map<string, FactSeen>();
  const facts: Fact[] = [];
  for (const name of factFiles) {
    const file = await readYaml(ctx, path.join(caseDir, name));
    if (!file) continue;
    const sources = loadedCase?.sources ?? { loaded: new Map(), knownIds: undefined, unlisted: [] };
    for (const fact of loadFactsFile(ctx, folderName, file, sources, seenIds)) facts.push(fact);
  }
  for (const warning of sharedQuestionWarnings(facts)) ctx.problems.warn(warning.file, warning.message, warning.problem, warning.line);
  if (!loadedCase?.meta || ctx.problems.errors.length > errorsBefore) return undefined;
  const sources = new Map([...loadedCase.sources.loaded].map(([id, l]) => [id, l.source]));
  return { case: { ...loadedCase.meta, sources }, facts };
}

/** Case folders under the root, sorted; reports stray folders and links leading outside. */
async function caseFolders(ctx: Context): Promise<{ dir: string; name: string }[]> {
  const entries = await readdir(ctx.absRoot, { withFileTypes: true });
  const folders: { dir: string; name: string }[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const dir = path.join(ctx.absRoot, entry.name);
    if (entry.isSymbolicLink()) {
      try {
        const real = await realpath(dir);
        if (!(await stat(real)).isDirectory()) continue;
        if (!isInside(real, ctx.realRoot)) {
          ctx.problems.add(display(ctx, dir), 'folder is a symbolic link to a place outside the facts folder; copy the case in instead');
          continue;
        }
      } catch {
        continue; // a broken link is not a case folder
      }
    } else if (!entry.isDirectory()) {
      continue;
    }
    folders.push({ dir, name: entry.name });
  }
  return folders;
}

/**
 * Loads and validates a facts folder: every `<case-id>/case.yaml`, `facts.yaml`, `facts-*.yaml`
 * and the source documents they name. Returns the complete {@link FactSet}, or every problem
 * found (file relative to the root's parent, like `facts/tick-jaxa/facts.yaml`, 1-based line and
 * column, a message saying what to do) — never half a set. Never throws and never reads outside
 * `root`.
 *
 * @example
 * const result = await loadFactsDir('./facts');
 * if (result.ok) console.log(result.factSet.facts.length);
 * else for (const e of result.errors) console.error(formatLoadError(e));
 */
export async function loadFactsDir(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const absRoot = path.resolve(root);
  const rootName = path.basename(absRoot) || absRoot;
  const problems = new Problems();
  try {
    let realRoot: string;
    try {
      realRoot = await realpath(absRoot);
      if (!(await stat(realRoot)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    } catch {
      return { ok: false, errors: [{ file: rootName, line: 0, column: 0, message: 'facts folder not found or not a folder; check FACTS_DIR' }], warnings: [] };
    }
    const ctx: Context = {
      absRoot,
      realRoot,
      rootName,
      problems,
      foldCache: new Map(),
      closestHints: 0,
      limits: {
        maxYamlBytes: options.maxYamlBytes ?? 5 * MB,
        maxSourceBytes: options.maxSourceBytes ?? 20 * MB,
        maxAliasCount: options.maxAliasCount ?? 100,
        maxDepth: options.maxDepth ?? 32,
      },
    };
    const cases = new Map<string, Case>();
    const facts: Fact[] = [];
    const folders = await caseFolders(ctx);
    for (const { dir, name } of folders) {
      const loaded = await loadCase(ctx, dir, name);
      if (!loaded) continue;
      cases.set(loaded.case.id, loaded.case);
      for (const fact of loaded.facts) facts.push(fact); // push(...facts) overflows the stack past ~100k
    }
    if (folders.length === 0 && problems.errors.length === 0) {
      problems.add(rootName, `no case folders found; add one like ${rootName}/<case-id>/case.yaml`);
    }
    const warnings = sortErrors(problems.warnings);
    if (problems.errors.length > 0) return { ok: false, errors: sortErrors(problems.errors), warnings };
    return { ok: true, factSet: { cases, facts }, warnings };
  } catch (error) {
    // Reaching here means an I/O failure we did not foresee (e.g. a folder vanished mid-load).
    problems.add(rootName, `the facts folder could not be read (${error instanceof Error && 'code' in error ? String(error.code) : 'error'}); try again`);
    return { ok: false, errors: sortErrors(problems.errors), warnings: sortErrors(problems.warnings) };
  }
}

function sortErrors(errors: readonly LoadError[]): LoadError[] {
  return [...errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
