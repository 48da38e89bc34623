/**
 * The knowledge-gaps side of answering: records questions answered badly, puts 👍 / 👎 under
 * answers and takes the votes. Plain data in and out (no discord.js); the gaps store does the
 * keeping. Nothing here may cost a member their answer: recording runs after the answer is made,
 * and failures are logged (once until the store works again), never thrown.
 */
import type { APIActionRowComponent, APIButtonComponent } from 'discord-api-types/v10';
import type { VoteDirection } from '../answer/vote-token.js';
import type { Answer } from '../answer/types.js';
import { memoryVoteIds, parseVoteCustomId, voteRow } from '../answer/vote-buttons.js';
import { isVoteToken, VoteTokens } from '../answer/vote-token.js';
import { randomPagingSecret } from '../answer/paging-token.js';
import type { GapReportResult, GapStatus, GapStore } from '../gaps/types.js';
import type { Log } from '../shared/log.js';
import { gapCaseId, gapKindOf } from './gap-kind.js';
import { renderVoteAck, type VoteAck } from './render-gaps.js';
import { VoteTargets, type VoteTarget, type VoteTargetStore } from './vote-targets.js';
import type { Reply } from '../answer/reply.js';
import { EN, type Catalog } from '../answer/locale/index.js';
import { gapWriteText, gapsOffText } from './render-reasons.js';

export interface GapFeedbackOptions {
  readonly store: GapStore;
  readonly log: Pick<Log, 'warn' | 'error'>;
  /**
   * Signs vote buttons (≥ 32 characters): give PAGING_SECRET, so a vote still counts after a restart
   * and on every replica. Default: a random secret, so buttons work in this process only — after a
   * restart a click is told the buttons no longer work, and nothing is kept.
   */
  readonly secret?: string;
  /**
   * Answers whose question is too long for a signed button; its TTL is every vote button's (signed
   * ones too). Give the Redis store when replicas share state, so such a click may land on any
   * replica. Default: a new {@link VoteTargets} (24 hours, in this process's memory).
   */
  readonly targets?: VoteTargetStore;
  /**
   * Runs a recording once the answer is on its way (SQLite writes are synchronous, and another
   * shard may hold the lock for a moment). Default `setImmediate`; tests pass `(work) => work()`.
   */
  readonly later?: (work: () => void) => void;
}

export interface AnsweredQuestion {
  readonly answer: Answer;
  /** The paging session id of the answer, which its vote buttons carry; null when it has no results. */
  readonly answerId: string | null;
  /** The server; null in DMs and the console. */
  readonly guildId: string | null;
  /** The cases served, to name the case of a question no fact answered. */
  readonly caseIds: readonly string[];
  /** Epoch milliseconds. */
  readonly now: number;
  /** The asker's catalog, for the buttons' labels. Default English. */
  readonly catalog?: Catalog;
}

export type VoteOutcome = 'voted' | 'vote-expired' | 'vote-gone' | 'vote-failed' | 'gaps-off';

/** An answer being shown again (another page): enough to put the same 👍 / 👎 under it. */
export interface ShownAnswer {
  readonly answer: Answer;
  /** The answer's paging id (what a memory vote button names). */
  readonly answerId: string;
  readonly caseIds: readonly string[];
  readonly now: number;
  readonly catalog?: Catalog;
}

/** A click on 👍 / 👎. */
export interface VoteClickRequest {
  readonly customId: string;
  readonly userId: string;
  /** The server the click came from (where the answer is); null outside one. */
  readonly guildId: string | null;
  readonly now: number;
  readonly catalog?: Catalog;
  /**
   * The facts the answer to `query` shows now, best first (a signed button carries the question,
   * not the facts: they are found again, as a page turn does).
   */
  readonly factIdsFor: (query: string, caseId: string) => readonly string[];
}

export interface GapFeedback {
  /**
   * After an answer is made: records it as a gap if it is one, and returns the 👍 / 👎 row to put
   * under it (null when gaps are off or the answer has no results).
   */
  noteAnswer(question: AnsweredQuestion): APIActionRowComponent<APIButtonComponent> | null;
  /** The vote row of an answer still open for votes (for its other pages), else null. */
  voteRowFor(shown: ShownAnswer): Promise<APIActionRowComponent<APIButtonComponent> | null>;
  /** A click on 👍 / 👎: keeps the member's vote (replacing theirs) and says so, privately. */
  vote(click: VoteClickRequest): Promise<Reply & { readonly outcome: VoteOutcome }>;
  report(options: {
    readonly caseId?: string;
    readonly guildId?: string;
    readonly days: number;
    readonly now: number;
    readonly limit: number;
  }): Promise<GapReportResult>;
  status(): GapStatus;
}

/**
 * @example
 * const gaps = createGapFeedback({ store: openGapStore(file, { retentionDays: 90 }), log });
 * const row = gaps.noteAnswer({ answer, answerId: sessionId, guildId, caseIds, now: Date.now() });
 */
export function createGapFeedback(options: GapFeedbackOptions): GapFeedback {
  const { store, log } = options;
  const targets = options.targets ?? new VoteTargets();
  const tokens = new VoteTokens(options.secret ?? randomPagingSecret());
  const later = options.later ?? ((work: () => void) => void setImmediate(work));
  let failing = false;

  const on = (): boolean => store.status().state === 'on';

  /** Logs the first failed write, and again only after one has succeeded since. */
  function noteWrite(kept: boolean, what: string): void {
    if (kept) {
      failing = false;
      return;
    }
    if (failing) return;
    failing = true;
    const status = store.status();
    log.error(
      {
        reason:
          status.state === 'off' ? gapsOffText(status.reason) : status.lastWriteError === null ? null : gapWriteText(status.lastWriteError),
      },
      `knowledge gaps: a ${what} was not kept; answers are unaffected`,
    );
  }

  function broke(error: unknown): void {
    // The store promises not to throw; this keeps the promise to members even if it breaks it.
    if (!failing) log.error({ err: error }, 'knowledge gaps failed; answers are unaffected');
    failing = true;
  }

  function safely<T>(fallback: T, work: () => T): T {
    try {
      return work();
    } catch (error) {
      broke(error);
      return fallback;
    }
  }

  async function safelyLater<T>(fallback: T, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      broke(error);
      return fallback;
    }
  }

  /** The signed 👍 / 👎 row of an answer, or null when its case and question do not fit in one. */
  function signedRow(target: Pick<VoteTarget, 'caseId' | 'query'>, now: number, catalog: Catalog) {
    const ids = tokens.customIds({ caseId: target.caseId, query: target.query, expiresAt: now + targets.ttl });
    return ids === null ? null : voteRow(ids, catalog);
  }

  /**
   * What a click votes on: a signed button carries it (the facts are found again); a memory button
   * names an answer this process still holds. 'gone': not signed with this secret (a restart
   * without PAGING_SECRET, a forgery) or an answer this process does not hold (a restart).
   */
  async function readClick(
    customId: string,
    guildId: string | null,
    now: number,
    factIdsFor: VoteClickRequest['factIdsFor'],
  ): Promise<{ readonly target: Omit<VoteTarget, 'expiresAt'>; readonly vote: VoteDirection } | 'expired' | 'gone'> {
    if (isVoteToken(customId)) {
      const click = tokens.read(customId, now);
      if (typeof click === 'string') return click === 'expired' ? 'expired' : 'gone';
      const target = { caseId: click.caseId, guildId, query: click.query, factIds: factIdsFor(click.query, click.caseId) };
      return { target, vote: click.vote };
    }
    const click = parseVoteCustomId(customId);
    const target = click === null ? undefined : await targets.get(click.answerId, now);
    if (click === null || target === undefined) return 'gone';
    return { target, vote: click.vote };
  }

  return {
    noteAnswer({ answer, answerId, guildId, caseIds, now, catalog }) {
      return safely(null, () => {
        if (!on()) return null;
        const kind = gapKindOf(answer);
        const caseId = gapCaseId(answer, caseIds);
        if (kind !== null) {
          const question = { caseId, guildId, query: answer.query, kind, at: new Date(now) };
          later(() => void safelyLater(undefined, async () => noteWrite(await store.recordQuestion(question), 'question')));
        }
        if (answer.results.length === 0) return null;
        const target = { caseId, guildId, query: answer.query, factIds: answer.results.map((r) => r.id) };
        const signed = signedRow(target, now, catalog ?? EN);
        if (signed !== null || answerId === null) return signed;
        targets.add(answerId, target, now);
        return voteRow(memoryVoteIds(answerId), catalog ?? EN);
      });
    },

    voteRowFor({ answer, answerId, caseIds, now, catalog = EN }) {
      return safelyLater(null, async () => {
        if (!on() || answer.results.length === 0) return null;
        const signed = signedRow({ caseId: gapCaseId(answer, caseIds), query: answer.query }, now, catalog);
        if (signed !== null) return signed;
        return (await targets.get(answerId, now)) === undefined ? null : voteRow(memoryVoteIds(answerId), catalog);
      });
    },

    vote({ customId, userId, guildId, now, catalog = EN, factIdsFor }) {
      const answerWith = (ack: VoteAck, outcome: VoteOutcome) => ({ ...renderVoteAck(ack, catalog), outcome });
      return safelyLater(answerWith({ kind: 'failed' }, 'vote-failed'), async () => {
        if (!on()) return answerWith({ kind: 'off' }, 'gaps-off');
        const click = await readClick(customId, guildId, now, factIdsFor);
        if (click === 'expired') return answerWith({ kind: 'expired' }, 'vote-expired');
        if (click === 'gone') return answerWith({ kind: 'gone' }, 'vote-gone');
        const { target, vote } = click;
        const recorded = await store.recordVote({ ...target, voterId: userId, vote, at: new Date(now) });
        noteWrite(recorded.kept, 'vote');
        if (!recorded.kept) return answerWith({ kind: 'failed' }, 'vote-failed');
        return answerWith({ kind: 'kept', vote, previous: recorded.previous }, 'voted');
      });
    },

    report({ caseId, guildId, days, now, limit }) {
      return safelyLater<GapReportResult>({ ok: false, reason: { code: 'failed' } }, async () =>
        store.report({
          days,
          limit,
          now: new Date(now),
          ...(caseId === undefined ? {} : { caseId }),
          ...(guildId === undefined ? {} : { guildId }),
        }),
      );
    },

    status() {
      return safely<GapStatus>({ state: 'off', reason: { code: 'failed' } }, () => store.status());
    },
  };
}
