import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFactsFolder } from '../../src/bench/generate.js';
import { loadFactsDir } from '../../src/facts/load.js';
import type { LoadResult } from '../../src/facts/types.js';
import { FINGERPRINT_BYTES } from '../../src/store/fingerprint.js';
import { loadFactsDirInWorker, type WorkerLoadResult } from '../../src/store/load-in-worker.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'casebot-worker-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function folder(name: string, facts: number): Promise<string> {
  const dir = path.join(root, name);
  await generateFactsFolder(dir, { facts, seed: 11, cases: 2, factsPerFile: 40 });
  return dir;
}

/** The result without the worker's fingerprints, to compare with `loadFactsDir`'s. */
function plain(result: WorkerLoadResult): LoadResult {
  if (!result.ok) return result;
  const { fingerprints: _, ...rest } = result;
  return rest;
}

/** A copy of the `valid` fixture with a source file case.yaml does not list, and a question on both facts. */
async function folderWithWarnings(name: string): Promise<string> {
  const dir = path.join(root, name);
  await cp(path.join(import.meta.dirname, '../fixtures/facts/valid'), dir, { recursive: true });
  await writeFile(path.join(dir, 'demo', 'sources', 'notes.txt'), 'Nobody lists this file.');
  const facts = path.join(dir, 'demo', 'facts.yaml');
  const yaml = await readFile(facts, 'utf8');
  await writeFile(
    facts,
    yaml.replace(/^(\s+)tags: \[meeting\]$/m, '$1tags: [meeting]\n$1questions: [who met]').concat('    questions: [Who met]\n'),
  );
  return dir;
}

describe('loadFactsDirInWorker', () => {
  it('checks the settings the worker receives, and answers a bad one with an error, not a crash', async () => {
    const dir = await folder('settings', 5);
    let inWorker: boolean | null = null;
    const result = await loadFactsDirInWorker(dir, { maxDepth: -1 }, { onMode: (mode) => (inWorker = mode) });
    expect(inWorker).toBe(true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/load worker got invalid settings \(options\.maxDepth: /);
  });

  it('loads in a worker thread and returns the same FactSet as loadFactsDir', async () => {
    const dir = await folder('good', 150);
    let inWorker: boolean | null = null;
    const viaWorker = await loadFactsDirInWorker(dir, {}, { onMode: (mode) => (inWorker = mode) });
    const direct = await loadFactsDir(dir);
    expect(inWorker).toBe(true);
    expect(viaWorker.ok).toBe(true);
    expect(plain(viaWorker)).toEqual(direct);
    if (!viaWorker.ok) throw new Error('expected a fact set');
    expect(viaWorker.fingerprints?.length).toBe(150 * FINGERPRINT_BYTES);
  });

  it('reassembles the set in file order whatever the batch size', async () => {
    const dir = await folder('batched', 150);
    const direct = await loadFactsDir(dir);
    // Sources one or two per message as well (a piece holds at least one whole source).
    const small = await loadFactsDirInWorker(dir, {}, { batchSize: 7, sourcePieceChars: 1 });
    const whole = await loadFactsDirInWorker(dir, {}, { batchSize: 0 });
    expect(plain(small)).toEqual(direct);
    expect(plain(whole)).toEqual(direct);
    if (!small.ok) throw new Error('expected a fact set');
    expect(small.factSet.cases).toBeInstanceOf(Map);
    expect([...small.factSet.cases.values()][0]?.sources).toBeInstanceOf(Map);
  });

  it('returns the same errors as loadFactsDir for a broken folder', async () => {
    const dir = await folder('broken', 30);
    const file = path.join(dir, 'bench-01', 'facts-001.yaml');
    const yaml = await readFile(file, 'utf8');
    // Break one quote so it no longer occurs in its source.
    await writeFile(file, yaml.replace(/quote: "/, 'quote: "Nobody ever wrote this sentence, '));
    const viaWorker = await loadFactsDirInWorker(dir);
    const direct = await loadFactsDir(dir);
    expect(viaWorker.ok).toBe(false);
    expect(plain(viaWorker)).toEqual(direct);
    if (viaWorker.ok) throw new Error('expected errors');
    expect(viaWorker.errors[0]?.file).toMatch(/bench-01\/facts-001\.yaml$/);
  });

  it('carries the load warnings over from the worker, with their problem codes', async () => {
    const dir = await folderWithWarnings('warned');
    let inWorker: boolean | null = null;
    const result = await loadFactsDirInWorker(dir, {}, { onMode: (mode) => (inWorker = mode) });
    expect(inWorker).toBe(true);
    expect(plain(result)).toEqual(await loadFactsDir(dir));
    expect(result.ok).toBe(true);
    // In file order: demo/facts.yaml before demo/sources/notes.txt.
    expect(result.warnings.map((w) => w.problem?.kind)).toEqual(['shared-question', 'source-not-listed']);
    expect(result.warnings[0]).toMatchObject({
      line: expect.any(Number),
      problem: { question: 'Who met', first: 'met-in-tokyo', second: 'company-fake' },
    });
  });

  it('carries the warnings beside the errors when the folder does not load', async () => {
    const dir = await folderWithWarnings('warned-broken');
    const facts = path.join(dir, 'demo', 'facts.yaml');
    await writeFile(facts, (await readFile(facts, 'utf8')).replace('quote: The committee met', 'quote: The board met'));
    const result = await loadFactsDirInWorker(dir);
    expect(plain(result)).toEqual(await loadFactsDir(dir));
    expect(result.ok).toBe(false);
    // The fact with the broken quote is not loaded, so only the unlisted file is left to warn about.
    expect(result.warnings.map((w) => w.problem?.kind)).toEqual(['source-not-listed']);
  });

  it('reports a missing folder as a load error, not an exception', async () => {
    const missing = path.join(root, 'does-not-exist');
    const result = await loadFactsDirInWorker(missing);
    expect(result.ok).toBe(false);
    expect(plain(result)).toEqual(await loadFactsDir(missing));
  });

  it('falls back to loading on this thread when the worker cannot start', async () => {
    const dir = await folder('fallback', 20);
    let inWorker: boolean | null = null;
    const result = await loadFactsDirInWorker(
      dir,
      {},
      { entry: new URL('./no-such-worker.ts', import.meta.url), onMode: (mode) => (inWorker = mode) },
    );
    expect(inWorker).toBe(false);
    expect(plain(result)).toEqual(await loadFactsDir(dir));
    if (!result.ok) throw new Error('expected a fact set');
    expect(result.fingerprints).toBeNull();
  });

  it('passes the load limits through to the worker', async () => {
    const dir = await folder('limits', 20);
    const result = await loadFactsDirInWorker(dir, { maxYamlBytes: 100 });
    expect(plain(result)).toEqual(await loadFactsDir(dir, { maxYamlBytes: 100 }));
    expect(result.ok).toBe(false);
  });
});

describe('loadFactsDirInWorker with known facts', () => {
  it('takes unchanged facts from the known ones and receives only the changed ones', async () => {
    const dir = await folder('known', 120);
    const first = await loadFactsDirInWorker(dir);
    if (!first.ok || first.fingerprints === null) throw new Error('expected a worker load');
    const file = path.join(dir, 'bench-01', 'facts-001.yaml');
    const yaml = await readFile(file, 'utf8');
    // Reword one fact's text: its id stays, its fingerprint changes.
    const edited = yaml.replace(/^(\s+text: )"?(.)/m, '$1"Reworded: $2');
    expect(edited).not.toBe(yaml);
    await writeFile(file, edited);

    const second = await loadFactsDirInWorker(dir, {}, { known: { facts: first.factSet.facts, fingerprints: first.fingerprints } });
    expect(plain(second)).toEqual(await loadFactsDir(dir));
    if (!second.ok) throw new Error('expected a fact set');
    const held = new Set(first.factSet.facts);
    const fresh = second.factSet.facts.filter((fact) => !held.has(fact));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.text.startsWith('Reworded: ')).toBe(true);
  });

  it('still returns the right facts when the known fingerprints do not fit', async () => {
    const dir = await folder('known-mismatch', 40);
    const first = await loadFactsDirInWorker(dir);
    if (!first.ok) throw new Error('expected a fact set');
    // Fingerprints of another folder's facts: nothing matches, so every fact is sent.
    const wrong = { facts: first.factSet.facts, fingerprints: new Uint8Array(3 * FINGERPRINT_BYTES).fill(7) };
    const second = await loadFactsDirInWorker(dir, {}, { known: wrong });
    expect(plain(second)).toEqual(await loadFactsDir(dir));
    if (!second.ok) throw new Error('expected a fact set');
    const held = new Set(first.factSet.facts);
    expect(second.factSet.facts.some((fact) => held.has(fact))).toBe(false);
  });
});

describe('loadFactsDirInWorker against a worker that does not keep the protocol', () => {
  const DONE_EMPTY = "{ type: 'done', cases: 0, sources: 0, facts: 0, sent: 0, warnings: [] }";

  /** Loads a 10-fact folder with a fake worker that answers each `next` with the next of `pieces` (JS source). */
  async function loadWithFakeWorker(
    name: string,
    pieces: readonly string[],
  ): Promise<{ result: WorkerLoadResult; inWorker: boolean | null; dir: string }> {
    const dir = await folder(`fake-${name}`, 10);
    const file = path.join(root, `${name}.mjs`);
    await writeFile(
      file,
      `import { parentPort } from 'node:worker_threads';
const pieces = [${pieces.join(', ')}];
parentPort.on('message', () => { const p = pieces.shift(); if (p) parentPort.postMessage(p); });
parentPort.postMessage({ type: 'ready' });
`,
    );
    let inWorker: boolean | null = null;
    const result = await loadFactsDirInWorker(dir, {}, { entry: new URL(`file://${file}`), onMode: (mode) => (inWorker = mode) });
    return { result, inWorker, dir };
  }

  it('loads on this thread when sources arrive for a case that never came', async () => {
    const { result, inWorker, dir } = await loadWithFakeWorker('orphan-sources', [
      "{ type: 'sources', caseId: 'nope', sources: [] }",
      "{ type: 'refs', refs: new Int32Array(0), fingerprints: new Uint8Array(0) }",
      DONE_EMPTY,
    ]);
    expect(inWorker).toBe(false);
    expect(plain(result)).toEqual(await loadFactsDir(dir));
  });

  it('loads on this thread when a fact arrives in a shape it does not know', async () => {
    const { result, inWorker, dir } = await loadWithFakeWorker('odd-fact', [
      "{ type: 'refs', refs: new Int32Array([-1]), fingerprints: new Uint8Array(16) }",
      "{ type: 'facts', facts: [{ id: 'x', caseId: 'c' }] }",
      "{ type: 'done', cases: 0, sources: 0, facts: 1, sent: 1, warnings: [] }",
    ]);
    expect(inWorker).toBe(false);
    expect(plain(result)).toEqual(await loadFactsDir(dir));
  });

  it('loads on this thread when the warnings are not load errors (validated, not trusted)', async () => {
    const { result, inWorker, dir } = await loadWithFakeWorker('odd-warnings', [
      "{ type: 'refs', refs: new Int32Array(0), fingerprints: new Uint8Array(0) }",
      "{ type: 'done', cases: 0, sources: 0, facts: 0, sent: 0, warnings: [{ file: 'x', message: 'no line' }] }",
    ]);
    expect(inWorker).toBe(false);
    expect(plain(result)).toEqual(await loadFactsDir(dir));
  });

  it('loads on this thread when an errors reply has no warnings list (a worker of an older version)', async () => {
    const { result, inWorker, dir } = await loadWithFakeWorker('errors-without-warnings', [
      "{ type: 'errors', errors: [{ file: 'x', line: 1, column: 1, message: 'bad' }] }",
    ]);
    expect(inWorker).toBe(false);
    expect(plain(result)).toEqual(await loadFactsDir(dir));
    expect(result.ok).toBe(true);
  });

  it('loads on this thread when the fingerprints do not fit the facts', async () => {
    const { result, inWorker, dir } = await loadWithFakeWorker('bad-prints', [
      "{ type: 'refs', refs: new Int32Array(0), fingerprints: new Uint8Array(80) }",
      DONE_EMPTY,
    ]);
    expect(inWorker).toBe(false);
    expect(plain(result)).toEqual(await loadFactsDir(dir));
    if (!result.ok) throw new Error('expected a fact set');
    expect(result.fingerprints).toBeNull();
  });
});
