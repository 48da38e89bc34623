import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

/** How long a write waits for another process's lock before giving up, unless told otherwise. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating it and its folder if needed) the bot's database file — the knowledge gaps and the
 * per-server settings share it — prepares the connection (busy timeout, WAL, synchronous NORMAL)
 * and brings the schema up to date. Each user (gap store, settings store) opens its own connection.
 *
 * @throws whatever SQLite or the file system throws (see describeGapsError for a sentence), or
 *   NewerSchemaError; the connection is closed first.
 */
export function openMigratedDatabase(file: string, busyTimeoutMs: number = DEFAULT_BUSY_TIMEOUT_MS): Database.Database {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    // First, so every later statement (the WAL switch and the migrations included) waits for a
    // shard that holds the lock instead of failing at once.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // WAL: readers never block the writer and the writer never blocks readers, across processes.
    const mode: unknown = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`the file system does not support SQLite's WAL mode (journal mode stayed ${String(mode)})`);
    // Safe with WAL: a power cut can lose the last writes, never corrupt the file; far fewer fsyncs.
    db.pragma('synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
