import { z } from 'zod';
import { DAY_MS, dayOf, firstDayOfWindow } from '../gaps/days.js';
import { isValidTime, questionToKeep, reportWindow, voteToKeep } from '../gaps/inputs.js';
import type {
  AnswerVote,
  GapQuestion,
  GapQuestionRow,
  GapReportOptions,
  GapReportResult,
  GapStatus,
  GapStore,
  GapWriteProblem,
  PruneResult,
  VotedAnswerRow,
  VoteRecord,
} from '../gaps/types.js';
import { hashVoter } from '../gaps/voter-key.js';
import { redisKeys } from './keys.js';
import { describeRedisError, type RedisLink } from './link.js';
import { redisVoterKey } from './voter-key.js';

/** '' stands for "outside a server", as in the SQLite store. */
const NO_GUILD = '';

// One question asked: count, weak count and last time in one hash per UTC day, updated in one
// script so no increment is lost between replicas and the last time only moves forward. The day's
// hash expires by itself once it leaves the retention window.
const RECORD_QUESTION = `
redis.call('HINCRBY', KEYS[1], 'c:' .. ARGV[1], 1)
redis.call('HINCRBY', KEYS[1], 'w:' .. ARGV[1], tonumber(ARGV[2]))
local last = tonumber(redis.call('HGET', KEYS[1], 't:' .. ARGV[1]) or '0')
if tonumber(ARGV[3]) > last then redis.call('HSET', KEYS[1], 't:' .. ARGV[1], ARGV[3]) end
redis.call('PEXPIREAT', KEYS[1], ARGV[4])
return 1
`;

// One vote per member per answer; of two clicks arriving out of order, the later click wins (as the
// SQLite store's `WHERE excluded.at >= votes.at`). Values are "<at>|<json>". Returns the value it
// found ('' for none), read in the same atomic step as the write, so the member's previous vote is
// theirs even when two replicas take their clicks at once.
const RECORD_VOTE = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then
  local at = tonumber(string.match(current, '^(%d+)|'))
  if at and at > tonumber(ARGV[3]) then return current end
else
  current = ''
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return current
`;

// What Redis returns is checked, not cast: a key written by hand or by another version must give
// an error or be skipped, never wrong numbers.
const QuestionKey = z.tuple([z.string(), z.string(), z.string()]);
const VoteKey = z.tuple([z.string(), z.string(), z.string()]);
const VoteValue = z.object({ g: z.string(), v: z.union([z.literal(1), z.literal(-1)]), f: z.array(z.string()) });
const Count = z.coerce.number().int();

/**
 * Knowledge gaps in Redis, for replicas behind a load balancer (REDIS_URL): the same
 * {@link GapStore} contract as the SQLite file, the same normalisation, the same keyed hash of
 * voters (its key kept in Redis, see {@link redisVoterKey}), the same report.
 *
 * While Redis is unreachable the store reports itself off with the reason, so answers carry no
 * vote buttons and no write is tried; a write that fails all the same returns false (the caller
 * logs that once). Questions expire with their day; votes are pruned by {@link prune}.
 *
 * @example
 * const gaps = new RedisGapStore(link, 90);
 * await gaps.recordQuestion({ caseId: 'tick-jaxa', guildId: null, query: 'was data stolen', kind: 'unanswered', at: new Date() });
 */
export class RedisGapStore implements GapStore {
  private readonly voterKey: () => Promise<Buffer | null>;
  private lastWriteError: GapWriteProblem | null = null;
  private closed = false;

  /** @param retentionDays days kept, today included (≥ 1). */
  constructor(
    private readonly link: RedisLink,
    private readonly retentionDays: number,
  ) {
    this.voterKey = redisVoterKey(link);
  }

  async recordQuestion(question: GapQuestion): Promise<boolean> {
    const query = questionToKeep(question);
    if (query === null || !this.usable()) return false;
    const day = dayOf(question.at);
    const field = JSON.stringify([question.caseId, question.guildId ?? NO_GUILD, query]);
    const expiresAt = (day + this.retentionDays) * DAY_MS;
    return this.write(() =>
      this.link.commands.eval(
        RECORD_QUESTION,
        1,
        redisKeys.asked(day),
        field,
        question.kind === 'weak' ? 1 : 0,
        question.at.getTime(),
        expiresAt,
      ),
    );
  }

  async recordVote(vote: AnswerVote): Promise<VoteRecord> {
    const query = voteToKeep(vote);
    if (query === null || !this.usable()) return { kept: false };
    const key = await this.voterKey();
    if (key === null) {
      this.lastWriteError = { code: 'redis-vote-not-kept', where: this.link.where };
      return { kept: false };
    }
    const field = JSON.stringify([vote.caseId, query, hashVoter(key, vote.voterId).toString('hex')]);
    const value = `${vote.at.getTime()}|${JSON.stringify({ g: vote.guildId ?? NO_GUILD, v: vote.vote === 'up' ? 1 : -1, f: vote.factIds })}`;
    let before: unknown;
    const kept = await this.write(async () => {
      before = await this.link.commands.eval(RECORD_VOTE, 1, redisKeys.votes, field, value, vote.at.getTime());
    });
    return kept ? { kept: true, previous: previousVote(before) } : { kept: false };
  }

  async report(options: GapReportOptions): Promise<GapReportResult> {
    const status = this.status();
    if (status.state === 'off') return { ok: false, reason: { code: 'off', reason: status.reason } };
    const window = reportWindow(options);
    if (!window.ok) return window;
    const { now, limit } = window;
    // Nothing older than the retention window exists; asking for more days reads no more keys.
    const sinceDay = firstDayOfWindow(now, Math.min(options.days, this.retentionDays + 1));
    try {
      const pipeline = this.link.commands.pipeline();
      for (let day = sinceDay; day <= dayOf(now); day += 1) pipeline.hgetall(redisKeys.asked(day));
      pipeline.hgetall(redisKeys.votes);
      const replies = (await pipeline.exec()) ?? [];
      const hashes = replies.map(([error, value]) => {
        if (error !== null) throw error;
        return z.record(z.string(), z.string()).parse(value);
      });
      const votes = hashes.pop() ?? {};
      return {
        ok: true,
        report: {
          since: new Date(firstDayOfWindow(now, options.days) * DAY_MS),
          questions: questionRows(hashes, options).slice(0, limit),
          answers: answerRows(votes, sinceDay * DAY_MS, options).slice(0, limit),
        },
      };
    } catch (error) {
      return { ok: false, reason: { code: 'redis-unreadable', detail: describeRedisError(error) } };
    }
  }

  /**
   * Removes votes older than the retention limit. Questions need no pruning: each day's hash
   * expires by itself when it leaves the window, so `questionDays` is always 0 here.
   */
  async prune(now: Date): Promise<PruneResult> {
    if (!this.usable() || !isValidTime(now)) return { questionDays: 0, votes: 0 };
    const firstKept = firstDayOfWindow(now, this.retentionDays) * DAY_MS;
    try {
      const all = z.record(z.string(), z.string()).parse(await this.link.commands.hgetall(redisKeys.votes));
      const old = Object.entries(all)
        // A value not of the stored shape has no time: it is pruned with the old ones.
        .filter(([, value]) => (voteTime(value) ?? 0) < firstKept)
        .map(([field]) => field);
      if (old.length > 0) await this.link.commands.hdel(redisKeys.votes, ...old);
      return { questionDays: 0, votes: old.length };
    } catch (error) {
      this.lastWriteError = { code: 'redis-votes-not-pruned', detail: describeRedisError(error) };
      return { questionDays: 0, votes: 0 };
    }
  }

  status(): GapStatus {
    if (this.closed) return { state: 'off', reason: { code: 'redis-closed' } };
    const link = this.link.state();
    if (link.state === 'down') {
      return { state: 'off', reason: { code: 'redis-down', where: this.link.where, detail: link.reason } };
    }
    return { state: 'on', retentionDays: this.retentionDays, lastWriteError: this.lastWriteError };
  }

  /** Stops writing; the connection belongs to the link, which its owner closes. */
  close(): void {
    this.closed = true;
  }

  private usable(): boolean {
    return !this.closed && this.link.state().state === 'up';
  }

  private async write(run: () => Promise<unknown>): Promise<boolean> {
    try {
      await run();
      this.lastWriteError = null;
      return true;
    } catch (error) {
      this.lastWriteError = { code: 'redis-not-kept', detail: describeRedisError(error) };
      return false;
    }
  }
}

/** The time of a stored vote ("<at>|<json>"), or undefined for a value not of that shape. */
function voteTime(value: string): number | undefined {
  const at = Number(value.slice(0, value.indexOf('|')));
  return value.includes('|') && Number.isInteger(at) ? at : undefined;
}

/** The direction of the stored vote the script returned ('' or not a vote: none, so this is their first). */
function previousVote(stored: unknown): 'up' | 'down' | null {
  if (typeof stored !== 'string' || !stored.includes('|')) return null;
  const value = VoteValue.safeParse(parseJson(stored.slice(stored.indexOf('|') + 1)));
  if (!value.success) return null;
  return value.data.v === 1 ? 'up' : 'down';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The day hashes summed per (case, question), filtered, most asked first (ties: most recent, then by text). */
function questionRows(days: readonly Record<string, string>[], options: GapReportOptions): GapQuestionRow[] {
  const rows = new Map<string, { caseId: string; query: string; count: number; weak: number; last: number }>();
  for (const hash of days) {
    for (const [field, value] of Object.entries(hash)) {
      if (!field.startsWith('c:')) continue;
      const json = field.slice(2);
      const key = QuestionKey.safeParse(parseJson(json));
      if (!key.success) continue;
      const [caseId, guildId, query] = key.data;
      if (options.caseId !== undefined && caseId !== options.caseId) continue;
      if (options.guildId !== undefined && guildId !== options.guildId) continue;
      const id = JSON.stringify([caseId, query]);
      const row = rows.get(id) ?? { caseId, query, count: 0, weak: 0, last: 0 };
      row.count += Count.catch(0).parse(value);
      row.weak += Count.catch(0).parse(hash[`w:${json}`] ?? '0');
      row.last = Math.max(row.last, Count.catch(0).parse(hash[`t:${json}`] ?? '0'));
      rows.set(id, row);
    }
  }
  return [...rows.values()]
    .sort((a, b) => b.count - a.count || b.last - a.last || a.query.localeCompare(b.query))
    .map((row) => ({
      caseId: row.caseId,
      query: row.query,
      count: row.count,
      unanswered: row.count - row.weak,
      weak: row.weak,
      lastAskedAt: new Date(row.last),
    }));
}

/** Votes since `since` grouped per (case, question), those with a 👎, most 👎 first (ties: fewest 👍, most recent). */
function answerRows(votes: Record<string, string>, since: number, options: GapReportOptions): VotedAnswerRow[] {
  const rows = new Map<string, { caseId: string; query: string; down: number; up: number; last: number; factIds: readonly string[] }>();
  for (const [field, stored] of Object.entries(votes)) {
    const key = VoteKey.safeParse(parseJson(field));
    const at = voteTime(stored);
    const value = VoteValue.safeParse(parseJson(stored.slice(stored.indexOf('|') + 1)));
    if (!key.success || at === undefined || !value.success || at < since) continue;
    const [caseId, query] = key.data;
    if (options.caseId !== undefined && caseId !== options.caseId) continue;
    if (options.guildId !== undefined && value.data.g !== options.guildId) continue;
    const id = JSON.stringify([caseId, query]);
    const row = rows.get(id) ?? { caseId, query, down: 0, up: 0, last: 0, factIds: [] };
    if (value.data.v === -1) row.down += 1;
    else row.up += 1;
    if (at >= row.last) {
      row.last = at;
      row.factIds = value.data.f;
    }
    rows.set(id, row);
  }
  return [...rows.values()]
    .filter((row) => row.down > 0)
    .sort((a, b) => b.down - a.down || a.up - b.up || b.last - a.last || a.query.localeCompare(b.query))
    .map((row) => ({
      caseId: row.caseId,
      query: row.query,
      down: row.down,
      up: row.up,
      factIds: row.factIds,
      lastVotedAt: new Date(row.last),
    }));
}
