/**
 * Per-server settings — today the server's default case — kept in the bot's database file (the one
 * the knowledge gaps use, GAPS_DB; table `server_settings`, migration 3 in src/gaps/migrations.ts),
 * so they survive restarts and every shard reads the same value.
 */
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { databaseProblem } from '../gaps/describe-error.js';
import { openMigratedDatabase } from '../gaps/open-database.js';
import type { DatabaseProblem } from '../gaps/types.js';

/** Why default cases last only until a restart: GAPS_DB=off, no database given (tests), or the file cannot be used. */
export type SettingsOffReason =
  { readonly code: 'disabled' | 'no-database' } | { readonly code: 'database'; readonly problem: DatabaseProblem };

export type ServerSettingsStatus = { readonly state: 'on' } | { readonly state: 'off'; readonly reason: SettingsOffReason };

export interface ServerSettings {
  /** The server's default case id, or null when it has none. `guildId` '' = outside a server. */
  defaultCase(guildId: string): string | null;
  /**
   * Sets (or, with null, clears) the server's default case. Returns whether it was written to the
   * database; when not (database off or failing), it is kept in memory until the bot restarts.
   */
  setDefaultCase(guildId: string, caseId: string | null): { readonly persisted: boolean };
  /** `off` with why settings last only until a restart (rendered by src/app/render-reasons.ts). */
  status(): ServerSettingsStatus;
  close(): void;
}

const Row = z.object({ default_case_id: z.string().nullable() });

/**
 * Settings kept only in this process: used when there is no usable database. The caller logs the
 * reason once at start; replies that set a default say it lasts until a restart.
 *
 * @example
 * const settings = memoryServerSettings({ code: 'disabled' }); // GAPS_DB=off
 * settings.setDefaultCase('123', 'tick-jaxa') // { persisted: false }
 */
export function memoryServerSettings(reason: SettingsOffReason): ServerSettings {
  const defaults = new Map<string, string>();
  return {
    defaultCase: (guildId) => defaults.get(guildId) ?? null,
    setDefaultCase(guildId, caseId) {
      if (caseId === null) defaults.delete(guildId);
      else defaults.set(guildId, caseId);
      return { persisted: false };
    },
    status: () => ({ state: 'off', reason }),
    close: () => undefined,
  };
}

/**
 * Opens the settings over the database file (created and migrated if needed). Never throws: with
 * `file` null (GAPS_DB=off) or a file that cannot be used it returns {@link memoryServerSettings},
 * whose status says why.
 *
 * @example
 * const settings = openServerSettings(config.gapsDb);
 * const status = settings.status();
 * if (status.state === 'off') log.warn({}, settingsOffText(status.reason));
 * settings.setDefaultCase(guildId, 'tick-jaxa');
 */
export function openServerSettings(file: string | null, options: { readonly busyTimeoutMs?: number } = {}): ServerSettings {
  if (file === null) return memoryServerSettings({ code: 'disabled' });
  try {
    return new SqliteServerSettings(openMigratedDatabase(file, options.busyTimeoutMs));
  } catch (error) {
    return memoryServerSettings({ code: 'database', problem: databaseProblem(error) });
  }
}

/** Reads go to the file every time (microseconds), so a default set on one shard holds on all. */
class SqliteServerSettings implements ServerSettings {
  private readonly select: Statement;
  private readonly upsert: Statement;
  /** Once a write has failed, values live here (and win over the file) until restart. */
  private fallback: ServerSettings | null = null;

  constructor(private readonly db: Database) {
    this.select = db.prepare('SELECT default_case_id FROM server_settings WHERE guild_id = ?');
    this.upsert = db.prepare(`
      INSERT INTO server_settings (guild_id, default_case_id, updated_at) VALUES (@guildId, @caseId, @at)
      ON CONFLICT (guild_id) DO UPDATE SET default_case_id = excluded.default_case_id, updated_at = excluded.updated_at
    `);
  }

  defaultCase(guildId: string): string | null {
    if (this.fallback !== null) return this.fallback.defaultCase(guildId);
    const row: unknown = this.select.get(guildId);
    return row === undefined ? null : Row.parse(row).default_case_id;
  }

  setDefaultCase(guildId: string, caseId: string | null): { readonly persisted: boolean } {
    if (this.fallback === null) {
      try {
        this.upsert.run({ guildId, caseId, at: Date.now() });
        return { persisted: true };
      } catch (error) {
        this.fallback = memoryServerSettings({ code: 'database', problem: databaseProblem(error) });
      }
    }
    return this.fallback.setDefaultCase(guildId, caseId);
  }

  status(): ServerSettingsStatus {
    return this.fallback === null ? { state: 'on' } : this.fallback.status();
  }

  close(): void {
    this.db.close();
  }
}
