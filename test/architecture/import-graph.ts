/**
 * The import graph of a source tree, read from the files' `import … from` / `export … from` /
 * `import('…')` specifiers (type-only imports included: a type cycle is still two modules that
 * cannot be understood apart). Enough for the architecture rules in imports.test.ts; not a parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface ImportGraph {
  /** Module path relative to the root (`facts/diff.ts`) → the relative modules it imports. */
  readonly modules: ReadonlyMap<string, readonly string[]>;
  /** Module path → the package specifiers it imports (`discord.js`, `node:fs`). */
  readonly packages: ReadonlyMap<string, readonly string[]>;
}

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Reads every `.ts` file under `root`. Relative specifiers (`./x.js`) map to the `.ts` file they compile from. */
export function readImportGraph(root: string): ImportGraph {
  const modules = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const from = relative(root, file);
    const local: string[] = [];
    const external: string[] = [];
    // Comments may quote import lines as examples; they are not imports.
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const match of code.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      if (specifier.startsWith('.')) local.push(relative(root, resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))));
      else external.push(specifier);
    }
    modules.set(from, local);
    packages.set(from, external);
  }
  return { modules, packages };
}

/**
 * Every import cycle, each as the list of modules around it (first module repeated at the end),
 * found by Tarjan's strongly connected components: one cycle per component, so a tangle of ten
 * modules is one finding, not hundreds.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (module: string): void => {
    index.set(module, next);
    low.set(module, next);
    next++;
    stack.push(module);
    onStack.add(module);
    for (const target of graph.modules.get(module) ?? []) {
      if (!graph.modules.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(module, Math.min(low.get(module) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(module, Math.min(low.get(module) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(module) !== index.get(module)) return;
    const component: string[] = [];
    for (;;) {
      const top = stack.pop();
      if (top === undefined) break;
      onStack.delete(top);
      component.push(top);
      if (top === module) break;
    }
    const selfImport = (graph.modules.get(module) ?? []).includes(module);
    if (component.length > 1 || selfImport) cycles.push(pathThrough(graph, new Set(component), module));
  };
  for (const module of [...graph.modules.keys()].sort()) if (!index.has(module)) visit(module);
  return cycles;
}

/** One concrete cycle through `start` inside its component (breadth-first, so the shortest). */
function pathThrough(graph: ImportGraph, component: ReadonlySet<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const module = queue.shift() ?? start;
    for (const target of graph.modules.get(module) ?? []) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = module; at !== start; at = previous.get(at) ?? start) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, module);
        queue.push(target);
      }
    }
  }
  return [start, start];
}
