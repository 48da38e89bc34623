import path from 'node:path';
import type { LoadOptions } from '../facts/load.js';
import { diffFactSetsInSlices } from '../facts/diff.js';
import { formatLoadError, type LoadError } from '../facts/types.js';
import { addVectors, buildIndex } from '../search/build-index.js';
import { loadLanguage, type Language } from '../search/language.js';
import { loadFactsDirInWorker, type KnownFacts } from './load-in-worker.js';
import {
  factsByCase,
  type ReloadReport,
  type SemanticOffReason,
  type SemanticStatus,
  type Snapshot,
  type StoreStatus,
  type WatchStatus,
} from './types.js';
import type { Log } from '../shared/log.js';

/** The logger methods the store uses. */
export type StoreLogger = Pick<Log, 'info' | 'warn'>;

/** Fact sets up to this size get their vectors before {@link FactStore.open} resolves (about 0.3 s). */
const WAIT_FOR_VECTORS_UP_TO = 5000;

/** Thrown by {@link FactStore.open} when the very first load fails: there is nothing to serve. */
/** Why answers by meaning are off when the word vectors are missing: the problem loading them, if known. */
function semanticOffReason(language: Language): SemanticOffReason {
  const problem = language.problems.find((p) => p.resource === 'word-vectors');
  return problem === undefined ? { code: 'no-vectors' } : { code: 'language', problem };
}

export class LoadFailedError extends Error {
  constructor(readonly errors: readonly LoadError[]) {
    super(`the facts folder has ${errors.length} problem${errors.length === 1 ? '' : 's'}; fix them and start again`);
    this.name = 'LoadFailedError';
  }
}

export interface FactStoreOptions {
  /** Passed to the loader, e.g. larger file limits for benchmarks. */
  readonly loadOptions?: LoadOptions;
  readonly now?: () => Date;
  /** Word vectors and glossary. Default: the committed files, loaded while the facts load. */
  readonly language?: Language | Promise<Language>;
}

/**
 * Holds the snapshot being served and replaces it atomically on reload.
 *
 * Readers call {@link current} for every request and use that one snapshot throughout, so a
 * reload that swaps mid-request can never mix facts of two versions. A failed reload leaves the
 * served snapshot untouched.
 *
 * @example
 * const store = await FactStore.open('./facts', log);
 * const { index } = store.current();
 * const report = await store.reload('moderator#1');
 */
export class FactStore {
  private snapshot: Snapshot;
  private lastReload: ReloadReport | null = null;
  /** Reloads chain on this promise so two never interleave. */
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  /** The served facts with their fingerprints, so a reload's worker sends only what changed. */
  private known: KnownFacts | null;

  private semantic: SemanticStatus;
  /** Whatever reloads this store on save (watch-facts.ts, or a note that the shard manager does). */
  private watch: { status(): WatchStatus } | null = null;
  /** Resolves when the first snapshot's vectors are attached (or there are none to attach). */
  readonly semanticReady: Promise<void>;

  private constructor(
    readonly factsDir: string,
    private readonly log: StoreLogger,
    first: Snapshot,
    fingerprints: Uint8Array | null,
    private readonly options: FactStoreOptions,
    private readonly language: Language,
  ) {
    this.snapshot = first;
    this.known = fingerprints === null ? null : { facts: first.factSet.facts, fingerprints };
    this.semantic =
      language.words === undefined
        ? { state: 'off', reason: semanticOffReason(language) }
        : { state: 'building', embedded: 0, facts: first.factSet.facts.length };
    this.semanticReady = this.attachVectors(first);
  }

  /**
   * Loads `factsDir` and builds the first index; throws {@link LoadFailedError} when the folder is
   * invalid. The store answers (lexically) as soon as this resolves; the facts' vectors are
   * computed in the background and swapped in when done ({@link semanticReady}).
   */
  static async open(factsDir: string, log: StoreLogger, options: FactStoreOptions = {}): Promise<FactStore> {
    const languageLoading = Promise.resolve(options.language ?? loadLanguage());
    const result = await loadFactsDirInWorker(factsDir, options.loadOptions);
    if (!result.ok) throw new LoadFailedError(result.errors);
    const language = await languageLoading;
    // One warning per problem, once: search works without the resource.
    for (const problem of language.problems) log.warn({ problem: problem.message }, 'search runs without some language data');
    const index = await buildIndex(result.factSet, language, { lexicalOnly: true });
    const now = options.now ?? (() => new Date());
    const store = new FactStore(
      factsDir,
      log,
      { factSet: result.factSet, index, version: 1, loadedAt: now() },
      result.fingerprints,
      options,
      language,
    );
    log.info({ facts: result.factSet.facts.length, cases: result.factSet.cases.size, warnings: result.warnings.length }, 'facts loaded');
    // Once, at start: no moderator asked for this load, so the log is where its warnings can be read.
    for (const warning of result.warnings) log.warn({ warning: formatLoadError(warning) }, 'facts folder warning');
    // A small case has its vectors in a fraction of a second (~60 µs a fact): worth waiting for, so
    // the first questions are answered by meaning too. A large one answers by words meanwhile.
    if (result.factSet.facts.length <= WAIT_FOR_VECTORS_UP_TO) await store.semanticReady;
    return store;
  }

  /** Computes the first snapshot's vectors in slices and swaps them in, unless a reload came first. */
  private async attachVectors(first: Snapshot): Promise<void> {
    if (this.language.words === undefined) return;
    const started = performance.now();
    try {
      const index = await addVectors(first.index, this.language, {
        onProgress: (embedded, facts) => {
          if (this.snapshot === first) this.semantic = { state: 'building', embedded, facts };
        },
      });
      if (this.snapshot !== first) return;
      this.snapshot = { ...first, index };
      this.semantic = { state: 'ready', facts: first.factSet.facts.length };
      this.log.info({ facts: first.factSet.facts.length, ms: Math.round(performance.now() - started) }, 'semantic search ready');
    } catch (error) {
      // A bug of ours; answers stay lexical rather than the store failing.
      this.semantic = { state: 'off', reason: { code: 'vectors-failed', error: error instanceof Error ? error.name : 'error' } };
      this.log.warn({ err: error }, 'semantic search is off: computing the fact vectors failed');
    }
  }

  /** The snapshot to answer from; take it once per request. */
  current(): Snapshot {
    return this.snapshot;
  }

  /**
   * Re-reads the facts folder, validates it, builds a new index and swaps it in. Calls made while
   * a reload runs wait for it and then run in turn.
   */
  reload(by: string): Promise<ReloadReport> {
    this.pending += 1;
    const run = this.queue.then(() => this.reloadNow(by));
    this.queue = run
      .catch(() => undefined)
      .finally(() => {
        this.pending -= 1;
      });
    return run;
  }

  /**
   * Names what reloads this store when the facts folder changes, so {@link status} can say whether
   * saving a file reloads: a `FactsWatcher` (watch-facts.ts) in the process that watches, or a fixed
   * `{ state: 'elsewhere' }` in a shard whose manager watches. The store itself never watches.
   */
  reportWatch(watch: { status(): WatchStatus }): void {
    this.watch = watch;
  }

  status(): StoreStatus {
    const { factSet, version, loadedAt } = this.snapshot;
    return {
      facts: factSet.facts.length,
      cases: factSet.cases.size,
      caseIds: [...factSet.cases.keys()],
      factsByCase: factsByCase(factSet),
      version,
      loadedAt,
      lastReload: this.lastReload,
      reloading: this.pending > 0,
      semantic: this.semantic,
      languageProblems: this.language.problems,
      watch: this.watch?.status() ?? { state: 'off' },
    };
  }

  private async reloadNow(by: string): Promise<ReloadReport> {
    const now = this.options.now ?? (() => new Date());
    const started = performance.now();
    const previous = this.snapshot;
    let report: ReloadReport;
    try {
      // Parsing YAML off the event loop; what remains here is the (sliced) index build and diff.
      const known = this.known;
      const result = await loadFactsDirInWorker(this.factsDir, this.options.loadOptions, {
        known,
        // Only needed when the served facts have no fingerprints (their load fell back to this thread).
        reuse: known === null ? (fact) => previous.index.servedCopyOf(fact) : undefined,
      });
      if (!result.ok) {
        report = {
          ok: false,
          at: now(),
          by,
          durationMs: Math.round(performance.now() - started),
          errors: result.errors,
          warnings: result.warnings,
          servingFacts: previous.factSet.facts.length,
        };
      } else {
        // The new snapshot shares nothing mutable with the served one: the served one answers
        // unchanged until the swap below, whatever this build does (or if it fails).
        const diff = await diffFactSetsInSlices(previous.factSet, result.factSet);
        // Vectors too: unchanged facts keep theirs, so only new and changed facts are embedded.
        const index = await buildIndex(result.factSet, this.language, { previous: previous.index });
        this.snapshot = { factSet: result.factSet, index, version: previous.version + 1, loadedAt: now() };
        if (index.vectors !== undefined) this.semantic = { state: 'ready', facts: result.factSet.facts.length };
        this.known = result.fingerprints === null ? null : { facts: result.factSet.facts, fingerprints: result.fingerprints };
        report = {
          ok: true,
          at: now(),
          by,
          durationMs: Math.round(performance.now() - started),
          facts: result.factSet.facts.length,
          cases: result.factSet.cases.size,
          factsByCase: factsByCase(result.factSet),
          diff,
          warnings: result.warnings,
        };
      }
    } catch (error) {
      // The loader and index builder return errors as values; reaching here is a bug of ours, and
      // the moderator still needs an answer and the old facts kept.
      report = {
        ok: false,
        at: now(),
        by,
        durationMs: Math.round(performance.now() - started),
        // The folder's name only: this reaches moderators in Discord, the server's paths must not.
        errors: [
          {
            file: path.basename(path.resolve(this.factsDir)),
            line: 0,
            column: 0,
            message: `reload failed unexpectedly (${error instanceof Error ? error.name : 'error'}); the previous facts are still served`,
          },
        ],
        servingFacts: previous.factSet.facts.length,
      };
    }
    this.lastReload = report;
    if (report.ok) {
      this.log.info(
        {
          by,
          facts: report.facts,
          indexed: this.snapshot.index.stats.indexed,
          reused: this.snapshot.index.stats.reused,
          embedded: this.snapshot.index.vectors?.embedded ?? 0,
          ...report.diff.counts,
          warnings: report.warnings?.length ?? 0,
          ms: report.durationMs,
        },
        'facts reloaded',
      );
    } else {
      this.log.warn(
        {
          by,
          errors: report.errors.length,
          warnings: report.warnings?.length ?? 0,
          servingFacts: report.servingFacts,
          ms: report.durationMs,
        },
        'reload failed; previous facts kept',
      );
    }
    return report;
  }
}
