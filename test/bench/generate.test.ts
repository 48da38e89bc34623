import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCases, changeFacts, generateFactsFolder, makeTempDir, type GeneratedFolder } from '../../src/bench/generate.js';
import { generateQueries } from '../../src/bench/queries.js';
import { passLatency, percentile } from '../../src/bench/stats.js';
import { diffFactSets } from '../../src/facts/diff.js';
import { loadFactsDir } from '../../src/facts/load.js';
import { formatLoadError } from '../../src/facts/types.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await makeTempDir('casebot-gen-test-');
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function readTree(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    files.set(path.relative(root, full), await readFile(full, 'utf8'));
  }
  return files;
}

describe('generateFactsFolder', () => {
  let folder: GeneratedFolder;

  beforeAll(async () => {
    folder = await generateFactsFolder(await tempDir(), { facts: 1000, seed: 7 });
  });

  it('writes the same bytes for the same seed, and different ones for another seed', async () => {
    const again = await generateFactsFolder(await tempDir(), { facts: 1000, seed: 7 });
    const other = await generateFactsFolder(await tempDir(), { facts: 1000, seed: 8 });
    const first = await readTree(folder.root);
    expect(await readTree(again.root)).toEqual(first);
    expect((await readTree(other.root)).get('bench-01/facts-001.yaml')).not.toBe(first.get('bench-01/facts-001.yaml'));
  });

  it('splits facts into files of at most 2000', () => {
    const cases = buildCases({ facts: 4500, seed: 1 });
    expect(cases).toHaveLength(1);
    expect(cases[0]?.files.map((f) => [f.name, f.facts.length])).toEqual([
      ['facts-001.yaml', 2000],
      ['facts-002.yaml', 2000],
      ['facts-003.yaml', 500],
    ]);
  });

  it('cites only sentences that occur verbatim in the cited source, in facts of at most 300 characters', () => {
    for (const c of folder.cases) {
      const sources = new Map(c.sources.map((s) => [s.id, s.text]));
      for (const file of c.files) {
        for (const fact of file.facts) {
          expect(fact.text.length).toBeLessThanOrEqual(300);
          for (const cite of fact.cite) expect(sources.get(cite.source)).toContain(cite.quote);
        }
      }
    }
  });

  it('has a varied vocabulary, alias groups with Japanese names, and about 5% Japanese passages', () => {
    const facts = folder.cases.flatMap((c) => c.files.flatMap((f) => f.facts));
    const words = new Set(facts.flatMap((f) => f.text.toLowerCase().split(/[^a-z]+/)));
    expect(words.size).toBeGreaterThan(1500);
    const japanese = facts.filter((f) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(f.text)).length / facts.length;
    expect(japanese).toBeGreaterThan(0.02);
    expect(japanese).toBeLessThan(0.1);
    const aliases = folder.cases[0]?.aliases ?? [];
    expect(aliases.length).toBeGreaterThan(10);
    expect(aliases.some((group) => group.some((name) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(name)))).toBe(true);
  });

  it('loads through loadFactsDir without errors', async () => {
    const result = await loadFactsDir(folder.root);
    if (!result.ok) throw new Error(result.errors.slice(0, 3).map(formatLoadError).join('\n'));
    expect(result.factSet.facts).toHaveLength(1000);
    expect(result.factSet.cases.get('bench-01')?.sources.size).toBeGreaterThanOrEqual(3);
  });

  it('changes exactly 1% of the facts, which a reload sees as changed', async () => {
    const changing = await generateFactsFolder(await tempDir(), { facts: 1000, seed: 7 });
    const before = await loadFactsDir(changing.root);
    const keys = await changeFacts(changing, 0.01, 3);
    const after = await loadFactsDir(changing.root);
    if (!before.ok || !after.ok) throw new Error('expected both folders to load');
    expect(keys).toHaveLength(10);
    const diff = diffFactSets(before.factSet, after.factSet);
    expect([...diff.changed].sort()).toEqual([...keys].sort());
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });
});

describe('generateQueries', () => {
  const queries = generateQueries(2000, 5);

  it('is deterministic for a seed', () => {
    expect(generateQueries(2000, 5)).toEqual(queries);
    expect(generateQueries(50, 6)).not.toEqual(queries.slice(0, 50));
  });

  it('mixes plain, typo, prefix, Japanese and off-topic queries of 1–3 words', () => {
    const share = (kind: string): number => queries.filter((q) => q.kind === kind).length / queries.length;
    expect(share('typo')).toBeGreaterThan(0.1);
    expect(share('typo')).toBeLessThan(0.2);
    expect(share('prefix')).toBeGreaterThan(0.1);
    expect(share('prefix')).toBeLessThan(0.2);
    expect(share('japanese')).toBeGreaterThan(0.03);
    expect(share('off-topic')).toBeGreaterThan(0.01);
    for (const q of queries) {
      const words = q.text.split(' ').length;
      expect(words).toBeGreaterThanOrEqual(1);
      expect(words).toBeLessThanOrEqual(3);
    }
    expect(new Set(queries.map((q) => q.text)).size).toBeGreaterThan(1000);
  });
});

describe('percentile', () => {
  it('returns a measured value by nearest rank', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(500);
    expect(percentile(samples, 99)).toBe(990);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('passLatency', () => {
  it('takes the median of the passes, so one stalled pass does not decide the p99', () => {
    const steady = Array.from({ length: 1000 }, (_, i) => (i < 980 ? 0.1 : 0.5));
    // The same code, but the machine stalled 20 calls by 4 ms.
    const stalled = steady.map((t, i) => (i % 50 === 0 ? t + 4 : t));
    const latency = passLatency([steady, stalled, steady]);
    expect(latency.p99s).toEqual([0.5, 4.1, 0.5]);
    expect(latency.p99).toBe(0.5);
    expect(latency.p50).toBe(0.1);
  });

  it('takes the mean of the two middle passes for an even number of passes', () => {
    const at = (p99: number): number[] => Array.from({ length: 100 }, (_, i) => (i < 90 ? 0.1 : p99));
    expect(passLatency([at(1), at(3)]).p99).toBe(2);
  });

  it('keeps a slow path that every pass shows', () => {
    const slow = Array.from({ length: 1000 }, (_, i) => (i < 980 ? 0.1 : 3));
    expect(passLatency([slow, slow, slow]).p99).toBe(3);
  });
});
