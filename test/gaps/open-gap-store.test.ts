import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openGapStore } from '../../src/gaps/open-gap-store.js';
import type { GapStore, GapsOffReason } from '../../src/gaps/types.js';
import { gapsOffText } from '../../src/app/render-reasons.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./helpers/open-stores.ts', import.meta.url));
const NOBODY = 65534;

const OFF = {
  fileInTheWay: 'Knowledge gaps are off: the folder for the database cannot be created because a file is in the way; fix GAPS_DB.',
  readOnly: 'Knowledge gaps are off: the database file is read-only; make it and its folder writable by the bot and restart.',
  notAllowed:
    'Knowledge gaps are off: the bot is not allowed to create or write the database or its folder; fix the permissions or GAPS_DB.',
  corrupt: 'Knowledge gaps are off: the database file is damaged or is not a SQLite database; move it away and restart to start a new one.',
  folder: 'Knowledge gaps are off: the database file cannot be opened (is GAPS_DB a folder, or not writable?); fix GAPS_DB.',
};

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'casebot-gaps-open-'));
});

afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

/** The reason of an off store, in English. */
function offText(store: GapStore): string {
  const status = store.status();
  return status.state === 'off' ? gapsOffText(status.reason) : 'not off';
}

function expectOff(store: GapStore, text: string): void {
  const status = store.status();
  expect(offText(store)).toBe(text);
  // One sentence for a moderator: one line, no server path, no stack.
  expect(text).not.toMatch(/\n|\/tmp|\bat \w+ \(/);
  // Off means: nothing kept, no report, and no exception for the caller to handle.
  const at = new Date();
  expect(store.recordQuestion({ caseId: 'c', guildId: null, query: 'q', kind: 'unanswered', at })).toBe(false);
  expect(store.recordVote({ caseId: 'c', guildId: null, query: 'q', factIds: [], voterId: '1', vote: 'down', at })).toEqual({
    kept: false,
  });
  expect(store.report({ days: 7, limit: 5 })).toEqual({
    ok: false,
    reason: { code: 'off', reason: status.state === 'off' ? status.reason : null },
  });
  expect(store.prune(at)).toEqual({ questionDays: 0, votes: 0 });
  store.close();
}

describe('openGapStore', () => {
  it('creates missing folders and a new database', () => {
    const store = openGapStore(path.join(dir, 'a', 'b', 'gaps.sqlite'), { retentionDays: 90 });
    expect(store.status()).toEqual({ state: 'on', retentionDays: 90, lastWriteError: null });
    expect(store.recordQuestion({ caseId: 'c', guildId: 'g', query: 'q', kind: 'unanswered', at: new Date() })).toBe(true);
    store.close();
  });

  it('is off when GAPS_DB=off (null)', () => {
    expectOff(openGapStore(null, { retentionDays: 90 }), 'Knowledge gaps are off: GAPS_DB is set to "off".');
  });

  it('is off, without throwing, when the folder cannot be created because a file is in the way', () => {
    writeFileSync(path.join(dir, 'data'), 'not a folder');
    expectOff(openGapStore(path.join(dir, 'data', 'gaps.sqlite'), { retentionDays: 90 }), OFF.fileInTheWay);
  });

  it('is off when the file is not a database, and leaves the file as it was', () => {
    const file = path.join(dir, 'gaps.sqlite');
    const garbage = Buffer.from('this is not a database '.repeat(400));
    writeFileSync(file, garbage);
    expectOff(openGapStore(file, { retentionDays: 90 }), OFF.corrupt);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('is off when a database file is damaged (its header overwritten)', () => {
    const file = path.join(dir, 'gaps.sqlite');
    openGapStore(file, { retentionDays: 90 }).close();
    const bytes = readFileSync(file);
    bytes.fill(0x55, 0, 100);
    writeFileSync(file, bytes);
    expectOff(openGapStore(file, { retentionDays: 90 }), OFF.corrupt);
  });

  it('is off when GAPS_DB names a folder', () => {
    expectOff(openGapStore(dir, { retentionDays: 90 }), OFF.folder);
  });

  it('is off with a reason when the retention is not a positive whole number', () => {
    expectOff(
      openGapStore(path.join(dir, 'gaps.sqlite'), { retentionDays: 0 }),
      'Knowledge gaps are off: the retention limit must be a whole number of days of at least 1.',
    );
  });

  // Root ignores file permissions, so these run in a child process as `nobody` when the tests run as root.
  it('is off when the file is read-only, or its folder cannot be created for lack of permission', () => {
    const writableDir = path.join(dir, 'writable');
    mkdirSync(writableDir);
    const readOnly = path.join(writableDir, 'gaps.sqlite');
    openGapStore(readOnly, { retentionDays: 90 }).close();
    chmodSync(readOnly, 0o444);
    chmodSync(writableDir, 0o777);
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(dir, 0o755);

    const results = openInChild([readOnly, path.join(locked, 'sub', 'gaps.sqlite')]);
    const readOnlyReason: GapsOffReason = { code: 'database', problem: { code: 'read-only' } };
    const notAllowedReason: GapsOffReason = { code: 'database', problem: { code: 'not-permitted' } };
    expect(results).toEqual([
      { file: readOnly, status: { state: 'off', reason: readOnlyReason }, recorded: false },
      { file: path.join(locked, 'sub', 'gaps.sqlite'), status: { state: 'off', reason: notAllowedReason }, recorded: false },
    ]);
    expect([gapsOffText(readOnlyReason), gapsOffText(notAllowedReason)]).toEqual([OFF.readOnly, OFF.notAllowed]);
  });
});

const ChildResults = z.array(
  z.object({
    file: z.string(),
    // Compared whole with toEqual below.
    status: z.unknown(),
    recorded: z.boolean(),
  }),
);

/**
 * Lets `nobody` reach the checkout for the child: a clone in a private folder (`mktemp -d` makes
 * it 700) is otherwise unreadable to it. Returns how to put the folders back as they were.
 */
function openPathToOthers(dir: string): () => void {
  const changed: { readonly folder: string; readonly mode: number }[] = [];
  for (let folder = dir; ; folder = path.dirname(folder)) {
    const mode = statSync(folder).mode & 0o7777;
    if ((mode & 0o005) !== 0o005) {
      chmodSync(folder, mode | 0o005);
      changed.push({ folder, mode });
    }
    if (path.dirname(folder) === folder) break;
  }
  return () => {
    for (const { folder, mode } of changed) chmodSync(folder, mode);
  };
}

function openInChild(files: readonly string[]): { file: string; status: unknown; recorded: boolean }[] {
  const asRoot = process.getuid?.() === 0;
  const restore = asRoot ? openPathToOthers(root) : () => undefined;
  try {
    const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(files)], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    if (child.status !== 0) throw new Error(`child failed (${String(child.status)}): ${child.stderr}${String(child.error ?? '')}`);
    return ChildResults.parse(JSON.parse(child.stdout));
  } finally {
    restore();
  }
}
