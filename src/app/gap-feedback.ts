/**
 * The knowledge-gaps side of answering: records questions answered badly, puts 👍 / 👎 under
 * answers and takes the votes. Plain data in and out (no discord.js); the gaps store does the
 * keeping. Nothing here may cost a member their answer: recording runs after the answer is made,
 * and failures are logged (once until the store works again), never thrown.
 */
import type { APIActionRowComponent, APIButtonComponent } from 'discord-api-types/v10';
import type { Answer } from '../answer/types.js';
import { parseVoteCustomId, voteRow } from '../answer/vote-buttons.js';
import type { GapReportResult, GapStatus, GapStore } from '../gaps/types.js';
import type { Log } from '../shared/log.js';
import { gapCaseId, gapKindOf } from './gap-kind.js';
import { renderVoteAck, type VoteAck } from './render-gaps.js';
import { VoteTargets, type VoteTargetStore } from './vote-targets.js';
import type { Reply } from '../answer/reply.js';
import { EN, type Catalog } from '../answer/locale/index.js';

export interface GapFeedbackOptions {
  readonly store: GapStore;
  readonly log: Pick<Log, 'warn' | 'error'>;
  /** Answers that can still be voted on. Default: a new {@link VoteTargets} (24 hours, in memory). */
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

export type VoteOutcome = 'voted' | 'vote-expired' | 'vote-failed' | 'gaps-off';

export interface GapFeedback {
  /**
   * After an answer is made: records it as a gap if it is one, and returns the 👍 / 👎 row to put
   * under it (null when gaps are off or the answer has no results).
   */
  noteAnswer(question: AnsweredQuestion): APIActionRowComponent<APIButtonComponent> | null;
  /** The vote row of an answer still open for votes (for its other pages), else null. */
  voteRowFor(answerId: string, now: number, catalog?: Catalog): Promise<APIActionRowComponent<APIButtonComponent> | null>;
  /** A click on 👍 / 👎: keeps the member's vote (replacing theirs) and says so, privately. */
  vote(click: {
    readonly customId: string;
    readonly userId: string;
    readonly now: number;
    readonly catalog?: Catalog;
  }): Promise<Reply & { readonly outcome: VoteOutcome }>;
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
      { reason: status.state === 'on' ? status.lastWriteError : status.reason },
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
        if (answerId === null || answer.results.length === 0) return null;
        targets.add(answerId, { caseId, guildId, query: answer.query, factIds: answer.results.map((r) => r.id) }, now);
        return voteRow(answerId, catalog ?? EN);
      });
    },

    voteRowFor(answerId, now, catalog = EN) {
      return safelyLater(null, async () => (on() && (await targets.get(answerId, now)) !== undefined ? voteRow(answerId, catalog) : null));
    },

    vote({ customId, userId, now, catalog = EN }) {
      const answerWith = (ack: VoteAck, outcome: VoteOutcome) => ({ ...renderVoteAck(ack, catalog), outcome });
      return safelyLater(answerWith({ kind: 'failed' }, 'vote-failed'), async () => {
        if (!on()) return answerWith({ kind: 'off' }, 'gaps-off');
        const click = parseVoteCustomId(customId);
        const target = click === null ? undefined : await targets.get(click.answerId, now);
        if (click === null || target === undefined) return answerWith({ kind: 'expired' }, 'vote-expired');
        const kept = await store.recordVote({
          caseId: target.caseId,
          guildId: target.guildId,
          query: target.query,
          factIds: target.factIds,
          voterId: userId,
          vote: click.vote,
          at: new Date(now),
        });
        noteWrite(kept, 'vote');
        if (!kept) return answerWith({ kind: 'failed' }, 'vote-failed');
        const previous = await targets.swapVote(click.answerId, userId, click.vote);
        return answerWith({ kind: 'kept', vote: click.vote, previous: previous ?? null }, 'voted');
      });
    },

    report({ caseId, guildId, days, now, limit }) {
      return safelyLater<GapReportResult>({ ok: false, reason: 'The gaps report could not be read.' }, async () =>
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
      return safely<GapStatus>({ state: 'off', reason: 'Knowledge gaps are off: the store failed.' }, () => store.status());
    },
  };
}
