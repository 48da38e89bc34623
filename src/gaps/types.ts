/**
 * Knowledge gaps: which questions the bot could not answer well, and which answers members voted
 * down, kept so moderators know which facts to add or fix. Plain data in, plain data out: no
 * discord.js, no rendering. Nothing here stores who asked; votes keep only a keyed hash of the voter.
 */

/** How well a question was answered: no fact at all, or only facts below the confidence the caller trusts. */
export type GapKind = 'unanswered' | 'weak';

/** A question that got no answer, or only weak ones. */
export interface GapQuestion {
  readonly caseId: string;
  /** The server it was asked in; null outside a server (DMs, the console). */
  readonly guildId: string | null;
  /** The question as typed; the store normalises it (see `normalizeQuestion`) so repeats count together. */
  readonly query: string;
  readonly kind: GapKind;
  readonly at: Date;
}

/** A member's 👍 (`up`) or 👎 (`down`) on an answer. */
export interface AnswerVote {
  readonly caseId: string;
  readonly guildId: string | null;
  /** The question the answer was for, as typed; normalised like {@link GapQuestion.query}. */
  readonly query: string;
  /** The facts the answer showed, in order: reported with the votes so moderators know what to fix. */
  readonly factIds: readonly string[];
  /**
   * The voter's Discord user id. Used only to keep one vote per member per answer: the store keeps
   * a keyed hash of it, never the id itself.
   */
  readonly voterId: string;
  readonly vote: 'up' | 'down';
  readonly at: Date;
}

/** What {@link GapStore.recordVote} did: kept, with the member's vote it replaced (null: their first); or not kept. */
export type VoteRecord = { readonly kept: true; readonly previous: 'up' | 'down' | null } | { readonly kept: false };

export interface GapReportOptions {
  /** Only this case; absent: every case. */
  readonly caseId?: string;
  /** Only this server; absent: every server. */
  readonly guildId?: string;
  /** The last `days` days, today (UTC) included: 1 = today only. */
  readonly days: number;
  /** Rows per list (1 to 100). */
  readonly limit: number;
  /** Default: the current time. */
  readonly now?: Date;
}

/** A question asked again and again without a good answer. */
export interface GapQuestionRow {
  readonly caseId: string;
  /** Normalised text (lowercase, one line); untrusted: escape it before putting it in a message. */
  readonly query: string;
  /** Times asked in the period: {@link unanswered} + {@link weak}. */
  readonly count: number;
  readonly unanswered: number;
  readonly weak: number;
  readonly lastAskedAt: Date;
}

/** An answer members voted on, with at least one 👎 in the period. */
export interface VotedAnswerRow {
  readonly caseId: string;
  readonly query: string;
  readonly down: number;
  readonly up: number;
  /** The facts shown by the answer at its latest vote. */
  readonly factIds: readonly string[];
  readonly lastVotedAt: Date;
}

export interface GapReport {
  /** Start of the period (midnight UTC). */
  readonly since: Date;
  /** Most asked first (ties: most recent first). */
  readonly questions: readonly GapQuestionRow[];
  /** Most 👎 first (ties: fewest 👍, then most recent). */
  readonly answers: readonly VotedAnswerRow[];
}

/*
 * Why something is off or failed, as codes with their values — never sentences: the app renders
 * them in the reader's language (src/app/render-reasons.ts; logs in English). None carries a path
 * or a stack: status is shown in Discord, and the caller logs the path next to the reason.
 */

/** Why the database file cannot be used (see `databaseProblem`). */
export type DatabaseProblem =
  | { readonly code: 'newer-schema'; readonly found: number; readonly supported: number }
  | {
      readonly code: 'read-only' | 'damaged' | 'path-blocked' | 'not-permitted' | 'cannot-open' | 'disk-full' | 'locked';
    }
  /** Anything else: the error's first line, paths removed (technical text, shown as it is). */
  | { readonly code: 'other'; readonly detail: string };

/** Why knowledge gaps are off. */
export type GapsOffReason =
  /** GAPS_DB=off. */
  | { readonly code: 'disabled' }
  /** GAPS_RETENTION_DAYS is not a whole number of at least 1. */
  | { readonly code: 'bad-retention' }
  | { readonly code: 'database'; readonly problem: DatabaseProblem }
  | { readonly code: 'closed' }
  | { readonly code: 'redis-closed' }
  /** `detail`: what the Redis client said (technical text). */
  | { readonly code: 'redis-down'; readonly where: string; readonly detail: string }
  /** The store broke its promise not to throw (a bug of ours). */
  | { readonly code: 'failed' };

/** Why the latest write failed. */
export type GapWriteProblem =
  | { readonly code: 'not-kept'; readonly problem: DatabaseProblem }
  | { readonly code: 'not-pruned'; readonly problem: DatabaseProblem }
  | { readonly code: 'redis-vote-not-kept'; readonly where: string }
  | { readonly code: 'redis-not-kept'; readonly detail: string }
  | { readonly code: 'redis-votes-not-pruned'; readonly detail: string };

/** Why there is no report. */
export type GapReportProblem =
  | { readonly code: 'off'; readonly reason: GapsOffReason }
  | { readonly code: 'bad-days' }
  | { readonly code: 'bad-time' }
  | { readonly code: 'unreadable'; readonly problem: DatabaseProblem }
  | { readonly code: 'redis-unreadable'; readonly detail: string }
  | { readonly code: 'failed' };

/** A report, or why there is none (the store is off, or reading failed). */
export type GapReportResult = { readonly ok: true; readonly report: GapReport } | { readonly ok: false; readonly reason: GapReportProblem };

/** `on`, or `off` with the reason. */
export type GapStatus =
  | {
      readonly state: 'on';
      readonly retentionDays: number;
      /** Why the latest write failed (a question or vote was not kept); null once a write succeeds again. */
      readonly lastWriteError: GapWriteProblem | null;
    }
  | { readonly state: 'off'; readonly reason: GapsOffReason };

/** What {@link GapStore.prune} removed. */
export interface PruneResult {
  /** Question-days removed (a question asked on several days has one row per day). */
  readonly questionDays: number;
  readonly votes: number;
}

/** A value now, or later: a store on another server (Redis) answers over the network. */
export type Awaitable<T> = T | Promise<T>;

/**
 * Where knowledge gaps are kept: a SQLite file ({@link LocalGapStore}, answering at once) or a Redis
 * server shared by replicas (src/redis/gap-store.ts, answering later). Writes never throw or reject:
 * recording a gap must never cost a member their answer. They say whether the record was kept.
 *
 * @example
 * const gaps = openGapStore('./data/gaps.sqlite', { retentionDays: 90 });
 * gaps.recordQuestion({ caseId: 'tick-jaxa', guildId: '1234…', query: 'Was data stolen?', kind: 'unanswered', at: new Date() });
 * const result = await gaps.report({ caseId: 'tick-jaxa', days: 30, limit: 10 });
 */
export interface GapStore {
  /** Counts one more ask of the (normalised) question; an empty question is not recorded. */
  recordQuestion(question: GapQuestion): Awaitable<boolean>;
  /**
   * Keeps the vote; a later vote by the same member on the same answer (case and question) replaces
   * theirs, so a member counts once however often they click, across shards, replicas and restarts.
   */
  recordVote(vote: AnswerVote): Awaitable<VoteRecord>;
  report(options: GapReportOptions): Awaitable<GapReportResult>;
  /** Removes what is older than the retention limit, measured from `now`. Call it daily or so. */
  prune(now: Date): Awaitable<PruneResult>;
  /** Known at once, without asking the server: a networked store reports its connection's state. */
  status(): GapStatus;
  /** Releases the database; later calls are no-ops (writes return false). */
  close(): void;
}

/** A {@link GapStore} that answers at once (SQLite, or off): a write is done when the call returns. */
export interface LocalGapStore extends GapStore {
  recordQuestion(question: GapQuestion): boolean;
  recordVote(vote: AnswerVote): VoteRecord;
  report(options: GapReportOptions): GapReportResult;
  prune(now: Date): PruneResult;
}
