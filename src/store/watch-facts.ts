/**
 * Hot reload (`FACTS_WATCH=true`): saving a fact file reloads the facts, through the same reload as
 * `/case-admin reload` (same validation; a broken save keeps the served facts). Editors save in
 * bursts — a temp file, a rename, two writes — so changes are debounced into one reload.
 */
import { formatLoadError } from '../facts/types.js';
import type { ReloadReport, WatchStatus } from './types.js';
import { watchFolder, type FolderWatch, type WatchFolderOptions } from './watch-folder.js';
import type { Log } from '../shared/log.js';

/** Who the reloads are by, in reports, logs and `/case-admin status`. */
export const WATCHER_NAME = 'file watcher';
/** Default quiet period after the last change before reloading. */
export const DEFAULT_DEBOUNCE_MS = 500;
/** Error lines logged for a broken save; the rest are counted. */
const ERRORS_LOGGED = 20;
/** Changed paths named in the log line of a reload. */
const FILES_LOGGED = 5;

/** Time, injectable so tests drive it by hand. */
export interface WatchClock {
  now(): number;
  /** Runs `run` after `ms`; returns the cancel. Must not keep the process alive. */
  after(ms: number, run: () => void): () => void;
}

const realClock: WatchClock = {
  now: () => Date.now(),
  after(ms, run) {
    const timer = setTimeout(run, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export type WatchLogger = Pick<Log, 'info' | 'warn' | 'error'>;

export interface WatchFactsOptions {
  /** The facts folder (`FACTS_DIR`). */
  readonly dir: string;
  /**
   * The reload to run: `FactStore.reload`, or the shard manager's reload of every shard. Called with
   * {@link WATCHER_NAME}; never called again before the previous call settles.
   */
  readonly reload: (by: string) => Promise<ReloadReport | readonly ReloadReport[]>;
  readonly log: WatchLogger;
  /** Quiet period: a reload starts this long after the last change. Default {@link DEFAULT_DEBOUNCE_MS}. */
  readonly debounceMs?: number;
  /**
   * Longest wait after the first change of a burst, so a folder that never goes quiet (a sync tool
   * writing constantly) still reloads. Default 10 × `debounceMs`.
   */
  readonly maxWaitMs?: number;
  readonly clock?: WatchClock;
  /** Default {@link watchFolder}; tests pass a fake that reports changes by hand. */
  readonly watchFolder?: (dir: string, options: WatchFolderOptions) => FolderWatch;
}

export interface FactsWatcher {
  /** For `/case-admin status` (pass it to `FactStore.reportWatch`). */
  status(): WatchStatus;
  /** Stops watching and drops a pending reload; a reload already running finishes. */
  close(): void;
  /** Resolves when no reload is running (a burst still in its quiet period does not count). */
  idle(): Promise<void>;
}

/**
 * Watches `dir` and reloads after each burst of changes: one reload once the folder has been quiet
 * for `debounceMs` (or `maxWaitMs` after the burst began). Changes during a reload queue exactly one
 * more reload, whatever their number. Editors' scratch files are ignored (see `isScratchFile`).
 * A broken save is logged with its errors (`file:line:col message`), as the store keeps serving the
 * previous facts. Never throws: a folder that cannot be watched is logged once and reported by
 * {@link FactsWatcher.status} as stopped.
 *
 * @example
 * const watcher = watchFacts({ dir: config.factsDir, reload: (by) => store.reload(by), log });
 * store.reportWatch(watcher);
 * process.once('SIGTERM', () => watcher.close());
 */
export function watchFacts(options: WatchFactsOptions): FactsWatcher {
  const { dir, log } = options;
  const clock = options.clock ?? realClock;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxWaitMs = Math.max(debounceMs, options.maxWaitMs ?? debounceMs * 10);

  let status: WatchStatus = { state: 'off' };
  let closed = false;
  /** When the first change not yet reloaded arrived; null when there is none. */
  let burstStartedAt: number | null = null;
  let lastChangeAt = 0;
  let cancelTimer: (() => void) | null = null;
  /** The changed files of the burst, for the log line. */
  let changed = new Set<string>();
  let running: Promise<void> | null = null;
  /** A burst ended while a reload ran: run one more when it finishes. */
  let again = false;

  const onChange = (file: string | null): void => {
    if (closed) return;
    const now = clock.now();
    burstStartedAt ??= now;
    lastChangeAt = now;
    if (file !== null && changed.size < FILES_LOGGED) changed.add(file);
    cancelTimer?.();
    const due = Math.min(lastChangeAt + debounceMs, burstStartedAt + maxWaitMs);
    cancelTimer = clock.after(Math.max(0, due - now), burstEnded);
  };

  function burstEnded(): void {
    cancelTimer = null;
    burstStartedAt = null;
    if (closed) return;
    if (running !== null) again = true;
    else running = runReloads();
  }

  async function runReloads(): Promise<void> {
    do {
      again = false;
      const files = [...changed];
      changed = new Set();
      await reloadOnce(files);
      // `again` and `closed` are set by callbacks while reloadOnce awaits.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    } while (again && !closed);
    running = null;
  }

  async function reloadOnce(files: readonly string[]): Promise<void> {
    const started = clock.now();
    try {
      const result = await options.reload(WATCHER_NAME);
      const reports: readonly ReloadReport[] = isReportList(result) ? result : [result];
      const failed = reports.filter((r): r is Failed => !r.ok);
      // Warnings too: whoever saved reads this log (or the count in /case-admin status), not a reply.
      const warnings = reports.find((r) => (r.warnings?.length ?? 0) > 0)?.warnings?.map(formatLoadError) ?? [];
      const warned =
        warnings.length === 0
          ? {}
          : { warnings: warnings.slice(0, ERRORS_LOGGED), moreWarnings: Math.max(0, warnings.length - ERRORS_LOGGED) };
      if (failed.length === 0) {
        log.info({ files, ms: clock.now() - started, ...warned }, 'facts changed on disk; reloaded');
        return;
      }
      // Every shard reads the same folder: one failure's errors stand for all of them.
      const lines = failed.find((r) => r.errors.length > 0)?.errors.map(formatLoadError) ?? [];
      const unanswered = failed.flatMap((r) => (r.noAnswer === undefined ? [] : [r.noAnswer]));
      log.warn(
        {
          files,
          errors: lines.slice(0, ERRORS_LOGGED),
          moreErrors: Math.max(0, lines.length - ERRORS_LOGGED),
          ...warned,
          ...(unanswered.length > 0 ? { unanswered } : {}),
        },
        'facts changed on disk but do not load; still serving the previous facts. Fix the files and save again',
      );
    } catch (error) {
      // The store returns failures as reports; reaching here is a bug of ours. Keep watching.
      log.error({ err: error, files }, 'reload after a change on disk failed unexpectedly');
    }
  }

  let folder: FolderWatch | null = null;
  try {
    folder = (options.watchFolder ?? watchFolder)(dir, {
      onChange,
      onError(error) {
        status = { state: 'stopped', reason: { code: 'watch-error', errno: errorCode(error) } };
        log.error({ err: error, dir }, 'stopped watching the facts folder; use /case-admin reload after editing');
      },
    });
    status = { state: 'on', debounceMs, mode: folder.mode };
    log.info({ dir, debounceMs, mode: folder.mode }, 'watching the facts folder; a save reloads the facts');
  } catch (error) {
    status = { state: 'stopped', reason: { code: 'cannot-watch', errno: errorCode(error) } };
    log.error({ err: error, dir }, 'cannot watch the facts folder; running without reload on save (use /case-admin reload)');
  }

  return {
    status: () => status,
    close() {
      if (closed) return;
      closed = true;
      cancelTimer?.();
      cancelTimer = null;
      folder?.close();
      status = { state: 'off' };
    },
    async idle() {
      while (running !== null) await running;
    },
  };
}

type Failed = Extract<ReloadReport, { ok: false }>;

function isReportList(result: ReloadReport | readonly ReloadReport[]): result is readonly ReloadReport[] {
  return Array.isArray(result);
}

/** A short, path-free name for an error: it reaches moderators in Discord. */
function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'error';
}
