/**
 * Semantic search in the store: ready in the background after a lexical start, reused across
 * reloads, and a missing or corrupt word-vector file never stops the bot from answering.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFacts, generateFactsFolder, makeTempDir, type GeneratedFolder } from '../../src/bench/generate.js';
import { loadLanguage } from '../../src/search/language.js';
import { FactStore } from '../../src/store/fact-store.js';

const factsDir = fileURLToPath(new URL('../../facts', import.meta.url));
const execFileAsync = promisify(execFile);

interface Logged {
  readonly level: 'info' | 'warn';
  readonly obj: object;
  readonly msg: string | undefined;
}
function recordingLog(): { log: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void }; lines: Logged[] } {
  const lines: Logged[] = [];
  return {
    lines,
    log: {
      info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
      warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    },
  };
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'casebot-semantic-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('FactStore with semantic search', () => {
  it('answers lexically at once, then says ready and answers by meaning', async () => {
    const { log, lines } = recordingLog();
    const store = await FactStore.open(factsDir, log);
    // Right after open: building (or already done on a fast machine), never off.
    expect(['building', 'ready']).toContain(store.status().semantic.state);
    expect(store.current().index.search('kato').hits.length).toBeGreaterThan(0);
    await store.semanticReady;
    expect(store.status().semantic).toEqual({ state: 'ready', facts: store.current().factSet.facts.length });
    expect(store.current().index.search('was data stolen').hits[0]?.fact.id).toBe('no-data-leak-or-damage');
    expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
    expect(lines.some((l) => l.msg === 'semantic search ready')).toBe(true);
  });

  it('a missing word-vector file: lexical answers, one clear warning, status says off and why', async () => {
    const { log, lines } = recordingLog();
    const language = await loadLanguage({ words: path.join(scratch, 'no-such-vectors.bin') });
    const store = await FactStore.open(factsDir, log, { language });
    await store.semanticReady;
    const status = store.status();
    expect(status.semantic.state).toBe('off');
    expect(status.semantic).toMatchObject({
      state: 'off',
      reason: {
        code: 'language',
        problem: { resource: 'word-vectors', detail: expect.stringMatching(/word vectors .*no-such-vectors\.bin.*does not exist/) },
      },
    });
    const warnings = lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0]?.obj)).toContain('semantic search is off');
    expect(store.current().index.search('kato').hits.length).toBeGreaterThan(0);
    // And a reload still works, lexically.
    expect((await store.reload('test')).ok).toBe(true);
    expect(store.status().semantic.state).toBe('off');
  });

  it('a Node without WebAssembly (--jitless): semantic search is off and says why; words answer, reloads work', async () => {
    // The scan kernel is WebAssembly; without it the word vectors are of no use, and the store
    // must run as with a missing file rather than fail every reload. A child process, since the
    // flag is per process.
    const script = [
      "const { loadLanguage } = await import('./src/search/language.ts');",
      "const { FactStore } = await import('./src/store/fact-store.ts');",
      'const log = { info() {}, warn() {} };',
      `const store = await FactStore.open(${JSON.stringify(factsDir)}, log, { language: loadLanguage() });`,
      'await store.semanticReady;',
      "const answered = store.current().index.search('kato').hits.length > 0;",
      "const reloaded = (await store.reload('test')).ok;",
      'console.log(JSON.stringify({ semantic: store.status().semantic, answered, reloaded }));',
    ].join('\n');
    const { stdout } = await execFileAsync(process.execPath, ['--jitless', '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      timeout: 60_000,
    });
    const result: unknown = JSON.parse(stdout.trim().split('\n').pop() ?? '');
    expect(result).toMatchObject({
      semantic: {
        state: 'off',
        reason: { code: 'language', problem: { resource: 'word-vectors', detail: expect.stringMatching(/WebAssembly.*--jitless/) } },
      },
      answered: true,
      reloaded: true,
    });
  }, 90_000);

  it('a corrupt word-vector file or glossary is refused with a reason, never a crash', async () => {
    const badVectors = path.join(scratch, 'corrupt.bin');
    const badGlossary = path.join(scratch, 'corrupt.tsv');
    await writeFile(badVectors, Buffer.from('CBWV garbage that is not a header'));
    await writeFile(badGlossary, 'not a glossary\n');
    const language = await loadLanguage({ words: badVectors, glossary: badGlossary });
    expect(language.words).toBeUndefined();
    expect(language.glossary).toBeUndefined();
    expect(language.problems).toHaveLength(2);
    expect(language.problems[0]?.message).toMatch(/^semantic search is off: word vectors .*corrupt\.bin/);
    expect(language.problems[1]?.message).toMatch(/^Japanese questions are read word by word only: /);
    const store = await FactStore.open(factsDir, recordingLog().log, { language });
    expect(store.current().index.search('JAXA').hits.length).toBeGreaterThan(0);
    expect(store.status().languageProblems).toEqual(language.problems);
  });
});

describe('FactStore reload with vectors', () => {
  let folder: GeneratedFolder;
  beforeAll(async () => {
    folder = await generateFactsFolder(await makeTempDir(), { facts: 2000, seed: 21 });
  }, 60_000);
  afterAll(async () => {
    await rm(folder.root, { recursive: true, force: true });
  });

  it('embeds only the facts a reload changed, and stays ready', async () => {
    const store = await FactStore.open(folder.root, recordingLog().log);
    await store.semanticReady;
    expect(store.current().index.vectors?.embedded).toBe(2000);
    const changed = await changeFacts(folder, 0.01, 5);
    const report = await store.reload('test');
    expect(report.ok).toBe(true);
    expect(store.current().index.vectors?.embedded).toBe(changed.length);
    expect(store.status().semantic).toEqual({ state: 'ready', facts: 2000 });
  }, 60_000);

  it('a small case is answered by meaning from the start; a large one by words until its vectors are ready', async () => {
    const small = await FactStore.open(folder.root, recordingLog().log);
    expect(small.status().semantic.state).toBe('ready');
    const large = await generateFactsFolder(await makeTempDir(), { facts: 6000, seed: 22 });
    try {
      const store = await FactStore.open(large.root, recordingLog().log);
      expect(store.status().semantic.state).toBe('building');
      expect(store.current().index.vectors).toBeUndefined();
      await store.semanticReady;
      expect(store.status().semantic.state).toBe('ready');
      expect(store.current().index.vectors?.size).toBe(6000);
    } finally {
      await rm(large.root, { recursive: true, force: true });
    }
  }, 60_000);

  it('a reload before the first vectors are ready wins: the late vectors are not swapped in', async () => {
    const copy = await makeTempDir();
    const big = await generateFactsFolder(copy, { facts: 6000, seed: 23 });
    const store = await FactStore.open(big.root, recordingLog().log);
    expect(store.status().semantic.state).toBe('building');
    const reloading = store.reload('early');
    await store.semanticReady;
    await reloading;
    const served = store.current();
    expect(served.version).toBe(2);
    expect(served.index.vectors?.size).toBe(served.factSet.facts.length);
    await rm(copy, { recursive: true, force: true });
  }, 60_000);
});
