import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { loadFactsDir } from '../facts/load.js';
import { loadErrorSchema } from '../facts/load-error-schema.js';
import type { LoadOptions } from '../facts/load.js';
import type { Case, Fact, FactSet, LoadError, Source } from '../facts/types.js';
import { FINGERPRINT_BYTES } from './fingerprint.js';
import { FactInterner } from './intern.js';
import type { LoadWorkerData, WorkerReply } from './load-worker.js';

/** Options of {@link loadFactsDirInWorker} beyond the loader's own. */
export interface WorkerLoadOptions {
  /**
   * Facts per message from the worker. Default 250; 0 = all in one message (only for measuring).
   * Measured at 100k facts on 2 busy cores: one message blocks the event loop ~900–1070 ms while
   * it is deserialised; batches of 2000 block 67–87 ms, of 1000 ~39 ms, of 500 ~20 ms, with the
   * same total time (~7.5 s).
   */
  readonly batchSize?: number;
  /**
   * Source text per message, in characters. Default 256k. A bench case holds 63 documents
   * (4.8 MB); sent with its case in one message, it blocked the event loop ~25 ms to deserialise.
   */
  readonly sourcePieceChars?: number;
  /** Called with `true` if the worker ran, `false` if loading fell back to this thread (for tests and the benchmark). */
  readonly onMode?: (inWorker: boolean) => void;
  /**
   * Returns an equal fact already held (the one being served) to keep instead of the copy that
   * arrived. A reload of 100k facts of which 1% changed then keeps 99k objects it already has, and
   * the copies die young: the heap does not grow by a whole second fact set, which is what made
   * the garbage collector's pauses block the event loop for 100 ms and more.
   */
  readonly reuse?: (fact: Fact) => Fact | undefined;
  /**
   * The facts this thread already holds (the ones being served) and their fingerprints from the
   * load that produced them. The worker sends only facts that differ from all of them; the others
   * are taken from here, so a reload that changed little costs the event loop little.
   */
  readonly known?: KnownFacts | null;
  /** Another worker entry module (tests point it at a missing file to exercise the fallback). */
  readonly entry?: URL;
}

/** Facts already held, with their fingerprints (see {@link WorkerLoadResult}). */
export interface KnownFacts {
  readonly facts: readonly Fact[];
  readonly fingerprints: Uint8Array;
}

/**
 * A load result, as `loadFactsDir`'s (warnings included); a successful load from the worker also
 * carries the facts' fingerprints, to pass back as `known` on the next reload (null when loading
 * fell back to this thread).
 */
export type WorkerLoadResult =
  | { readonly ok: true; readonly factSet: FactSet; readonly warnings: readonly LoadError[]; readonly fingerprints: Uint8Array | null }
  | { readonly ok: false; readonly errors: readonly LoadError[]; readonly warnings: readonly LoadError[] };

/**
 * The load errors and warnings in the worker's `errors` and `done` replies, checked on arrival: a
 * worker of another version (or a bug) sending another shape means loading anew on this thread,
 * not passing moderators something that is not a load error. (The fact pieces are not parsed
 * again: they are the bulk, and the counts in `done` check that they all arrived.)
 */
const LoadErrors = z.array(loadErrorSchema).readonly();
const ErrorsReply = z.object({ errors: LoadErrors, warnings: LoadErrors });

const DEFAULT_BATCH = 250;
const DEFAULT_SOURCE_PIECE_CHARS = 256 * 1024;

/**
 * Like `loadFactsDir`, but reads, parses and validates the folder in a worker thread, so a reload
 * of 100k facts (seconds of YAML parsing) never stalls the bot's event loop. The result comes back
 * in batches of facts, each deserialised in its own macrotask, and is reassembled into the same
 * FactSet `loadFactsDir` would return.
 *
 * If the worker cannot start or dies, the folder is loaded on this thread instead: slower for the
 * event loop, but the caller still gets its answer. Never throws (like `loadFactsDir`).
 *
 * @example
 * const result = await loadFactsDirInWorker('./facts', { maxYamlBytes: 20 * 1024 * 1024 });
 * if (result.ok) index = await FactIndex.buildAsync(result.factSet);
 */
export async function loadFactsDirInWorker(
  root: string,
  options: LoadOptions = {},
  workerOptions: WorkerLoadOptions = {},
): Promise<WorkerLoadResult> {
  const known = workerOptions.known ?? null;
  const data: LoadWorkerData = {
    root,
    options: plainOptions(options),
    batchSize: workerOptions.batchSize ?? DEFAULT_BATCH,
    known: known?.fingerprints ?? null,
    sourcePieceChars: workerOptions.sourcePieceChars ?? DEFAULT_SOURCE_PIECE_CHARS,
  };
  const fromWorker = await runWorker(data, workerOptions.entry, workerOptions.reuse, known?.facts ?? []);
  workerOptions.onMode?.(fromWorker !== null);
  if (fromWorker !== null) return fromWorker;
  const result = await loadFactsDir(root, options);
  return result.ok ? { ...result, fingerprints: null } : result;
}

/** Only the numeric limits cross the thread boundary (a caller's object could hold anything). */
function plainOptions(options: LoadOptions): LoadOptions {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(options)) if (typeof value === 'number') out[key] = value;
  return out;
}

/** The worker's result, or null when it could not start or failed. */
function runWorker(
  data: LoadWorkerData,
  entry: URL | undefined,
  reuse: WorkerLoadOptions['reuse'],
  known: readonly Fact[],
): Promise<WorkerLoadResult | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = startWorker(data, entry);
    } catch {
      resolve(null);
      return;
    }
    const cases = new Map<string, Case>();
    const sourcesOf = new Map<string, Map<string, Source>>();
    let sourceCount = 0;
    const arrived: Fact[] = [];
    const interner = new FactInterner();
    let refs: Int32Array | null = null;
    let fingerprints: Uint8Array | null = null;
    let settled = false;
    const finish = (result: WorkerLoadResult | null): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(result);
    };
    // Asking for the next piece from a fresh macrotask is what spreads deserialisation out.
    const askNext = (): void => {
      setImmediate(() => {
        if (!settled) worker.postMessage({ type: 'next' });
      });
    };
    worker.on('message', (reply: WorkerReply) => {
      try {
        onReply(reply);
      } catch {
        // A reply of another shape (a worker of another version): load anew rather than crash.
        finish(null);
      }
    });
    const onReply = (reply: WorkerReply): void => {
      switch (reply.type) {
        case 'errors': {
          const outcome = ErrorsReply.safeParse(reply);
          finish(outcome.success ? { ok: false, errors: outcome.data.errors, warnings: outcome.data.warnings } : null);
          return;
        }
        case 'ready':
          askNext();
          return;
        case 'case': {
          const sources = new Map<string, Source>();
          sourcesOf.set(reply.case.id, sources);
          cases.set(reply.case.id, { ...reply.case, sources });
          askNext();
          return;
        }
        case 'sources': {
          const sources = sourcesOf.get(reply.caseId);
          // Sources of a case that never arrived: a worker of another version; load anew.
          if (sources === undefined) {
            finish(null);
            return;
          }
          for (const source of reply.sources) sources.set(source.id, source);
          sourceCount += reply.sources.length;
          askNext();
          return;
        }
        case 'refs':
          refs = reply.refs;
          fingerprints = reply.fingerprints;
          askNext();
          return;
        case 'facts':
          for (const fact of reply.facts) arrived.push(reuse?.(fact) ?? interner.intern(fact));
          askNext();
          return;
        case 'done': {
          // A count mismatch would mean a lost message: better to load again here than serve a partial set.
          const order = refs;
          const prints = fingerprints;
          const complete = cases.size === reply.cases && sourceCount === reply.sources && arrived.length === reply.sent;
          const fits =
            order instanceof Int32Array &&
            prints instanceof Uint8Array &&
            order.length === reply.facts &&
            prints.length === order.length * FINGERPRINT_BYTES;
          const facts = fits && complete ? assemble(order, known, arrived) : null;
          const warnings = LoadErrors.safeParse(reply.warnings);
          finish(
            facts !== null && warnings.success
              ? { ok: true, factSet: { cases, facts }, warnings: warnings.data, fingerprints: prints }
              : null,
          );
          return;
        }
      }
    };
    worker.on('error', () => finish(null));
    worker.on('exit', () => finish(null));
  });
}

/**
 * The new fact set in order: a held fact where the worker found one equal, else the next one that
 * arrived. Null when the refs do not fit (a worker of another version): the caller then loads anew.
 */
function assemble(refs: Int32Array, known: readonly Fact[], arrived: readonly Fact[]): Fact[] | null {
  const facts = new Array<Fact>(refs.length);
  let next = 0;
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i] ?? -1;
    const fact = ref >= 0 ? known[ref] : arrived[next++];
    if (fact === undefined) return null;
    facts[i] = fact;
  }
  return next === arrived.length ? facts : null;
}

/**
 * Starts the worker on the entry file next to this module. Under tsx (dev, tests, `tsx src/main.ts`)
 * the entry is TypeScript, and neither `execArgv: ['--import', 'tsx']` nor importing `tsx` in the
 * worker makes Node 20 load a `.ts` entry there (ERR_UNKNOWN_FILE_EXTENSION, tried: tsx's loader
 * registers its hooks on the main thread only). tsx's ESM API `register()` does work in a worker,
 * so a tiny bootstrap calls it and then imports the entry. Compiled to JavaScript, the entry is
 * loaded directly.
 */
function startWorker(data: LoadWorkerData, entryOverride: URL | undefined): Worker {
  const self = import.meta.url;
  const typescript = /\.[cm]?ts$/.test(new URL(self).pathname);
  const entry = entryOverride ?? new URL(typescript ? './load-worker.ts' : './load-worker.js', self);
  if (!typescript) return new Worker(entry, { workerData: data });
  const bootstrap = `import(${JSON.stringify(tsxEsmApiUrl(self))}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data, execArgv: [] });
}

/**
 * The file URL of tsx's ESM API (`tsx/esm/api`, import condition). `require.resolve` would pick the
 * CommonJS build, whose `register()` fails in a worker, so the path is read from tsx's exports map.
 * Throws when tsx is not installed; the caller then falls back to loading in-process.
 */
function tsxEsmApiUrl(from: string): string {
  const manifestPath = createRequire(from).resolve('tsx/package.json');
  const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const target = exportTarget(manifest, './esm/api');
  if (target === null) throw new Error('tsx has no ESM API export');
  return pathToFileURL(path.join(path.dirname(manifestPath), target)).href;
}

function exportTarget(manifest: unknown, subpath: string): string | null {
  const exportsMap = field(manifest, 'exports');
  const entry = field(exportsMap, subpath);
  const target = typeof entry === 'string' ? entry : field(field(entry, 'import'), 'default');
  return typeof target === 'string' ? target : null;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}
