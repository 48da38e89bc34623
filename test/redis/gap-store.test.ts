/**
 * Knowledge gaps in Redis keep the GapStore contract of the SQLite file: the same questions and
 * votes give the same report (counts, kinds, last times, one vote per member with the later click
 * winning, filters by case, server and days). Written from two replicas at once, no count is lost.
 * Redis down: the store says it is off and why, and writes are dropped without throwing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGapStore } from '../../src/gaps/open-gap-store.js';
import type { AnswerVote, GapQuestion, GapReportOptions, GapStore, VoteRecord } from '../../src/gaps/types.js';
import { RedisGapStore } from '../../src/redis/gap-store.js';
import { connectRedis, type RedisLink } from '../../src/redis/link.js';
import { requireRedisServer, startRedisServer, type TestRedis } from './helpers/redis-server.js';
import { recordingLog, waitUntil } from './helpers/wait.js';

const available = requireRedisServer('test/redis/gap-store.test.ts');
const DAY = 86_400_000;
// Real time: Redis expires each day's questions by its own clock, so the test days must be recent.
const NOW = new Date(Math.floor(Date.now() / DAY) * DAY + 12 * 3_600_000);
const daysAgo = (days: number, minutes = 0): Date => new Date(NOW.getTime() - days * DAY - minutes * 60_000);
const G1 = '111111111111111111';
const G2 = '111111111111111112';

const questions: GapQuestion[] = [
  { caseId: 'tick-jaxa', guildId: G1, query: 'Was data stolen?', kind: 'unanswered', at: daysAgo(0, 30) },
  { caseId: 'tick-jaxa', guildId: G1, query: 'was  DATA stolen', kind: 'weak', at: daysAgo(2) },
  { caseId: 'tick-jaxa', guildId: G2, query: 'was data stolen', kind: 'unanswered', at: daysAgo(5) },
  { caseId: 'tick-jaxa', guildId: G1, query: 'who found the tick', kind: 'weak', at: daysAgo(1) },
  { caseId: 'tick-jaxa', guildId: G1, query: 'who found the tick', kind: 'weak', at: daysAgo(1, 5) },
  { caseId: 'harbor', guildId: G2, query: 'ransom paid?', kind: 'unanswered', at: daysAgo(10) },
  { caseId: 'harbor', guildId: null, query: 'ransom amount', kind: 'weak', at: daysAgo(40) },
];
const vote = (voterId: string, v: 'up' | 'down', at: Date, overrides: Partial<AnswerVote> = {}): AnswerVote => ({
  caseId: 'tick-jaxa',
  guildId: G1,
  query: 'who is wang',
  factIds: ['wang-fake-company'],
  voterId,
  vote: v,
  at,
  ...overrides,
});
const votes: AnswerVote[] = [
  vote('222222222222222221', 'down', daysAgo(3)),
  vote('222222222222222222', 'down', daysAgo(2)),
  vote('222222222222222223', 'up', daysAgo(1), { factIds: ['wang-arrest'] }),
  // The same member changes their mind; the later click wins even when it arrives first.
  vote('222222222222222222', 'up', daysAgo(0, 10)),
  vote('222222222222222222', 'down', daysAgo(0, 20)),
  vote('222222222222222224', 'down', daysAgo(4), { caseId: 'harbor', query: 'ransom paid', guildId: G2 }),
  vote('222222222222222225', 'up', daysAgo(4), { query: 'what is tick' }),
];
const reports: GapReportOptions[] = [
  { days: 30, limit: 10, now: NOW },
  { days: 3, limit: 10, now: NOW },
  { days: 90, limit: 2, now: NOW },
  { days: 30, limit: 10, now: NOW, guildId: G1 },
  { days: 60, limit: 10, now: NOW, caseId: 'harbor' },
  { days: 1, limit: 10, now: NOW },
];

let redis: TestRedis | undefined;
const links: RedisLink[] = [];
let dir: string;

async function redisStore(): Promise<{ store: RedisGapStore; link: RedisLink }> {
  if (redis === undefined) throw new Error('no redis');
  const link = connectRedis({ url: redis.url, log: recordingLog(), maxReconnectDelayMs: 200 });
  links.push(link);
  expect(await link.whenUp(5000)).toBe(true);
  return { store: new RedisGapStore(link, 90), link };
}

/** Records every question and vote; returns what each vote's record said (kept, and the vote it replaced). */
async function fill(store: GapStore): Promise<VoteRecord[]> {
  for (const q of questions) expect(await store.recordQuestion(q)).toBe(true);
  const records: VoteRecord[] = [];
  for (const v of votes) records.push(await store.recordVote(v));
  return records;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'casebot-redis-gaps-'));
  if (available) redis = await startRedisServer();
});
afterAll(async () => {
  for (const link of links) await link.close();
  await redis?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('knowledge gaps in Redis', () => {
  it('report exactly what the SQLite store reports for the same questions and votes', async () => {
    const sqlite = openGapStore(path.join(dir, 'gaps.sqlite'), { retentionDays: 90, now: NOW });
    const { store } = await redisStore();
    const sqliteVotes = await fill(sqlite);
    const redisVotes = await fill(store);
    // The same previous votes, read in the same step as each write (a changed vote says so).
    expect(redisVotes).toEqual(sqliteVotes);
    expect(redisVotes.some((r) => r.kept && r.previous !== null)).toBe(true);
    for (const options of reports) {
      const expected = sqlite.report(options);
      expect(expected.ok).toBe(true);
      expect(await store.report(options)).toEqual(expected);
    }
    // And the report is about what was asked: a sanity check that the comparison compares something.
    const month = await store.report({ days: 30, limit: 10, now: NOW });
    if (!month.ok) throw new Error(JSON.stringify(month.reason));
    expect(month.report.questions[0]).toMatchObject({ query: 'was data stolen', count: 3, unanswered: 2, weak: 1 });
    // Member …222's later click (👍, ten minutes ago) replaced their 👎 although it was written first.
    expect(month.report.answers.map((a) => [a.query, a.down, a.up])).toEqual([
      ['ransom paid', 1, 0],
      ['who is wang', 1, 2],
    ]);
    sqlite.close();
  });

  it('loses no count when two replicas write the same question at once', async () => {
    const a = await redisStore();
    const b = await redisStore();
    const asked = { caseId: 'race', guildId: G1, query: 'same question', kind: 'weak' as const, at: NOW };
    await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b).store.recordQuestion(asked)));
    const result = await a.store.report({ days: 1, limit: 10, now: NOW, caseId: 'race' });
    if (!result.ok) throw new Error(JSON.stringify(result.reason));
    expect(result.report.questions).toEqual([
      { caseId: 'race', query: 'same question', count: 200, unanswered: 0, weak: 200, lastAskedAt: NOW },
    ]);
  });

  it('returns the member’s previous vote whichever replica took it, and none for their first', async () => {
    const a = await redisStore();
    const b = await redisStore();
    const member = '222222222222222230';
    const on = { query: 'which replica' };
    expect(await a.store.recordVote(vote(member, 'down', daysAgo(0, 3 * 60), on))).toEqual({ kept: true, previous: null });
    expect(await b.store.recordVote(vote(member, 'up', daysAgo(0, 2 * 60), on))).toEqual({ kept: true, previous: 'down' });
    expect(await a.store.recordVote(vote(member, 'up', daysAgo(0, 1 * 60), on))).toEqual({ kept: true, previous: 'up' });
    expect(await b.store.recordVote(vote('222222222222222231', 'up', daysAgo(0, 1 * 60), on))).toEqual({ kept: true, previous: null });
  });

  it('prunes votes older than the retention limit', async () => {
    const { store } = await redisStore();
    expect(await store.recordVote(vote('222222222222222229', 'down', daysAgo(20), { query: 'old one' }))).toEqual({
      kept: true,
      previous: null,
    });
    const short = new RedisGapStore(links[links.length - 1] as RedisLink, 10);
    expect((await short.prune(NOW)).votes).toBeGreaterThanOrEqual(1);
    const after = await store.report({ days: 30, limit: 50, now: NOW });
    if (!after.ok) throw new Error(JSON.stringify(after.reason));
    expect(after.report.answers.map((a) => a.query)).not.toContain('old one');
  });

  it('says it is off while Redis is down, drops writes without throwing, and is back on once Redis is', async () => {
    if (redis === undefined) throw new Error('no redis');
    const { store, link } = await redisStore();
    await redis.stop();
    await waitUntil(() => link.state().state === 'down', 'the outage to be noticed');
    expect(store.status()).toMatchObject({ state: 'off', reason: { code: 'redis-down', where: link.where } });
    expect(await store.recordQuestion(questions[0] as GapQuestion)).toBe(false);
    expect(await store.recordVote(votes[0] as AnswerVote)).toEqual({ kept: false });
    expect(await store.report({ days: 1, limit: 1, now: NOW })).toMatchObject({ ok: false });
    await redis.start();
    await waitUntil(() => link.state().state === 'up', 'the reconnection');
    expect(store.status()).toMatchObject({ state: 'on', retentionDays: 90 });
    expect(await store.recordQuestion(questions[0] as GapQuestion)).toBe(true);
  });
});
