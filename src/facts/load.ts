import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { parseYamlFast } from './fast-yaml.js';
import type { z } from 'zod';
import { describeIssues } from './issues.js';
import type { SchemaProblem } from './issues.js';
import { missingQuoteMessage, partialQuoteMessage } from './quote-problems.js';
import { foldForQuoteMatch } from './quotes.js';
import { SourcePositions } from './source-positions.js';
import { isInside, readTextFile } from './read-file.js';
import { sharedQuestionWarnings } from './question-problems.js';
import { caseSchema, citeSchema, factSchema, factsFileSchema, quickFact, sourceSchema } from './schema.js';
import type { CiteInput, SourceInput } from './schema.js';
import { SourceMatcher } from './source-matcher.js';
import type { QuotePlace } from './source-matcher.js';
import { closestName } from './text-distance.js';
import type { Case, Citation, Fact, LoadError, LoadResult, Source } from './types.js';
import { LineCounter, keyOffset, locate, parseYaml } from './yaml-doc.js';
import type { NodeLocation, YamlLimits } from './yaml-doc.js';

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

const MB = 1024 * 1024;
const FACTS_FILE = /^facts(-[^/\\]+)?\.yaml$/;

/**
 * A YAML file's data, and what turns data paths into positions. Positions are only needed to
 * report a problem (and for each fact's line, which the fast reader records), so for a file read on
 * the fast path ({@link parseYamlFast}) the `yaml` package parses it again, with positions, the
 * first time one is asked for — that is, only for files with a problem.
 */
class YamlFile {
  private parsed: { readonly doc: Document.Parsed; readonly lineCounter: LineCounter } | undefined;

  /**
   * @param broken Offset ranges the parser could not read (a file with syntax errors confined to
   *   some list items): problems found there are echoes of the syntax error, and are not reported.
   */
  constructor(readonly display: string, readonly data: unknown, private readonly text: string, private readonly limits: YamlLimits,
    parsed?: { readonly doc: Document.Parsed; readonly lineCounter: LineCounter }, private readonly itemLines?: ReadonlyMap<string, readonly number[]>,
    readonly broken: readonly (readonly [number, number])[] = []) {
    this.parsed = parsed;
  }

  isBroken(offset: number): boolean {
    return this.broken.some(([start, end]) => start <= offset && offset <= end);
  }

  private get positions(): { readonly doc: Document.Parsed; readonly lineCounter: LineCounter } {
    if (!this.parsed) {
      const lineCounter = new LineCounter();
      const result = parseYaml(this.text, lineCounter, this.limits);
      // The fast reader accepts only text the yaml package reads the same way, so this parse succeeds.
      this.parsed = { doc: result.ok ? result.parsed.doc : parseDocument(''), lineCounter };
    }
    return this.parsed;
  }

  locate(path: readonly PropertyKey[]): NodeLocation {
    return locate(this.positions.doc, path);
  }

  offsetOf(path: readonly PropertyKey[]): number {
    return this.locate(path).offset;
  }

  linePos(offset: number): { line: number; col: number } {
    return this.positions.lineCounter.linePos(offset);
  }

  /** 1-based line of item `index` of the list under the top-level `key`. */
  itemLine(key: string, index: number): number {
    return this.itemLines?.get(key)?.[index] ?? this.linePos(this.offsetOf([key, index])).line;
  }
}

/** Collects errors and warnings for one load; positions come from offsets in a file. */
class Problems {
  readonly errors: LoadError[] = [];
  readonly warnings: LoadError[] = [];

  add(file: string, message: string, line = 0, column = 0): void {
    this.errors.push({ file, line, column, message });
  }

  warn(file: string, message: string): void {
    this.warnings.push({ file, line: 0, column: 0, message });
  }

  /** An error at `offset` of `file`, unless that part of the file could not be parsed (its syntax error stands for it). */
  at(file: YamlFile, offset: number, message: string): void {
    if (file.isBroken(offset)) return;
    const { line, col } = file.linePos(offset);
    this.add(file.display, message, line, col);
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
      this.at(file, offset, problem.message);
    }
  }
}

interface Context {
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
const CLOSEST_HINTS = 50;

function display(ctx: Context, abs: string): string {
  const rel = path.relative(ctx.absRoot, abs);
  return rel === '' ? ctx.rootName : [ctx.rootName, ...rel.split(path.sep)].join('/');
}

async function readYaml(ctx: Context, abs: string): Promise<YamlFile | undefined> {
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
    ctx.problems.add(shown, problem.message, line, col);
  }
  // Errors confined to some facts or sources: check the rest of the file too, so one run reports all.
  const { recovered } = parsed;
  return recovered && new YamlFile(shown, recovered.parsed.data, read.text, ctx.limits, { doc: recovered.parsed.doc, lineCounter }, undefined, recovered.broken);
}

function validate<T>(ctx: Context, file: YamlFile, schema: z.ZodType<T>, data: unknown, kind: 'case' | 'facts', prefix: readonly PropertyKey[] = []): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  ctx.problems.schema(file, describeIssues(result.error.issues, file.data, kind, prefix));
  return undefined;
}

// Two spaces in a row, or whitespace other than a plain space (leading/trailing spaces are checked apart).
const UNTIDY_SPACE = / {2}|[^\S ]/;

/** Whitespace runs → one space, trimmed. Most text is tidy already, and testing is cheaper than replacing. */
function collapse(text: string): string {
  const tidy = text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32 && !UNTIDY_SPACE.test(text);
  return tidy ? text : text.replace(/\s+/gu, ' ').trim();
}

/** A loaded source with the matcher built once for all its quotes. */
interface LoadedSource {
  readonly source: Source;
  readonly matcher: SourceMatcher;
  /** Folded quote → where it stands in the source: facts often cite the same sentence. */
  readonly checked: Map<string, QuotePlace>;
  /** The source's own text and sentence numbers of verified quotes. */
  readonly positions: SourcePositions;
}

/** What facts of a case can cite. */
interface CaseSources {
  readonly loaded: ReadonlyMap<string, LoadedSource>;
  /** Every source id case.yaml declares; undefined when case.yaml's sources could not all be read (then unknown ids are not reported). */
  readonly knownIds: ReadonlySet<string> | undefined;
  /** Files in the case's sources/ folder that case.yaml does not list, like `sources/followup.txt`. */
  readonly unlisted: readonly string[];
}

/** Checks case.yaml beyond its schema and reads its sources. Returns undefined when the case is unusable. */
async function loadCaseFile(ctx: Context, caseDir: string, folderName: string, file: YamlFile):
  Promise<{ meta: Omit<Case, 'sources'> | undefined; sources: CaseSources }> {
  const meta = validate(ctx, file, caseSchema, file.data, 'case');
  const raw: unknown = file.data !== null && typeof file.data === 'object' ? Reflect.get(file.data, 'sources') : undefined;
  const rawSources: unknown[] = Array.isArray(raw) ? raw : [];
  const idValue: unknown = file.data !== null && typeof file.data === 'object' ? Reflect.get(file.data, 'id') : undefined;
  if (typeof idValue === 'string' && idValue !== folderName) {
    ctx.problems.at(file, file.offsetOf(['id']), `case id '${idValue}' does not match its folder name '${folderName}'; make them the same`);
  }

  const sources = new Map<string, LoadedSource>();
  const firstSeen = new Map<string, number>();
  let sourcesValid = Array.isArray(raw);
  for (const [i, item] of rawSources.entries()) {
    const source = validate(ctx, file, sourceSchema, item, 'case', ['sources', i]);
    if (!source) {
      sourcesValid = false;
      continue;
    }
    const seen = firstSeen.get(source.id);
    if (seen !== undefined) {
      ctx.problems.at(file, file.offsetOf(['sources', i, 'id']),
        `source id '${source.id}' is already used at ${ctx.problems.where(file, ['sources', seen, 'id'])}; give each source its own id`);
      continue;
    }
    firstSeen.set(source.id, i);
    const loaded = await loadSource(ctx, caseDir, file, i, source);
    if (loaded) sources.set(source.id, loaded);
  }
  if (meta) checkAliases(ctx, file, meta.aliases ?? []);
  const knownIds = sourcesValid && file.broken.length === 0 ? new Set(firstSeen.keys()) : undefined;
  const listed = rawSources.map((item): unknown => (item !== null && typeof item === 'object' ? Reflect.get(item, 'file') : undefined));
  return {
    meta: meta && { id: meta.id, title: collapse(meta.title), summary: collapse(meta.summary), aliases: (meta.aliases ?? []).map((g) => g.map(collapse)) },
    sources: { loaded: sources, knownIds, unlisted: await unlistedSourceFiles(ctx, caseDir, listed) },
  };
}

const SOURCES_FOLDER = 'sources';

/**
 * Files in `<case>/sources/` that no `file:` of case.yaml names, each with a warning: facts cannot
 * cite them, which is easy to miss. Returned as `sources/<name>`, the way case.yaml would list them.
 */
async function unlistedSourceFiles(ctx: Context, caseDir: string, listedFiles: readonly unknown[]): Promise<string[]> {
  const listed = new Set(listedFiles.filter((f): f is string => typeof f === 'string').map((f) => path.resolve(caseDir, f)));
  const folder = path.join(caseDir, SOURCES_FOLDER);
  let entries: Dirent[];
  try {
    // Never list a folder outside the facts root (sources/ may be a link leading out).
    if (!isInside(await realpath(folder), ctx.realRoot)) return [];
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return []; // no sources/ folder: nothing unlisted
  }
  const unlisted: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || !entry.isFile() || listed.has(path.join(folder, entry.name))) continue;
    const relative = `${SOURCES_FOLDER}/${entry.name}`;
    unlisted.push(relative);
    ctx.problems.warn(display(ctx, path.join(folder, entry.name)),
      `this source file is not listed in case.yaml, so no fact can cite it; list it under sources: in case.yaml (id:, title:, file: ${relative}), or remove it`);
  }
  return unlisted;
}

async function loadSource(ctx: Context, caseDir: string, file: YamlFile, index: number, input: SourceInput): Promise<LoadedSource | undefined> {
  const fileOffset = (): number => file.offsetOf(['sources', index, 'file']);
  const abs = path.resolve(caseDir, input.file);
  if (path.isAbsolute(input.file) || !isInside(abs, caseDir)) {
    ctx.problems.at(file, fileOffset(), `source file '${input.file}' leads outside the case folder; keep source documents inside it (like sources/report.txt)`);
    return undefined;
  }
  const read = await readTextFile(abs, ctx.realRoot, ctx.limits.maxSourceBytes);
  if (!read.ok) {
    if (read.message.startsWith('file not found')) {
      ctx.problems.at(file, fileOffset(), `source file '${input.file}' not found; add it to the case folder or fix the path`);
    } else {
      ctx.problems.add(display(ctx, abs), read.message, read.line, read.column);
    }
    return undefined;
  }
  const source: Source = {
    id: input.id,
    title: collapse(input.title),
    publisher: input.publisher ?? null,
    date: input.date ?? null,
    url: input.url ?? null,
    file: display(ctx, abs),
    text: read.text,
  };
  return { source, matcher: new SourceMatcher(read.text), checked: new Map(), positions: new SourcePositions(read.text) };
}

function checkAliases(ctx: Context, file: YamlFile, groups: readonly (readonly string[])[]): void {
  const owner = new Map<string, number>();
  for (const [g, group] of groups.entries()) {
    for (const [n, name] of group.entries()) {
      const key = collapse(name.normalize('NFKC')).toLowerCase();
      const previous = owner.get(key);
      if (previous === g) {
        ctx.problems.at(file, file.offsetOf(['aliases', g, n]), `alias '${name}' is listed twice in the same group; remove one`);
      } else if (previous !== undefined) {
        ctx.problems.at(file, file.offsetOf(['aliases', g, n]), `alias '${name}' is already in alias group ${previous + 1} (${ctx.problems.where(file, ['aliases', previous])}); a name may belong to only one group, so merge the groups or remove it`);
      } else {
        owner.set(key, g);
      }
    }
  }
}

/** Where an id was first defined; the position text is only computed if a duplicate turns up. */
interface FactSeen {
  readonly file: YamlFile;
  /** Index in the file's `facts:` list. */
  readonly index: number;
}

/** Validates one facts file and checks every citation; returns its valid facts. */
function loadFactsFile(ctx: Context, caseId: string, file: YamlFile, sources: CaseSources, seenIds: Map<string, FactSeen>): Fact[] {
  const top = validate(ctx, file, factsFileSchema, file.data, 'facts');
  if (!top) return [];
  const facts: Fact[] = [];
  for (const [i, item] of top.facts.entries()) {
    // quickFact settles valid facts; zod runs only for the others, to say what is wrong.
    const input = quickFact(item) ?? validate(ctx, file, factSchema, item, 'facts', ['facts', i]);
    // An invalid fact still has its id and citations checked, so one pass reports every mistake.
    const partial = input ?? salvageFact(item);
    let ok = input !== undefined;
    if (partial.id !== undefined) {
      const seen = seenIds.get(partial.id);
      if (seen) {
        ctx.problems.at(file, file.offsetOf(['facts', i, 'id']), `fact id '${partial.id}' is already used at ${ctx.problems.where(seen.file, ['facts', seen.index, 'id'])}; give one of them a new id`);
        ok = false;
      } else {
        seenIds.set(partial.id, { file, index: i });
      }
    }
    for (const [c, cite] of partial.cite.entries()) {
      if (cite && !checkCitation(ctx, file, ['facts', i, 'cite', c], cite, sources)) ok = false;
    }
    if (!input || !ok) continue;
    facts.push({
      id: input.id,
      caseId,
      text: collapse(input.text),
      citations: input.cite.map((c) => locatedCitation(ctx, c, sources.loaded)),
      tags: (input.tags ?? []).map(collapse),
      questions: (input.questions ?? []).map(collapse),
      file: file.display,
      line: file.itemLine('facts', i),
    });
  }
  return facts;
}

/** A verified citation with the source's own text of its quote and where it stands. */
function locatedCitation(ctx: Context, cite: Pick<Citation, 'source' | 'quote'>, sources: ReadonlyMap<string, LoadedSource>): Citation {
  const quote = collapse(cite.quote);
  const folded = ctx.foldCache.get(cite.quote) ?? foldForQuoteMatch(cite.quote);
  const located = sources.get(cite.source)?.positions.locate(folded, quote) ?? { text: quote, position: { first: 0, last: 0, of: 0 } };
  return { source: cite.source, quote, sourceText: located.text, position: located.position };
}

/** The parts of an invalid fact that are still checkable: its id and its well-formed citations (others undefined, keeping indexes). */
function salvageFact(item: unknown): { id: string | undefined; cite: (CiteInput | undefined)[] } {
  const record = item !== null && typeof item === 'object' ? item : {};
  const id: unknown = Reflect.get(record, 'id');
  const cite: unknown = Reflect.get(record, 'cite');
  return {
    id: typeof id === 'string' ? id : undefined,
    cite: Array.isArray(cite) ? cite.map((c: unknown) => {
      const parsed = citeSchema.safeParse(c);
      return parsed.success ? parsed.data : undefined;
    }) : [],
  };
}

/** The message for a cite of a source id case.yaml does not declare: how to declare it, or the id meant. */
function unknownSourceMessage(id: string, sources: CaseSources, knownIds: ReadonlySet<string>): string {
  const file = sources.unlisted.find((f) => path.posix.parse(f).name === id);
  if (file) return `unknown source '${id}': ${file} exists, but case.yaml does not list it; list it under sources: in case.yaml (id: ${id}, title:, file: ${file})`;
  const guess = closestName(id, knownIds);
  const known = `this case's sources are ${[...knownIds].map((s) => `'${s}'`).join(', ')}`;
  const howToAdd = sources.unlisted.length > 0
    ? `to cite another document, list it under sources: in case.yaml (not listed yet: ${sources.unlisted.join(', ')})`
    : `to cite another document, put it in ${SOURCES_FOLDER}/ and list it under sources: in case.yaml`;
  return `unknown source '${id}'; ${known}${guess ? ` — did you mean '${guess}'?` : ''}; ${howToAdd}`;
}

function checkCitation(ctx: Context, file: YamlFile, path: readonly PropertyKey[], cite: CiteInput, sources: CaseSources): boolean {
  const loaded = sources.loaded.get(cite.source);
  if (!loaded) {
    // A source that is declared but failed to load was reported already; don't repeat it per quote.
    if (sources.knownIds && !sources.knownIds.has(cite.source)) {
      ctx.problems.at(file, file.offsetOf([...path, 'source']), unknownSourceMessage(cite.source, sources, sources.knownIds));
    }
    return false;
  }
  let folded = ctx.foldCache.get(cite.quote);
  if (folded === undefined) {
    folded = foldForQuoteMatch(cite.quote);
    ctx.foldCache.set(cite.quote, folded);
  }
  let place = loaded.checked.get(folded);
  if (place === undefined) {
    place = loaded.matcher.locate(folded);
    loaded.checked.set(folded, place);
  }
  if (place.kind === 'sentences') return true;
  const quoteOffset = (): number => file.offsetOf([...path, 'quote']);
  if (place.kind === 'part') {
    const message = partialQuoteMessage(cite.source, folded, place, cite.excerpt === true);
    if (message === undefined) return true;
    ctx.problems.at(file, quoteOffset(), message);
    return false;
  }
  if (ctx.closestHints >= CLOSEST_HINTS) {
    ctx.problems.at(file, quoteOffset(),
      `quote not found in source "${cite.source}" (closest-sentence hints are shown for the first ${CLOSEST_HINTS} such quotes only)`);
    return false;
  }
  ctx.closestHints += 1;
  ctx.problems.at(file, quoteOffset(), missingQuoteMessage(cite.source, cite.quote, loaded.matcher.closest(cite.quote)));
  return false;
}

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
  for (const warning of sharedQuestionWarnings(facts)) ctx.problems.warn(warning.file, warning.message);
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
