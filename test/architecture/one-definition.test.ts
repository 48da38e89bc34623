/**
 * One implementation of each idea: ideas that were once written several times over src/ stay
 * written once. Each check looks for the tell-tale text of a copy outside the one module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const FILES = new Map(sourceFiles(SRC).map((path) => [relative(SRC, path).split('\\').join('/'), readFileSync(path, 'utf8')]));

/** The modules of src/ whose text matches `pattern`, besides the `allowed` ones. */
function copiesOf(pattern: RegExp, allowed: readonly string[]): string[] {
  return [...FILES].filter(([path, text]) => !allowed.includes(path) && pattern.test(text)).map(([path]) => path);
}

describe('one definition of each idea in src/', () => {
  it('reads the tree (sanity: the checks below look at something)', () => {
    expect(FILES.size).toBeGreaterThan(100);
    expect(copiesOf(/export function oneLine/, [])).toEqual(['shared/whitespace.ts']);
  });

  it('folds whitespace only in src/shared/whitespace.ts', () => {
    expect(copiesOf(/\.replace\(\/\\s\+\/g?u?, ' '\)/, ['shared/whitespace.ts'])).toEqual([]);
  });

  it('declares the logger methods only in src/shared/log.ts (others take a Pick of Log)', () => {
    expect(copiesOf(/^\s+(debug|info|warn|error)\(obj: object, msg\?: string\): void;/m, ['shared/log.ts'])).toEqual([]);
  });
});
