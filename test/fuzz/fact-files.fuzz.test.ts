/**
 * Property-based tests of the loader against mutated copies of the real facts folder: whatever a
 * moderator (or a broken editor, or an attacker with write access to the folder) puts there,
 * `loadFactsDir` never throws, is quick, never reads outside the root, and either returns a
 * complete, consistent fact set or errors located inside the root. A FactStore keeps serving the
 * old facts when a reload fails.
 */
import { execFileSync } from 'node:child_process';
import {
  chmod,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  realpath,
  rename,
  rm,
  symlink,
  truncate,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { loadFactsDir } from '../../src/facts/load.js';
import { foldForQuoteMatch } from '../../src/facts/quotes.js';
import type { LoadResult } from '../../src/facts/types.js';
import { FactStore } from '../../src/store/fact-store.js';
import { LONG, fuzzSeed } from './fuzz-config.js';

const REAL_FACTS = path.join(import.meta.dirname, '../../facts');
const CASE = 'tick-jaxa';
const FILES = ['case.yaml', 'facts.yaml', 'sources/tick-jaxa-report.txt'] as const;
type CaseFile = (typeof FILES)[number];
/** Mutated folders: ≥ 1 000 under FUZZ=1 (plus the store's). */
// Each store reload starts a loader worker (~1 s under tsx), so the store gets fewer runs.
const RUNS = { folders: LONG ? 1_000 : 40, store: LONG ? 60 : 4 };
/** "A few seconds" on two shared cores; a typical load takes tens of milliseconds. */
const MAX_LOAD_MS = 4_000;
const MB = 1024 * 1024;

/** A string that must never show up in anything the loader returns: it lives only outside the root. */
const SECRET = `CASEBOT-SECRET-${process.pid}-${Date.now().toString(36)}`;

let base: string; // <tmp>/casebot-fuzz-*/ — holds the root and outside.txt (for ../../outside.txt)
let root: string; // <base>/facts — the facts root under test (rootName 'facts')
let outsideDir: string; // another temp dir with secret files, the target of symlinks
let outsideFiles: Map<string, string>;
let storeBase: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'casebot-fuzz-'));
  root = path.join(base, 'facts');
  storeBase = await mkdtemp(path.join(tmpdir(), 'casebot-fuzz-store-'));
  outsideDir = await mkdtemp(path.join(tmpdir(), 'casebot-fuzz-outside-'));
  const realCase = await readFile(path.join(REAL_FACTS, CASE, 'case.yaml'), 'utf8');
  const realReport = await readFile(path.join(REAL_FACTS, CASE, 'sources/tick-jaxa-report.txt'), 'utf8');
  // Outside files that would load fine if followed, so reading them would show up in a result.
  outsideFiles = new Map([
    ['secret.txt', `${SECRET} is the password. ${realReport}\n${SECRET}.\n`],
    ['case.yaml', realCase.replace(/^title: .*$/m, `title: "${SECRET}"`)],
    [
      'facts.yaml',
      `facts:\n  - id: secret-fact\n    text: "${SECRET}"\n    cite:\n      - source: report\n        quote: "${SECRET} is the password."\n`,
    ],
  ]);
  for (const [name, text] of outsideFiles) await writeFile(path.join(outsideDir, name), text);
  await mkdir(path.join(outsideDir, CASE, 'sources'), { recursive: true });
  await writeFile(path.join(outsideDir, CASE, 'case.yaml'), outsideFiles.get('case.yaml') ?? '');
  await writeFile(path.join(outsideDir, CASE, 'facts.yaml'), outsideFiles.get('facts.yaml') ?? '');
  await writeFile(path.join(outsideDir, CASE, 'sources/tick-jaxa-report.txt'), outsideFiles.get('secret.txt') ?? '');
  await writeFile(path.join(base, 'outside.txt'), outsideFiles.get('secret.txt') ?? '');
});

afterAll(async () => {
  for (const dir of [base, storeBase, outsideDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

/** Fresh copy of the real facts folder at `dir` (writable, whatever the source's modes). */
async function freshCopy(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await cp(REAL_FACTS, dir, { recursive: true });
  for (const rel of ['', CASE, `${CASE}/sources`]) await chmod(path.join(dir, rel), 0o755);
  for (const rel of FILES) await chmod(path.join(dir, CASE, rel), 0o644);
}

// ---------------------------------------------------------------------------------------------
// Mutations

type Mutation =
  | { kind: 'truncate'; file: CaseFile; at: number }
  | { kind: 'retype'; file: CaseFile; pick: number; to: 'number' | 'bool' | 'null' | 'seq' | 'map' | 'string' | 'empty-string' }
  | { kind: 'duplicate-key'; file: CaseFile; pick: number }
  | { kind: 'huge-value'; file: CaseFile; pick: number }
  | { kind: 'bom'; file: CaseFile }
  | { kind: 'crlf'; file: CaseFile }
  | { kind: 'invalid-utf8'; file: CaseFile; at: number; bytes: readonly number[] }
  | { kind: 'deep-flow'; file: CaseFile; levels: number }
  | { kind: 'deep-block'; file: CaseFile; levels: number }
  | { kind: 'alias-bomb'; file: CaseFile }
  | { kind: 'symlink-out'; what: 'source' | 'facts' | 'case' | 'case-dir' | 'sources-dir' }
  | { kind: 'symlink-odd'; what: 'loop' | 'dangling' | 'inside' | 'to-root' | 'to-root-parent' | 'to-self' }
  | { kind: 'source-path'; to: string }
  | { kind: 'delete'; file: CaseFile }
  | { kind: 'rename-case'; to: string }
  | { kind: 'empty'; file: CaseFile }
  | { kind: 'garbage'; file: CaseFile; bytes: Uint8Array }
  | { kind: 'extra-facts-file'; name: string }
  | { kind: 'swap-lines'; file: CaseFile; a: number; b: number };

const caseFile = fc.constantFrom(...FILES);
const unit = fc.double({ min: 0, max: 1, noNaN: true });

function mutationArb(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), file: caseFile, at: unit }),
    fc.record({
      kind: fc.constant('retype' as const),
      file: fc.constantFrom<CaseFile>('case.yaml', 'facts.yaml'),
      pick: fc.nat(),
      to: fc.constantFrom(
        'number' as const,
        'bool' as const,
        'null' as const,
        'seq' as const,
        'map' as const,
        'string' as const,
        'empty-string' as const,
      ),
    }),
    fc.record({ kind: fc.constant('duplicate-key' as const), file: fc.constantFrom<CaseFile>('case.yaml', 'facts.yaml'), pick: fc.nat() }),
    fc.record({ kind: fc.constant('huge-value' as const), file: caseFile, pick: fc.nat() }),
    fc.record({ kind: fc.constant('bom' as const), file: caseFile }),
    fc.record({ kind: fc.constant('crlf' as const), file: caseFile }),
    fc.record({
      kind: fc.constant('invalid-utf8' as const),
      file: caseFile,
      at: unit,
      bytes: fc.constantFrom(
        [0xff],
        [0xfe, 0xff],
        [0xc3, 0x28],
        [0xed, 0xa0, 0x80],
        [0xf4, 0x90, 0x80, 0x80],
        [0xe2, 0x82],
        [0xc0, 0xaf],
        [0x80],
      ),
    }),
    fc.record({
      kind: fc.constant('deep-flow' as const),
      file: fc.constantFrom<CaseFile>('case.yaml', 'facts.yaml'),
      levels: fc.constantFrom(33, 100, 10_000),
    }),
    fc.record({
      kind: fc.constant('deep-block' as const),
      file: fc.constantFrom<CaseFile>('case.yaml', 'facts.yaml'),
      levels: fc.constantFrom(33, 100, 10_000),
    }),
    fc.record({ kind: fc.constant('alias-bomb' as const), file: fc.constantFrom<CaseFile>('case.yaml', 'facts.yaml') }),
    fc.record({
      kind: fc.constant('symlink-out' as const),
      what: fc.constantFrom('source' as const, 'facts' as const, 'case' as const, 'case-dir' as const, 'sources-dir' as const),
    }),
    fc.record({
      kind: fc.constant('symlink-odd' as const),
      what: fc.constantFrom(
        'loop' as const,
        'dangling' as const,
        'inside' as const,
        'to-root' as const,
        'to-root-parent' as const,
        'to-self' as const,
      ),
    }),
    fc.record({
      kind: fc.constant('source-path' as const),
      to: fc.constantFrom(
        '../../outside.txt',
        '../outside.txt',
        'sources/../../../outside.txt',
        '/etc/passwd',
        '@@OUTSIDE@@',
        'sources/tick-jaxa-report.txt\u0000',
        'sources/',
        '.',
        '',
        'sources/../sources/tick-jaxa-report.txt',
        'file:///etc/passwd',
        '~/outside.txt',
        'sources\\..\\..\\..\\outside.txt',
      ),
    }),
    fc.record({ kind: fc.constant('delete' as const), file: caseFile }),
    fc.record({
      kind: fc.constant('rename-case' as const),
      to: fc.constantFrom('other-case', 'Tick-JAXA', '.hidden', 'tick jaxa', 'tick-jaxa-2', '..tick', 'case.yaml'),
    }),
    fc.record({ kind: fc.constant('empty' as const), file: caseFile }),
    fc.record({ kind: fc.constant('garbage' as const), file: caseFile, bytes: fc.uint8Array({ minLength: 1, maxLength: 4096 }) }),
    fc.record({
      kind: fc.constant('extra-facts-file' as const),
      name: fc.constantFrom('facts-copy.yaml', 'facts.yml', 'facts-.yaml', 'facts-x.yaml'),
    }),
    fc.record({ kind: fc.constant('swap-lines' as const), file: caseFile, a: fc.nat(), b: fc.nat() }),
  );
}

/** The case folder as it is now (it may have been renamed), or undefined when gone or a link out. */
async function caseDir(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch((): string[] => []);
  const name = names.find((n) => n === CASE) ?? names.find((n) => !n.includes('.yaml') && n !== '.' && n !== '..');
  return name === undefined ? undefined : path.join(dir, name);
}

/** Whether the folder holding `abs` really lies inside `dir` (not reached through a symlink out). */
async function parentInside(dir: string, abs: string): Promise<boolean> {
  try {
    const rel = path.relative(await realpath(dir), await realpath(path.dirname(abs)));
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  } catch {
    return false;
  }
}

/** Whether `abs` is a plain file (or nothing) inside `dir`, not through a symlink: only then may the test write it. */
async function writable(dir: string, abs: string): Promise<boolean> {
  if (!(await parentInside(dir, abs))) return false;
  const info = await lstat(abs).catch(() => undefined);
  return info === undefined || info.isFile();
}

async function readBytes(dir: string, abs: string): Promise<Buffer | undefined> {
  if (!(await writable(dir, abs))) return undefined;
  return readFile(abs).catch(() => undefined);
}

/** The key lines (`  key: value` or `- key: value`) of a YAML text, by line number. */
function keyLines(lines: readonly string[]): number[] {
  return lines.flatMap((line, i) => (/^\s*(- )?[A-Za-z_][\w-]*:/.test(line) ? [i] : []));
}

/** Every path to a value in plain YAML data, for picking one to retype. */
function valuePaths(data: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (prefix.length > 0) out.push(prefix);
  if (Array.isArray(data)) data.forEach((item: unknown, i) => valuePaths(item, [...prefix, i], out));
  else if (data !== null && typeof data === 'object') for (const [k, v] of Object.entries(data)) valuePaths(v, [...prefix, k], out);
  return out;
}

const RETYPED = { number: 42, bool: true, null: null, seq: ['a', 1], map: { x: 1 }, string: 'some text', 'empty-string': '' } as const;

function aliasBomb(): string {
  const lines = ['bomb0: &b0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i <= 9; i += 1) lines.push(`bomb${i}: &b${i} [${Array.from({ length: 9 }, () => `*b${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** Applies one mutation to the facts root `dir`; mutations that no longer apply (file gone) do nothing. */
async function mutate(dir: string, m: Mutation): Promise<void> {
  const cdir = await caseDir(dir);
  if (cdir === undefined) return;
  const target = 'file' in m ? path.join(cdir, m.file) : '';
  switch (m.kind) {
    case 'truncate': {
      const bytes = await readBytes(dir, target);
      if (bytes) await writeFile(target, bytes.subarray(0, Math.floor(bytes.length * m.at)));
      return;
    }
    case 'retype': {
      const bytes = await readBytes(dir, target);
      if (!bytes) return;
      const doc = parseDocument(bytes.toString('utf8'), { uniqueKeys: false });
      if (doc.errors.length > 0) return;
      let data: unknown;
      try {
        data = doc.toJS({ maxAliasCount: 100 });
      } catch {
        return; // an alias bomb from an earlier mutation
      }
      const paths = valuePaths(data);
      const at = paths[m.pick % Math.max(1, paths.length)];
      if (at === undefined) return;
      try {
        doc.setIn(at, doc.createNode(RETYPED[m.to]));
      } catch {
        return; // a path the yaml library cannot follow (e.g. through a duplicated key)
      }
      await writeFile(target, doc.toString());
      return;
    }
    case 'duplicate-key': {
      const bytes = await readBytes(dir, target);
      if (!bytes) return;
      const lines = bytes.toString('utf8').split('\n');
      const candidates = keyLines(lines);
      const i = candidates[m.pick % Math.max(1, candidates.length)];
      const line = i === undefined ? undefined : lines[i];
      if (i === undefined || line === undefined) return;
      lines.splice(i + 1, 0, line.replace(/^(\s*)- /, '$1  '));
      await writeFile(target, lines.join('\n'));
      return;
    }
    case 'huge-value': {
      const bytes = await readBytes(dir, target);
      if (!bytes) return;
      const huge = 'A'.repeat(MB);
      if (m.file.endsWith('.txt')) {
        await writeFile(target, Buffer.concat([bytes, Buffer.from(` ${huge}.\n`)]));
        return;
      }
      const lines = bytes.toString('utf8').split('\n');
      const candidates = keyLines(lines);
      const i = candidates[m.pick % Math.max(1, candidates.length)];
      const line = i === undefined ? undefined : lines[i];
      if (i === undefined || line === undefined) return;
      lines[i] = `${line.replace(/:.*$/, ':')} "${huge}"`;
      await writeFile(target, lines.join('\n'));
      return;
    }
    case 'bom': {
      const bytes = await readBytes(dir, target);
      if (bytes) await writeFile(target, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
      return;
    }
    case 'crlf': {
      const bytes = await readBytes(dir, target);
      if (bytes) await writeFile(target, bytes.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
      return;
    }
    case 'invalid-utf8': {
      const bytes = await readBytes(dir, target);
      if (!bytes) return;
      const at = Math.floor(bytes.length * m.at);
      await writeFile(target, Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]));
      return;
    }
    case 'deep-flow': {
      const bytes = await readBytes(dir, target);
      if (!bytes) return;
      const deep = `${'['.repeat(m.levels)}x${']'.repeat(m.levels)}`;
      await writeFile(target, `${bytes.toString('utf8')}\ndeep: ${deep}\n`);
      return;
    }
    case 'deep-block': {
      if (!(await writable(dir, target))) return;
      // `- - - - x` nests a block sequence per dash; also as indented lines.
      const inline = `deep:\n  ${'- '.repeat(m.levels)}x\n`;
      const indented = Array.from({ length: Math.min(m.levels, 2000) }, (_, i) => `${' '.repeat(i)}-`).join('\n');
      await writeFile(target, m.levels % 2 === 0 ? inline : `${inline}more:\n${indented} x\n`);
      return;
    }
    case 'alias-bomb': {
      const bytes = await readBytes(dir, target);
      if (bytes) await writeFile(target, `${bytes.toString('utf8')}\n${aliasBomb()}`);
      return;
    }
    case 'symlink-out': {
      const swap = async (link: string, to: string): Promise<void> => {
        // Only replace a plain file or folder that really lies inside the root (never one reached through a link).
        if (!(await parentInside(dir, link))) return;
        const info = await lstat(link).catch(() => undefined);
        if (info !== undefined && !info.isFile() && !info.isDirectory()) return;
        await rm(link, { recursive: true, force: true });
        await symlink(to, link);
      };
      if (m.what === 'source') await swap(path.join(cdir, 'sources/tick-jaxa-report.txt'), path.join(outsideDir, 'secret.txt'));
      else if (m.what === 'facts') await swap(path.join(cdir, 'facts.yaml'), path.join(outsideDir, 'facts.yaml'));
      else if (m.what === 'case') await swap(path.join(cdir, 'case.yaml'), path.join(outsideDir, 'case.yaml'));
      else if (m.what === 'sources-dir') await swap(path.join(cdir, 'sources'), path.join(outsideDir, CASE, 'sources'));
      else {
        await rm(cdir, { recursive: true, force: true });
        await symlink(path.join(outsideDir, CASE), cdir);
      }
      return;
    }
    case 'symlink-odd': {
      const report = path.join(cdir, 'sources/tick-jaxa-report.txt');
      if (m.what === 'to-root' || m.what === 'to-root-parent') {
        // A second "case folder" that is a link to the root itself, or to the folder holding it.
        await symlink(m.what === 'to-root' ? dir : path.dirname(dir), path.join(dir, `linked-${m.what}`)).catch(() => undefined);
        return;
      }
      if (!(await writable(dir, report))) return;
      await rm(report, { force: true });
      if (m.what === 'loop') {
        await symlink('loop-b.txt', report);
        await symlink('tick-jaxa-report.txt', path.join(cdir, 'sources/loop-b.txt')).catch(() => undefined);
      } else if (m.what === 'dangling') {
        await symlink('nowhere.txt', report);
      } else if (m.what === 'to-self') {
        await symlink('tick-jaxa-report.txt', report);
      } else {
        // Inside the root, so allowed: the source is then case.yaml's text (quotes will not match).
        await symlink('../case.yaml', report);
      }
      return;
    }
    case 'source-path': {
      const file = path.join(cdir, 'case.yaml');
      const bytes = await readBytes(dir, file);
      if (!bytes) return;
      const to = m.to === '@@OUTSIDE@@' ? path.join(outsideDir, 'secret.txt') : m.to;
      await writeFile(file, bytes.toString('utf8').replace(/^(\s*)file: .*$/m, `$1file: ${JSON.stringify(to)}`));
      return;
    }
    case 'delete':
      if (await writable(dir, target)) await rm(target, { force: true });
      return;
    case 'rename-case':
      if ((await lstat(cdir)).isDirectory() && path.basename(cdir) !== m.to)
        await rename(cdir, path.join(dir, m.to)).catch(() => undefined);
      return;
    case 'empty':
      if (await writable(dir, target)) await writeFile(target, '');
      return;
    case 'garbage':
      if (await writable(dir, target)) await writeFile(target, m.bytes);
      return;
    case 'extra-facts-file': {
      const bytes = await readBytes(dir, path.join(cdir, 'facts.yaml'));
      const extra = path.join(cdir, m.name);
      if (bytes && (await writable(dir, extra))) await writeFile(extra, bytes);
      return;
    }
    case 'swap-lines': {
      const bytes = await readBytes(dir, target);
      if (!bytes) return;
      const lines = bytes.toString('utf8').split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      const la = lines[a];
      const lb = lines[b];
      if (la === undefined || lb === undefined) return;
      lines[a] = lb;
      lines[b] = la;
      await writeFile(target, lines.join('\n'));
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The property

/** Every string reachable from a load result (Maps included), for the secret check. */
function strings(value: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value !== null && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    const items: unknown[] =
      value instanceof Map ? [...value.keys(), ...value.values()] : Array.isArray(value) ? value : Object.values(value);
    for (const item of items) strings(item, out, seen);
  }
  return out;
}

function inRoot(file: string, rootName: string): boolean {
  return (
    (file === rootName || file.startsWith(`${rootName}/`)) &&
    !file.split(/[\\/]/).includes('..') &&
    !path.isAbsolute(file) &&
    !file.includes(base) &&
    !file.includes(outsideDir)
  );
}

/** The loader's contract for any folder; throws a readable message when broken. */
function checkResult(result: LoadResult, rootName: string): void {
  for (const s of strings(result)) {
    if (s.includes(SECRET)) throw new Error(`the result contains text from outside the root: ${JSON.stringify(s.slice(0, 200))}`);
  }
  if (!result.ok) {
    if (result.errors.length === 0) throw new Error('not ok, but no errors');
    for (const e of result.errors) {
      const shown = JSON.stringify(e);
      if (typeof e.file !== 'string' || e.file.length === 0 || !inRoot(e.file, rootName))
        throw new Error(`error file is not a path inside the root: ${shown}`);
      if (!Number.isInteger(e.line) || e.line < 0) throw new Error(`error line is not ≥ 0: ${shown}`);
      if (!Number.isInteger(e.column) || e.column < 0) throw new Error(`error column is not ≥ 0: ${shown}`);
      if (typeof e.message !== 'string' || e.message.trim().length === 0) throw new Error(`error without a message: ${shown}`);
      // (A message may quote an absolute path the moderator wrote in case.yaml; never one the loader made up.)
      if (e.message.includes(base)) throw new Error(`error message shows the root's absolute path: ${shown}`);
    }
    return;
  }
  // A complete set: every fact belongs to a loaded case and rests on a loaded source containing its quote.
  const { cases, facts } = result.factSet;
  if (cases.size === 0) throw new Error('ok with no cases');
  for (const c of cases.values()) {
    for (const s of c.sources.values()) if (!inRoot(s.file, rootName)) throw new Error(`source file outside the root: ${s.file}`);
  }
  for (const fact of facts) {
    const owner = cases.get(fact.caseId);
    if (!owner) throw new Error(`fact ${fact.id} of unknown case ${fact.caseId}`);
    if (!inRoot(fact.file, rootName) || fact.line < 1) throw new Error(`fact ${fact.id} at ${fact.file}:${fact.line}`);
    if (fact.citations.length === 0) throw new Error(`fact ${fact.id} has no citation`);
    for (const c of fact.citations) {
      const source = owner.sources.get(c.source);
      if (!source) throw new Error(`fact ${fact.id} cites unknown source ${c.source}`);
      if (!foldForQuoteMatch(source.text).includes(foldForQuoteMatch(c.quote))) throw new Error(`fact ${fact.id}: quote not in its source`);
    }
  }
}

async function timedLoad(dir: string): Promise<{ result: LoadResult; ms: number }> {
  const started = performance.now();
  const result = await loadFactsDir(dir); // a throw fails the property with the mutations shown
  return { result, ms: performance.now() - started };
}

describe('fuzz: mutated facts folders', () => {
  let original: LoadResult;
  beforeAll(async () => {
    original = await loadFactsDir(REAL_FACTS);
    if (!original.ok) throw new Error('the real facts do not load');
  });

  it(
    `loadFactsDir never throws, is quick, stays inside the root, and returns a complete set or located errors (${RUNS.folders} folders)`,
    async () => {
      const seed = fuzzSeed('fact-files/folders');
      const stats = { runs: 0, ok: 0, errors: 0, slowest: 0, total: 0, slowestMutations: '' };
      await fc.assert(
        fc.asyncProperty(fc.array(mutationArb(), { minLength: 1, maxLength: 3 }), async (mutations) => {
          await freshCopy(root);
          for (const m of mutations) await mutate(root, m);
          const { result, ms } = await timedLoad(root);
          stats.runs += 1;
          stats.total += ms;
          if (ms > stats.slowest) {
            stats.slowest = ms;
            stats.slowestMutations = mutations.map((m) => m.kind).join('+');
          }
          if (result.ok) stats.ok += 1;
          else stats.errors += 1;
          checkResult(result, 'facts');
          if (ms > MAX_LOAD_MS) throw new Error(`loading took ${Math.round(ms)} ms`);
        }),
        // Shrinking re-runs whole folders; a few steps are enough to get a readable counterexample.
        { seed, numRuns: RUNS.folders, endOnFailure: !LONG },
      );
      console.log(
        `[fuzz] fact-files/folders: ${stats.runs} folders, ${stats.ok} loaded, ${stats.errors} refused; mean ${Math.round(stats.total / Math.max(1, stats.runs))} ms, slowest ${Math.round(stats.slowest)} ms (${stats.slowestMutations})`,
      );
    },
    LONG ? 600_000 : 30_000,
  );

  it('the outside files were never modified by the mutations', async () => {
    for (const [name, text] of outsideFiles) expect(await readFile(path.join(outsideDir, name), 'utf8')).toBe(text);
    expect(await readFile(path.join(base, 'outside.txt'), 'utf8')).toBe(outsideFiles.get('secret.txt'));
  });

  it('a BOM and CRLF on every file change nothing', async () => {
    await freshCopy(root);
    for (const file of FILES) {
      await mutate(root, { kind: 'crlf', file });
      await mutate(root, { kind: 'bom', file });
    }
    const { result } = await timedLoad(root);
    checkResult(result, 'facts');
    if (!result.ok || !original.ok) throw new Error(JSON.stringify(result));
    expect(result.factSet.facts.map((f) => [f.id, f.text, f.line, f.citations])).toEqual(
      original.factSet.facts.map((f) => [f.id, f.text, f.line, f.citations]),
    );
  });

  it('a 50 MB facts file and a 50 MB source are refused quickly by the size limit', async () => {
    await freshCopy(root);
    const cdir = path.join(root, CASE);
    const line = Buffer.from('  - id: x\n    text: y\n');
    await writeFile(path.join(cdir, 'facts-big.yaml'), Buffer.concat([Buffer.from('facts:\n'), Buffer.alloc(50 * MB - 7, line)]));
    await truncate(path.join(cdir, 'sources/tick-jaxa-report.txt'), 50 * MB); // sparse: cheap to make
    const { result, ms } = await timedLoad(root);
    console.log(`[fuzz] fact-files/50MB: refused in ${Math.round(ms)} ms`);
    checkResult(result, 'facts');
    expect(ms).toBeLessThan(1_000);
    if (result.ok) throw new Error('a 50 MB file was accepted');
    expect(result.errors.map((e) => e.file)).toEqual(
      expect.arrayContaining(['facts/tick-jaxa/facts-big.yaml', 'facts/tick-jaxa/sources/tick-jaxa-report.txt']),
    );
    expect(result.errors.find((e) => e.file === 'facts/tick-jaxa/facts-big.yaml')?.message).toMatch(/over the limit/);
  });

  it('a FIFO in place of a facts file does not hang the loader', async () => {
    await freshCopy(root);
    const fifo = path.join(root, CASE, 'facts.yaml');
    await unlink(fifo);
    execFileSync('mkfifo', [fifo]);
    const { result, ms } = await timedLoad(root);
    checkResult(result, 'facts');
    expect(result.ok).toBe(false);
    expect(ms).toBeLessThan(MAX_LOAD_MS);
  });

  // A file of many wrong quotes (a bad paste, a wrong source file) once took ~10 s: every missing
  // quote paid for a closest-sentence search. The hint is now given for the first 50 only.
  // The bound guards against that regression only (about 1 s on a quiet machine, measured figures
  // belong to the bench): generous, so a loaded CI machine does not fail it.
  it('a facts file whose 800 quotes are all missing is refused within 8 s', async () => {
    await freshCopy(root);
    const words = 'Japanese police are searching for a Chinese national who they suspect tried to buy software'.split(' ');
    const facts = Array.from({ length: 800 }, (_, i) => {
      let quote = '';
      for (let k = i; quote.length < 1000; k += 1) quote += `${words[(k * 7) % words.length] ?? ''} `;
      return `  - id: missing-${i}\n    text: t\n    cite:\n      - source: report\n        quote: "${quote.trim()} x${i}"\n`;
    });
    await writeFile(path.join(root, CASE, 'facts-more.yaml'), `facts:\n${facts.join('')}`);
    const { result, ms } = await timedLoad(root);
    console.log(`[fuzz] fact-files/800-missing-quotes: ${Math.round(ms)} ms`);
    checkResult(result, 'facts');
    expect(result.ok).toBe(false);
    expect(ms).toBeLessThan(8_000);
  }, 60_000);

  it('each symlink and path leading outside is refused, naming the file inside the root', async () => {
    const cases: Mutation[] = [
      { kind: 'symlink-out', what: 'source' },
      { kind: 'symlink-out', what: 'facts' },
      { kind: 'symlink-out', what: 'case' },
      { kind: 'symlink-out', what: 'sources-dir' },
      { kind: 'symlink-out', what: 'case-dir' },
      { kind: 'source-path', to: '../../outside.txt' },
      { kind: 'source-path', to: '@@OUTSIDE@@' },
      { kind: 'source-path', to: 'sources/../../../outside.txt' },
    ];
    for (const m of cases) {
      await freshCopy(root);
      await mutate(root, m);
      const { result } = await timedLoad(root);
      checkResult(result, 'facts');
      expect({ mutation: m, ok: result.ok }).toEqual({ mutation: m, ok: false });
    }
  });
});

describe('fuzz: FactStore reloads of mutated folders', () => {
  const QUERIES = ['jaxa', 'who canceled the sale', 'kato', 'wang wenbin', 'tick 2016', 'pla wife'];
  const log = { info: (): void => undefined, warn: (): void => undefined };

  it(
    `a failed reload keeps serving exactly the old facts; a valid folder reloads afterwards (${RUNS.store} folders)`,
    async () => {
      const seed = fuzzSeed('fact-files/store');
      const dir = path.join(storeBase, 'facts');
      await freshCopy(dir);
      const store = await FactStore.open(dir, log);
      // The first snapshot gains its vectors in the background; compare snapshots once it has.
      await store.semanticReady;
      const answersOf = (): string => JSON.stringify(QUERIES.map((q) => answer(store.current().index, q)));
      const baseline = answersOf();
      let failed = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(mutationArb(), { minLength: 1, maxLength: 3 }), async (mutations) => {
          const before = store.current();
          const beforeAnswers = answersOf();
          await freshCopy(dir);
          for (const m of mutations) await mutate(dir, m);
          const report = await store.reload('fuzz');
          if (report.ok) return; // a harmless mutation (say, CRLF): the next run compares against it
          failed += 1;
          expect(store.current()).toBe(before);
          expect(answersOf()).toBe(beforeAnswers);
          expect(report.servingFacts).toBe(before.factSet.facts.length);
          for (const s of strings(report.errors)) expect(s).not.toContain(SECRET);
        }),
        { seed, numRuns: RUNS.store, endOnFailure: !LONG },
      );
      await freshCopy(dir);
      const report = await store.reload('fuzz-restore');
      expect(report.ok).toBe(true);
      expect(answersOf()).toBe(baseline);
      console.log(`[fuzz] fact-files/store: ${RUNS.store} reloads, ${failed} refused and kept the old facts`);
    },
    LONG ? 300_000 : 30_000,
  );
});
