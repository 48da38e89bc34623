/**
 * The rules that keep the code easy to live in, checked on every `npm test`: no import cycles, and
 * each layer imports only the layers below it. The core (facts, search, store, answer, shared) is
 * free of discord.js, so the console, the CLI and the tests run it without a network.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findCycles, readImportGraph } from './import-graph.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const graph = readImportGraph(SRC);

/** What each core folder may import besides itself. Folders not listed (app, bot, console, …) sit on top. */
const CORE_MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  shared: [],
  facts: ['shared'],
  search: ['facts', 'shared'],
  store: ['search', 'facts', 'shared'],
  answer: ['search', 'facts', 'shared'],
};
/** Packages of the Discord transport; `discord-api-types` (plain types and constants of the reply format) is allowed. */
const TRANSPORT_PACKAGES = /^(discord\.js|@discordjs\/)/;

const folderOf = (module: string): string => module.split('/')[0] ?? module;

describe('the import graph of src/', () => {
  it('reads the modules it should (sanity: the rules below check something)', () => {
    expect(graph.modules.size).toBeGreaterThan(50);
    expect(graph.modules.get('facts/diff.ts')).toContain('facts/types.ts');
    expect(graph.packages.get('bot/client.ts')).toContain('discord.js');
  });

  it('has no import cycle', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('keeps each core folder to the layers below it', () => {
    const upward: string[] = [];
    for (const [module, targets] of graph.modules) {
      const allowed = CORE_MAY_IMPORT[folderOf(module)];
      if (allowed === undefined) continue;
      for (const target of targets) {
        const folder = folderOf(target);
        if (folder !== folderOf(module) && !allowed.includes(folder)) upward.push(`${module} imports ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps discord.js out of the core', () => {
    const found: string[] = [];
    for (const [module, packages] of graph.packages) {
      if (CORE_MAY_IMPORT[folderOf(module)] === undefined) continue;
      for (const name of packages) if (TRANSPORT_PACKAGES.test(name)) found.push(`${module} imports ${name}`);
    }
    expect(found).toEqual([]);
  });

  it('keeps the Redis client in src/redis/ (the app and the transports see only its interfaces)', () => {
    const users = [...graph.packages].filter(([, packages]) => packages.includes('ioredis')).map(([module]) => module);
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((module) => folderOf(module) !== 'redis')).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebot-imports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const plant = (files: Record<string, string>): string => {
    const root = mkdtempSync(join(dir, 'tree-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };

  it('finds a planted cycle through type-only imports, and reports it once', () => {
    const root = plant({
      'facts/diff.ts': "import type { FactDiff } from '../store/types.js';\nexport const x = 1;\n",
      'store/types.ts': "import type { FactIndex } from '../search/fact-index.js';\nexport type FactDiff = FactIndex;\n",
      'search/fact-index.ts': "import { x } from '../facts/diff.js';\nexport type FactIndex = typeof x;\n",
      'search/other.ts': "// import { nothing } from './fact-index.js' (a comment, not an import)\nexport {};\n",
    });
    expect(findCycles(readImportGraph(root))).toEqual([['facts/diff.ts', 'store/types.ts', 'search/fact-index.ts', 'facts/diff.ts']]);
  });

  it('finds none in a tree without one', () => {
    const root = plant({ 'a.ts': "export * from './b.js';\n", 'b.ts': "import('./c.js');\n", 'c.ts': 'export {};\n' });
    const planted = readImportGraph(root);
    expect(planted.modules.get('a.ts')).toEqual(['b.ts']);
    expect(planted.modules.get('b.ts')).toEqual(['c.ts']);
    expect(findCycles(planted)).toEqual([]);
  });
});
