import type Database from 'better-sqlite3';
import { databaseProblem } from './describe-error.js';
import { DEFAULT_BUSY_TIMEOUT_MS, openMigratedDatabase } from './open-database.js';
import { offGapStore } from './off-gap-store.js';
import { SqliteGapStore } from './sqlite-gap-store.js';
import type { LocalGapStore } from './types.js';

export interface OpenGapStoreOptions {
  /** Days kept, today included (`GAPS_RETENTION_DAYS`); older questions and votes are deleted. */
  readonly retentionDays: number;
  /** How long a write waits for another process's lock before giving up. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** The time of the prune at open. Default: now. */
  readonly now?: Date;
}

/**
 * Opens (creating it and its folder if needed) the gaps database, brings its schema up to date and
 * removes what is older than the retention limit. Never throws: when the file cannot be used — a
 * folder that cannot be created, a read-only or damaged file, a newer schema — it returns a store
 * that is off, whose `status()` says why (a code); the caller logs that once (with the path)
 * and answers as usual. `null` (GAPS_DB=off) gives an off store too.
 *
 * While running, the caller prunes periodically too: `startPruning(store)` (prune-timer.ts).
 *
 * @example
 * const gaps = openGapStore(config.gapsDb, { retentionDays: config.gapsRetentionDays });
 * const status = gaps.status();
 * if (status.state === 'off') log.error({ path: config.gapsDb }, gapsOffText(status.reason));
 */
export function openGapStore(file: string | null, options: OpenGapStoreOptions): LocalGapStore {
  if (file === null) return offGapStore({ code: 'disabled' });
  if (!Number.isInteger(options.retentionDays) || options.retentionDays < 1) return offGapStore({ code: 'bad-retention' });
  let db: Database.Database | undefined;
  try {
    db = openMigratedDatabase(file, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
    const store = new SqliteGapStore(db, options.retentionDays);
    // Also the write check: SQLite opens a read-only file without complaint; its first write fails here.
    store.pruneOrThrow(options.now ?? new Date());
    return store;
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Already unusable; the reason below is what matters.
    }
    return offGapStore({ code: 'database', problem: databaseProblem(error) });
  }
}
