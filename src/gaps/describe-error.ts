import { NewerSchemaError, SCHEMA_VERSION } from './migrations.js';

/**
 * Says in one sentence, for a moderator, why the gaps database cannot be used: what is wrong and
 * what to do. No path (status is shown in Discord; the caller logs the path) and no stack.
 *
 * @example
 * describeGapsError(sqliteErrorWithCode('SQLITE_READONLY'))
 * // 'the database file is read-only; make it and its folder writable by the bot and restart.'
 */
export function describeGapsError(error: unknown): string {
  if (error instanceof NewerSchemaError) {
    return `the database was written by a newer casebot (schema ${error.found}, this version reads up to ${SCHEMA_VERSION}); upgrade the bot or point GAPS_DB at another file.`;
  }
  const code = codeOf(error);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return 'the database file is read-only; make it and its folder writable by the bot and restart.';
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return 'the database file is damaged or is not a SQLite database; move it away and restart to start a new one.';
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return 'the folder for the database cannot be created because a file is in the way; fix GAPS_DB.';
  }
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return 'the bot is not allowed to create or write the database or its folder; fix the permissions or GAPS_DB.';
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return 'the database file cannot be opened (is GAPS_DB a folder, or not writable?); fix GAPS_DB.';
  }
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') {
    return 'the disk holding the database is full.';
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return 'another process kept the database locked for too long.';
  }
  return `the database cannot be used (${firstLine(error)}).`;
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
