import { NewerSchemaError, SCHEMA_VERSION } from './migrations.js';
import type { DatabaseProblem } from './types.js';

/**
 * Why the gaps database cannot be used, as a code a moderator's reply turns into one sentence in
 * their language (what is wrong and what to do; src/app/render-reasons.ts). No path (status is
 * shown in Discord; the caller logs the path) and no stack.
 *
 * @example
 * databaseProblem(sqliteErrorWithCode('SQLITE_READONLY')) // { code: 'read-only' }
 */
export function databaseProblem(error: unknown): DatabaseProblem {
  if (error instanceof NewerSchemaError) return { code: 'newer-schema', found: error.found, supported: SCHEMA_VERSION };
  const code = codeOf(error);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return { code: 'read-only' };
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return { code: 'damaged' };
  if (code === 'ENOTDIR' || code === 'EEXIST') return { code: 'path-blocked' };
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return { code: 'not-permitted' };
  }
  if (code.startsWith('SQLITE_CANTOPEN')) return { code: 'cannot-open' };
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return { code: 'disk-full' };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { code: 'locked' };
  return { code: 'other', detail: firstLine(error) };
}

/** An error's `code` (SQLite's `SQLITE_…` or Node's `E…`), or '' when it has none. */
function codeOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Node's file errors quote the path; status must not show it.
  const line = (text.split('\n')[0] ?? '').replace(/'[^']*[\\/][^']*'/g, 'a path');
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
