import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * The gaps database's schema, as steps in code. `PRAGMA user_version` holds the number of steps
 * applied; a step is applied once, in its own write transaction, with the version bumped in the same
 * transaction, so a crash leaves the file at one version or the next, never in between. Append new
 * steps; never edit one that has shipped (files in the field already ran it).
 */
export interface Migration {
  /** The version the file has after this step. */
  readonly version: number;
  readonly description: string;
  readonly up: (db: Database) => void;
}

/** Bytes of the key votes' voter ids are hashed with (HMAC-SHA-256). */
export const VOTER_KEY_BYTES = 32;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'questions asked per day, votes, and the key voters are hashed with',
    up(db) {
      db.exec(`
        CREATE TABLE secret (
          id  INTEGER PRIMARY KEY CHECK (id = 1),
          key BLOB NOT NULL
        );
        -- One row per question, case, server and UTC day: repeats add to count. No user ids.
        -- guild_id '' = outside a server.
        CREATE TABLE asked (
          case_id  TEXT    NOT NULL,
          guild_id TEXT    NOT NULL,
          query    TEXT    NOT NULL,
          day      INTEGER NOT NULL,
          count    INTEGER NOT NULL,
          last_at  INTEGER NOT NULL,
          PRIMARY KEY (case_id, guild_id, query, day)
        ) WITHOUT ROWID;
        -- One vote per voter per answer (case + query); voter is the HMAC of the user id, never the id.
        CREATE TABLE votes (
          case_id  TEXT    NOT NULL,
          query    TEXT    NOT NULL,
          voter    BLOB    NOT NULL,
          guild_id TEXT    NOT NULL,
          vote     INTEGER NOT NULL CHECK (vote IN (-1, 1)),
          fact_ids TEXT    NOT NULL,
          at       INTEGER NOT NULL,
          PRIMARY KEY (case_id, query, voter)
        ) WITHOUT ROWID;
      `);
      // Created here, once per database file: every file has its own key (see voter-key.ts for why).
      db.prepare('INSERT INTO secret (id, key) VALUES (1, ?)').run(randomBytes(VOTER_KEY_BYTES));
    },
  },
  {
    version: 2,
    description: 'weak answers counted apart from no answer; indexes for pruning by age',
    up(db) {
      db.exec(`
        -- Of count, how many asks got only weak answers (the rest got none). Rows from version 1
        -- did not tell them apart and count as unanswered.
        ALTER TABLE asked ADD COLUMN weak INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX asked_by_day ON asked (day);
        CREATE INDEX votes_by_time ON votes (at);
      `);
    },
  },
  {
    version: 3,
    description: "per-server settings (the server's default case), kept in the same file",
    up(db) {
      db.exec(`
        -- One row per server; default_case_id NULL = no default (answer from the best-matching case).
        CREATE TABLE server_settings (
          guild_id        TEXT    PRIMARY KEY,
          default_case_id TEXT,
          updated_at      INTEGER NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
];

/** The version a file has once every step has run. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The file was written by a newer casebot (more steps than this one knows): it is left untouched. */
export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(`gaps database schema ${found} is newer than this version's ${SCHEMA_VERSION}`);
    this.name = 'NewerSchemaError';
  }
}

/** The schema version recorded in the file (0 for a new, empty file). */
export function schemaVersion(db: Database): number {
  const version: unknown = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error(`PRAGMA user_version returned ${String(version)}`);
  return version;
}

/**
 * Brings the file to `target` (default: the latest version). Several processes may call this on the
 * same new file at once (shards starting together): each step re-reads the version inside its write
 * transaction, so the step runs once and the others find it done.
 *
 * @throws NewerSchemaError if the file is already beyond what this version knows; SQLite errors as they come.
 */
export function migrate(db: Database, target: number = SCHEMA_VERSION): void {
  for (const migration of MIGRATIONS) {
    if (migration.version > target) break;
    db.transaction(() => {
      const current = schemaVersion(db);
      if (current > SCHEMA_VERSION) throw new NewerSchemaError(current);
      if (current >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  const reached = schemaVersion(db);
  if (reached > SCHEMA_VERSION) throw new NewerSchemaError(reached);
}
