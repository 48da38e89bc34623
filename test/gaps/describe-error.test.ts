import { describe, expect, it } from 'vitest';
import { describeGapsError } from '../../src/gaps/describe-error.js';

function withCode(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('describeGapsError', () => {
  it('names the problem and the fix for the errors SQLite and Node give', () => {
    expect(describeGapsError(withCode('SQLITE_FULL', 'database or disk is full'))).toBe('the disk holding the database is full.');
    expect(describeGapsError(withCode('EROFS', "EROFS: read-only file system, mkdir '/srv/data'"))).toBe(
      'the database file is read-only; make it and its folder writable by the bot and restart.',
    );
  });

  it('falls back to the error’s first line, without the server paths it quotes', () => {
    const error = withCode('EIO', "EIO: i/o error, open '/srv/casebot/data/gaps.sqlite'\n    at open (node:fs:1:1)");
    expect(describeGapsError(error)).toBe('the database cannot be used (EIO: i/o error, open a path).');
  });
});
