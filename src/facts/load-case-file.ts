/**
 * case.yaml of one case: its schema and cross-checks (the id matches the folder, source ids are
 * unique, alias names belong to one group), and the source documents it lists, read and indexed
 * for the quote checks of its facts.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { display, validate, type Context } from './load-context.js';
import { oneLine } from '../shared/whitespace.js';
import { isInside, readTextFile } from './read-file.js';
import { caseSchema, sourceSchema } from './schema.js';
import type { SourceInput } from './schema.js';
import { SourceMatcher } from './source-matcher.js';
import type { QuotePlace } from './source-matcher.js';
import { SourcePositions } from './source-positions.js';
import type { Case, Source } from './types.js';
import type { YamlFile } from './yaml-file.js';

/** A loaded source with the matcher built once for all its quotes. */
export interface LoadedSource {
  readonly source: Source;
  readonly matcher: SourceMatcher;
  /** Folded quote → where it stands in the source: facts often cite the same sentence. */
  readonly checked: Map<string, QuotePlace>;
  /** The source's own text and sentence numbers of verified quotes. */
  readonly positions: SourcePositions;
}

/** What facts of a case can cite. */
export interface CaseSources {
  readonly loaded: ReadonlyMap<string, LoadedSource>;
  /** Every source id case.yaml declares; undefined when case.yaml's sources could not all be read (then unknown ids are not reported). */
  readonly knownIds: ReadonlySet<string> | undefined;
  /** Files in the case's sources/ folder that case.yaml does not list, like `sources/followup.txt`. */
  readonly unlisted: readonly string[];
}

/** Checks case.yaml beyond its schema and reads its sources. Returns undefined when the case is unusable. */
export async function loadCaseFile(ctx: Context, caseDir: string, folderName: string, file: YamlFile):
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
    meta: meta && {
      id: meta.id,
      title: oneLine(meta.title),
      summary: oneLine(meta.summary),
      aliases: (meta.aliases ?? []).map((g) => g.map(oneLine)),
      ...(meta.offtopic !== undefined ? { offtopic: [...new Set(meta.offtopic.map(oneLine))] } : {}),
    },
    sources: { loaded: sources, knownIds, unlisted: await unlistedSourceFiles(ctx, caseDir, listed) },
  };
}

export const SOURCES_FOLDER = 'sources';

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
      `this source file is not listed in case.yaml, so no fact can cite it; list it under sources: in case.yaml (id:, title:, file: ${relative}), or remove it`,
      { kind: 'source-not-listed', file: relative });
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
      ctx.problems.at(file, fileOffset(), `source file '${input.file}' not found; add it to the case folder or fix the path`, { kind: 'source-file-not-found', file: input.file });
    } else {
      ctx.problems.add(display(ctx, abs), read.message, read.line, read.column);
    }
    return undefined;
  }
  const source: Source = {
    id: input.id,
    title: oneLine(input.title),
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
      const key = oneLine(name.normalize('NFKC')).toLowerCase();
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
