import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openGapStore } from '../../src/gaps/open-gap-store.js';
import type { AnswerVote, GapQuestion, GapReport, GapStore, LocalGapStore } from '../../src/gaps/types.js';
import { gapReportProblemText, gapWriteText } from '../../src/app/render-reasons.js';

const NOW = new Date('2025-06-15T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number, from: Date = NOW): Date => new Date(from.getTime() - days * DAY);

let dir: string;
let file: string;
const open: GapStore[] = [];

function openStore(retentionDays = 90, now: Date = NOW): LocalGapStore {
  const store = openGapStore(file, { retentionDays, now });
  open.push(store);
  expect(store.status()).toMatchObject({ state: 'on' });
  return store;
}

function question(overrides: Partial<GapQuestion> = {}): GapQuestion {
  return { caseId: 'tick-jaxa', guildId: '111111111111111111', query: 'Was data stolen?', kind: 'unanswered', at: NOW, ...overrides };
}

function vote(overrides: Partial<AnswerVote> = {}): AnswerVote {
  return {
    caseId: 'tick-jaxa',
    guildId: '111111111111111111',
    query: 'who is wang',
    factIds: ['wang-fake-company', 'wang-arrest'],
    voterId: '222222222222222222',
    vote: 'down',
    at: NOW,
    ...overrides,
  };
}

function report(store: LocalGapStore, options: Partial<Parameters<GapStore['report']>[0]> = {}): GapReport {
  const result = store.report({ days: 30, limit: 10, now: NOW, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.reason));
  return result.report;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'casebot-gaps-'));
  file = path.join(dir, 'data', 'gaps.sqlite');
});

afterEach(() => {
  for (const store of open.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite gap store: questions', () => {
  it('counts repeats of the same question together, after normalising, and tells weak from unanswered', () => {
    const store = openStore();
    expect(store.recordQuestion(question({ query: 'Was data stolen?', at: daysAgo(2) }))).toBe(true);
    expect(store.recordQuestion(question({ query: 'was  DATA stolen', kind: 'weak', at: daysAgo(1) }))).toBe(true);
    expect(store.recordQuestion(question({ query: 'WAS DATA STOLEN?!' }))).toBe(true);
    expect(store.recordQuestion(question({ query: 'who hacked jaxa' }))).toBe(true);

    expect(report(store).questions).toEqual([
      { caseId: 'tick-jaxa', query: 'was data stolen', count: 3, unanswered: 2, weak: 1, lastAskedAt: NOW },
      { caseId: 'tick-jaxa', query: 'who hacked jaxa', count: 1, unanswered: 1, weak: 0, lastAskedAt: NOW },
    ]);
  });

  it('keeps no user id: a question carries none, and nothing of the kind is stored', () => {
    const store = openStore();
    store.recordQuestion(question());
    const db = new Database(file, { readonly: true });
    const columns = db.prepare("SELECT name FROM pragma_table_info('asked')").all();
    db.close();
    expect(columns.map((c) => z.object({ name: z.string() }).parse(c).name).sort()).toEqual([
      'case_id',
      'count',
      'day',
      'guild_id',
      'last_at',
      'query',
      'weak',
    ]);
  });

  it('does not record an empty question', () => {
    const store = openStore();
    expect(store.recordQuestion(question({ query: ' ?? ' }))).toBe(false);
    expect(report(store).questions).toEqual([]);
  });

  it('filters by case, server and period, and applies the limit', () => {
    const store = openStore();
    store.recordQuestion(question({ caseId: 'harbor-ransomware', query: 'port' }));
    store.recordQuestion(question({ guildId: '999999999999999999', query: 'other server' }));
    store.recordQuestion(question({ guildId: null, query: 'from the console' }));
    store.recordQuestion(question({ query: 'old', at: daysAgo(10) }));
    for (let i = 0; i < 3; i += 1) store.recordQuestion(question({ query: 'popular' }));

    const queries = (options: Partial<Parameters<GapStore['report']>[0]>): string[] => report(store, options).questions.map((q) => q.query);
    expect(queries({ caseId: 'harbor-ransomware' })).toEqual(['port']);
    expect(queries({ caseId: 'tick-jaxa', guildId: '111111111111111111' })).toEqual(['popular', 'old']);
    expect(queries({ guildId: '999999999999999999' })).toEqual(['other server']);
    // days = 10 is today and the 9 days before: the ask 10 days ago is outside it, inside 11.
    expect(queries({ caseId: 'tick-jaxa', guildId: '111111111111111111', days: 10 })).toEqual(['popular']);
    expect(queries({ caseId: 'tick-jaxa', guildId: '111111111111111111', days: 11 })).toEqual(['popular', 'old']);
    expect(queries({ limit: 1 })).toEqual(['popular']);
    expect(report(store).questions).toHaveLength(5);
  });

  it('sums one question across servers when no server is given', () => {
    const store = openStore();
    store.recordQuestion(question({ guildId: '111111111111111111' }));
    store.recordQuestion(question({ guildId: '999999999999999999' }));
    expect(report(store).questions.map((q) => q.count)).toEqual([2]);
  });

  it('refuses a period that is not a whole number of days, with a reason', () => {
    const store = openStore();
    expect(store.report({ days: 0, limit: 10 })).toEqual({ ok: false, reason: { code: 'bad-days' } });
    expect(gapReportProblemText({ code: 'bad-days' })).toBe('The number of days must be a whole number of at least 1.');
  });
});

describe('SQLite gap store: votes', () => {
  it('keeps one vote per member per answer: a later vote replaces theirs', () => {
    const store = openStore();
    const hoursAgo = (hours: number): Date => daysAgo(hours / 24);
    expect(store.recordVote(vote({ voterId: 'a', vote: 'down', at: daysAgo(1) }))).toEqual({ kept: true, previous: null });
    expect(store.recordVote(vote({ voterId: 'a', vote: 'down', at: hoursAgo(3) }))).toEqual({ kept: true, previous: 'down' });
    expect(store.recordVote(vote({ voterId: 'b', vote: 'down', at: hoursAgo(2) }))).toEqual({ kept: true, previous: null });
    expect(store.recordVote(vote({ voterId: 'c', vote: 'down', at: hoursAgo(1) }))).toEqual({ kept: true, previous: null });
    // The answer now shows other facts: the report names the facts of the latest vote.
    // The member's earlier vote comes from the file, so "your vote is now 👍" holds across restarts.
    expect(store.recordVote(vote({ voterId: 'c', vote: 'up', factIds: ['wang-arrest'] }))).toEqual({ kept: true, previous: 'down' });

    expect(report(store).answers).toEqual([
      { caseId: 'tick-jaxa', query: 'who is wang', down: 2, up: 1, factIds: ['wang-arrest'], lastVotedAt: NOW },
    ]);
  });

  it('lets the later click win when two shards write a member’s votes out of order', () => {
    const store = openStore();
    store.recordVote(vote({ voterId: 'a', vote: 'up', at: NOW }));
    store.recordVote(vote({ voterId: 'a', vote: 'down', at: daysAgo(1) }));
    expect(report(store).answers).toEqual([]);
    store.recordVote(vote({ voterId: 'b', vote: 'down' }));
    expect(report(store).answers.map((a) => [a.down, a.up])).toEqual([[1, 1]]);
  });

  it('lists the answers with the most 👎 first, and only those with at least one', () => {
    const store = openStore();
    store.recordVote(vote({ query: 'liked', voterId: 'a', vote: 'up' }));
    store.recordVote(vote({ query: 'bad', voterId: 'a' }));
    store.recordVote(vote({ query: 'bad', voterId: 'b' }));
    store.recordVote(vote({ query: 'mixed', voterId: 'a' }));
    store.recordVote(vote({ query: 'mixed', voterId: 'b', vote: 'up' }));
    store.recordVote(vote({ query: 'Worse?', voterId: 'a' }));
    store.recordVote(vote({ query: 'worse', voterId: 'b' }));
    store.recordVote(vote({ query: 'worse', voterId: 'c' }));
    expect(report(store).answers.map((a) => [a.query, a.down, a.up])).toEqual([
      ['worse', 3, 0],
      ['bad', 2, 0],
      ['mixed', 1, 1],
    ]);
    expect(report(store, { limit: 2 }).answers).toHaveLength(2);
    expect(report(store, { caseId: 'harbor-ransomware' }).answers).toEqual([]);
  });

  it('stores a keyed hash of the voter, never the id, and a different one in another database', () => {
    const voterId = '333333333333333333';
    const store = openStore();
    store.recordVote(vote({ voterId }));
    store.close();
    const otherFile = path.join(dir, 'other.sqlite');
    const other = openGapStore(otherFile, { retentionDays: 90, now: NOW });
    other.recordVote(vote({ voterId }));
    other.close();

    const voters = [file, otherFile].map((f) => {
      const db = new Database(f, { readonly: true });
      const row = z.object({ voter: z.instanceof(Buffer) }).parse(db.prepare('SELECT voter FROM votes').get());
      db.close();
      return row.voter;
    });
    expect(voters[0]).toHaveLength(32);
    expect(voters[0]?.equals(voters[1] ?? Buffer.alloc(0))).toBe(false);
    // Not in any file of the database (main file, WAL), in text or as a number.
    for (const name of readdirSync(path.dirname(file))) {
      const bytes = readFileSync(path.join(path.dirname(file), name));
      expect(bytes.includes(voterId), name).toBe(false);
      expect(bytes.includes(Buffer.from(BigInt(voterId).toString(16), 'hex')), name).toBe(false);
    }
  });
});

describe('SQLite gap store: retention and restarts', () => {
  it('prunes questions and votes older than the retention limit, at open and on demand', () => {
    const store = openStore(7);
    store.recordQuestion(question({ query: 'kept', at: daysAgo(6) }));
    store.recordQuestion(question({ query: 'expired', at: daysAgo(7) }));
    store.recordVote(vote({ query: 'kept', voterId: 'a', at: daysAgo(6) }));
    store.recordVote(vote({ query: 'expired', voterId: 'a', at: daysAgo(8) }));
    // The report's own period is wider than the retention: only pruning removes rows.
    expect(report(store, { days: 30 }).questions).toHaveLength(2);

    expect(store.prune(NOW)).toEqual({ questionDays: 1, votes: 1 });
    expect(report(store, { days: 30 }).questions.map((q) => q.query)).toEqual(['kept']);
    expect(report(store, { days: 30 }).answers.map((a) => a.query)).toEqual(['kept']);
    expect(store.prune(NOW)).toEqual({ questionDays: 0, votes: 0 });
    store.close();

    // A restart two days later prunes at open.
    const later = openStore(7, daysAgo(-2));
    expect(report(later, { days: 30, now: daysAgo(-2) }).questions).toEqual([]);
  });

  it('keeps everything across a restart (close and open the same file)', () => {
    const first = openStore();
    first.recordQuestion(question());
    first.recordVote(vote({ voterId: 'a' }));
    first.close();

    const second = openStore();
    // The same member voting again after the restart still replaces their vote: the key survived.
    expect(second.recordVote(vote({ voterId: 'a', vote: 'up' }))).toEqual({ kept: true, previous: 'down' });
    second.recordVote(vote({ voterId: 'b' }));
    second.recordQuestion(question());
    const { questions, answers } = report(second);
    expect(questions.map((q) => [q.query, q.count])).toEqual([['was data stolen', 2]]);
    expect(answers.map((a) => [a.down, a.up])).toEqual([[1, 1]]);
  });

  it('never throws when a write fails: it returns false and status tells why until a write succeeds', () => {
    const store = openGapStore(file, { retentionDays: 90, now: NOW, busyTimeoutMs: 50 });
    open.push(store);
    // Another process holding the write lock longer than the busy timeout.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    expect(store.recordQuestion(question())).toBe(false);
    expect(store.recordVote(vote())).toEqual({ kept: false });
    const status = store.status();
    expect(status).toEqual({ state: 'on', retentionDays: 90, lastWriteError: { code: 'not-kept', problem: { code: 'locked' } } });
    expect(status.state === 'on' && status.lastWriteError !== null && gapWriteText(status.lastWriteError)).toBe(
      'The last question or vote was not kept: another process kept the database locked for too long.',
    );
    other.exec('ROLLBACK');
    other.close();
    expect(store.recordQuestion(question())).toBe(true);
    expect(store.status()).toMatchObject({ lastWriteError: null });
    expect(report(store).questions.map((q) => q.count)).toEqual([1]);
  });

  it('is on while open and off once closed; writes after close are refused', () => {
    const store = openStore(30);
    expect(store.status()).toEqual({ state: 'on', retentionDays: 30, lastWriteError: null });
    store.close();
    expect(store.status()).toEqual({ state: 'off', reason: { code: 'closed' } });
    expect(store.recordQuestion(question())).toBe(false);
    expect(store.recordVote(vote())).toEqual({ kept: false });
  });
});
