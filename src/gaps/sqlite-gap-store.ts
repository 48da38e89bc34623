import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { DAY_MS, dayOf, firstDayOfWindow } from './days.js';
import { databaseProblem } from './describe-error.js';
import { VOTER_KEY_BYTES } from './migrations.js';
import { isValidTime, questionToKeep, reportWindow, voteToKeep } from './inputs.js';
import type {
  AnswerVote,
  GapQuestion,
  GapQuestionRow,
  GapReport,
  GapReportOptions,
  GapReportResult,
  GapStatus,
  GapWriteProblem,
  LocalGapStore,
  PruneResult,
  VoteRecord,
  VotedAnswerRow,
} from './types.js';
import { hashVoter } from './voter-key.js';

// Rows as SQLite returns them, checked rather than cast: a file edited by hand or by a future
// version must produce an error, not wrong numbers.
const QuestionRow = z.object({
  case_id: z.string(),
  query: z.string(),
  count: z.number().int(),
  weak: z.number().int(),
  last_at: z.number().int(),
});
const AnswerRow = z.object({
  case_id: z.string(),
  query: z.string(),
  down: z.number().int(),
  up: z.number().int(),
  last_at: z.number().int(),
  fact_ids: z.string().nullable(),
});
const FactIds = z.array(z.string());
const PreviousVote = z.object({ vote: z.union([z.literal(1), z.literal(-1)]) }).optional();
const SecretRow = z.object({ key: z.instanceof(Buffer).refine((key) => key.length === VOTER_KEY_BYTES) });

/** '' stands for "outside a server" in the key columns (NULLs would never be equal in a primary key). */
const NO_GUILD = '';

/**
 * The gaps store over an open, migrated SQLite database (see `openGapStore`, which prepares the
 * connection: WAL, busy timeout, migrations, first prune).
 *
 * Several processes may write the same file at once (one per shard): every write is one
 * `BEGIN IMMEDIATE` transaction, which takes the write lock before reading, so a writer waits its
 * turn (up to the busy timeout) instead of failing with SQLITE_BUSY the way a read-then-write
 * transaction can when another process wrote in between. Counters are updated by SQL
 * (`count = count + 1`), never read-modify-written in JavaScript, so no increment is lost.
 */
export class SqliteGapStore implements LocalGapStore {
  private readonly voterKey: Buffer;
  private readonly insertAsked: Statement;
  private readonly upsertVote: Statement;
  private readonly selectVote: Statement;
  private readonly selectQuestions: Statement;
  private readonly selectAnswers: Statement;
  private readonly deleteAsked: Statement;
  private readonly deleteVotes: Statement;
  private lastWriteError: GapWriteProblem | null = null;
  private closed = false;

  /**
   * @param db an open database at the latest schema version.
   * @param retentionDays days kept, today included (≥ 1).
   * @throws if the database has no valid voter key (a file not migrated by this module).
   */
  constructor(
    private readonly db: Database,
    private readonly retentionDays: number,
  ) {
    this.voterKey = SecretRow.parse(db.prepare('SELECT key FROM secret WHERE id = 1').get()).key;
    this.insertAsked = db.prepare(`
      INSERT INTO asked (case_id, guild_id, query, day, count, weak, last_at)
      VALUES (@caseId, @guildId, @query, @day, 1, @weak, @at)
      ON CONFLICT (case_id, guild_id, query, day) DO UPDATE SET
        count = count + 1,
        weak = weak + excluded.weak,
        last_at = max(last_at, excluded.last_at)
    `);
    // `WHERE excluded.at >= votes.at`: with shards, two votes by one member can arrive out of order;
    // the later click wins, not the later write.
    this.upsertVote = db.prepare(`
      INSERT INTO votes (case_id, query, voter, guild_id, vote, fact_ids, at)
      VALUES (@caseId, @query, @voter, @guildId, @vote, @factIds, @at)
      ON CONFLICT (case_id, query, voter) DO UPDATE SET
        guild_id = excluded.guild_id, vote = excluded.vote, fact_ids = excluded.fact_ids, at = excluded.at
      WHERE excluded.at >= votes.at
    `);
    this.selectVote = db.prepare('SELECT vote FROM votes WHERE case_id = @caseId AND query = @query AND voter = @voter');
    this.selectQuestions = db.prepare(`
      SELECT case_id, query, SUM(count) AS count, SUM(weak) AS weak, MAX(last_at) AS last_at
      FROM asked
      WHERE day >= @sinceDay
        AND (@caseId IS NULL OR case_id = @caseId)
        AND (@guildId IS NULL OR guild_id = @guildId)
      GROUP BY case_id, query
      ORDER BY count DESC, last_at DESC, query
      LIMIT @limit
    `);
    this.selectAnswers = db.prepare(`
      SELECT v.case_id, v.query,
             SUM(v.vote = -1) AS down, SUM(v.vote = 1) AS up, MAX(v.at) AS last_at,
             (SELECT latest.fact_ids FROM votes AS latest
               WHERE latest.case_id = v.case_id AND latest.query = v.query AND latest.at >= @since
                 AND (@guildId IS NULL OR latest.guild_id = @guildId)
               ORDER BY latest.at DESC, latest.fact_ids LIMIT 1) AS fact_ids
      FROM votes AS v
      WHERE v.at >= @since
        AND (@caseId IS NULL OR v.case_id = @caseId)
        AND (@guildId IS NULL OR v.guild_id = @guildId)
      GROUP BY v.case_id, v.query
      HAVING down > 0
      ORDER BY down DESC, up ASC, last_at DESC, v.query
      LIMIT @limit
    `);
    this.deleteAsked = db.prepare('DELETE FROM asked WHERE day < ?');
    this.deleteVotes = db.prepare('DELETE FROM votes WHERE at < ?');
  }

  recordQuestion(question: GapQuestion): boolean {
    const query = questionToKeep(question);
    if (query === null) return false;
    return this.write(() => {
      this.insertAsked.run({
        caseId: question.caseId,
        guildId: question.guildId ?? NO_GUILD,
        query,
        day: dayOf(question.at),
        weak: question.kind === 'weak' ? 1 : 0,
        at: question.at.getTime(),
      });
    });
  }

  recordVote(vote: AnswerVote): VoteRecord {
    const query = voteToKeep(vote);
    if (query === null) return { kept: false };
    let previous: 'up' | 'down' | null = null;
    const kept = this.write(() => {
      const key = { caseId: vote.caseId, query, voter: hashVoter(this.voterKey, vote.voterId) };
      // Read inside the same write transaction: no other shard can vote in between.
      const before = PreviousVote.parse(this.selectVote.get(key));
      previous = before === undefined ? null : before.vote === 1 ? 'up' : 'down';
      this.upsertVote.run({
        ...key,
        guildId: vote.guildId ?? NO_GUILD,
        vote: vote.vote === 'up' ? 1 : -1,
        factIds: JSON.stringify(vote.factIds),
        at: vote.at.getTime(),
      });
    });
    return kept ? { kept: true, previous } : { kept: false };
  }

  report(options: GapReportOptions): GapReportResult {
    if (this.closed) return { ok: false, reason: { code: 'off', reason: { code: 'closed' } } };
    const window = reportWindow(options);
    if (!window.ok) return window;
    const { now, limit } = window;
    const sinceDay = firstDayOfWindow(now, options.days);
    const filters = { caseId: options.caseId ?? null, guildId: options.guildId ?? null, limit };
    try {
      // One read transaction: both lists come from the same snapshot even while shards write.
      const report = this.db.transaction((): GapReport => ({
        since: new Date(sinceDay * DAY_MS),
        questions: this.selectQuestions.all({ ...filters, sinceDay }).map(toQuestionRow),
        answers: this.selectAnswers.all({ ...filters, since: sinceDay * DAY_MS }).map(toAnswerRow),
      }))();
      return { ok: true, report };
    } catch (error) {
      return { ok: false, reason: { code: 'unreadable', problem: databaseProblem(error) } };
    }
  }

  prune(now: Date): PruneResult {
    try {
      return this.pruneOrThrow(now);
    } catch (error) {
      this.lastWriteError = { code: 'not-pruned', problem: databaseProblem(error) };
      return { questionDays: 0, votes: 0 };
    }
  }

  /**
   * {@link prune} that lets errors through: `openGapStore` runs it at open, where a failing delete is
   * how a read-only file shows (SQLite opens those without complaint).
   */
  pruneOrThrow(now: Date): PruneResult {
    if (this.closed || !isValidTime(now)) return { questionDays: 0, votes: 0 };
    const firstKept = firstDayOfWindow(now, this.retentionDays);
    return this.db
      .transaction(() => ({
        questionDays: this.deleteAsked.run(firstKept).changes,
        votes: this.deleteVotes.run(firstKept * DAY_MS).changes,
      }))
      .immediate();
  }

  status(): GapStatus {
    if (this.closed) return { state: 'off', reason: { code: 'closed' } };
    return { state: 'on', retentionDays: this.retentionDays, lastWriteError: this.lastWriteError };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  /** Runs one write in a `BEGIN IMMEDIATE` transaction; a failure is kept for status, never thrown. */
  private write(run: () => void): boolean {
    if (this.closed) return false;
    try {
      this.db.transaction(run).immediate();
      this.lastWriteError = null;
      return true;
    } catch (error) {
      this.lastWriteError = { code: 'not-kept', problem: databaseProblem(error) };
      return false;
    }
  }
}

function toQuestionRow(raw: unknown): GapQuestionRow {
  const row = QuestionRow.parse(raw);
  return {
    caseId: row.case_id,
    query: row.query,
    count: row.count,
    unanswered: row.count - row.weak,
    weak: row.weak,
    lastAskedAt: new Date(row.last_at),
  };
}

function toAnswerRow(raw: unknown): VotedAnswerRow {
  const row = AnswerRow.parse(raw);
  return {
    caseId: row.case_id,
    query: row.query,
    down: row.down,
    up: row.up,
    factIds: parseFactIds(row.fact_ids),
    lastVotedAt: new Date(row.last_at),
  };
}

function parseFactIds(text: string | null): readonly string[] {
  if (text === null) return [];
  try {
    const parsed = FactIds.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
