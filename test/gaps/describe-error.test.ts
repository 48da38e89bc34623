import { describe, expect, it } from 'vitest';
import { databaseProblemText } from '../../src/app/render-reasons.js';
import { databaseProblem } from '../../src/gaps/describe-error.js';

function withCode(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('databaseProblem', () => {
  it('names the problem and the fix for the errors SQLite and Node give', () => {
    expect(databaseProblem(withCode('SQLITE_FULL', 'database or disk is full'))).toEqual({ code: 'disk-full' });
    expect(databaseProblemText(databaseProblem(withCode('SQLITE_FULL', 'database or disk is full')))).toBe(
      'the disk holding the database is full.',
    );
    expect(databaseProblemText(databaseProblem(withCode('EROFS', "EROFS: read-only file system, mkdir '/srv/data'")))).toBe(
      'the database file is read-only; make it and its folder writable by the bot and restart.',
    );
  });

  it('falls back to the error’s first line, without the server paths it quotes', () => {
    const error = withCode('EIO', "EIO: i/o error, open '/srv/casebot/data/gaps.sqlite'\n    at open (node:fs:1:1)");
    expect(databaseProblem(error)).toEqual({ code: 'other', detail: 'EIO: i/o error, open a path' });
    expect(databaseProblemText(databaseProblem(error))).toBe('the database cannot be used (EIO: i/o error, open a path).');
  });
});
