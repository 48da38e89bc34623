/**
 * The commands as plain functions, shared by the Discord bot and the console: input in, {@link Reply}
 * out. No discord.js here, so every policy (query cap, cooldown, paging ownership, error replies)
 * is tested without a gateway.
 */
import { ANSWER_LIMIT, answer, type Searchable } from '../answer/answer.js';
import type { PageSessions } from '../answer/paging.js';
import { PageTokens, randomPagingSecret } from '../answer/paging-token.js';
import { AnswerPaging } from './answer-paging.js';
import type { Reply } from '../answer/reply.js';
import { renderReloadReport, renderStatus } from './render-admin.js';
import { renderVoteAck } from './render-gaps.js';
import {
  renderAnswerPage,
  renderCooldown,
  renderError,
  renderNoMatch,
  renderPagingExpired,
  renderPagingRefused,
  renderQueryTooLong,
} from '../answer/render-answer.js';
import type { FactSet } from '../facts/types.js';
import type { AutocompleteChoice, AutocompleteOptions } from '../search/types.js';
import type { ReloadReport, StoreStatus } from '../store/types.js';
import { Cooldowns } from './cooldowns.js';
import { canAdminister } from './permissions.js';
import { newReferenceId } from './reference-id.js';
import type { Log } from '../shared/log.js';
import type { GapFeedback, VoteOutcome } from './gap-feedback.js';
import { withRow, gapsReply, type GapsRequest } from './gaps-commands.js';

/** Longest question accepted, in characters (the slash option enforces the same). */
export const MAX_QUERY_LENGTH = 200;
/** Results kept per answer, i.e. across all its pages: the same count `npm run ask` gives. */
export { ANSWER_LIMIT };
/** Discord's cap on autocomplete choices. */
const AUTOCOMPLETE_LIMIT = 25;

/** What the commands need of the fact store; `FactStore` satisfies it, tests pass a fake. */
export interface CaseStore {
  current(): {
    readonly factSet: FactSet;
    readonly index: Searchable & {
      autocomplete(input: string, options?: AutocompleteOptions): readonly AutocompleteChoice[];
    };
  };
  reload(by: string): Promise<ReloadReport>;
  status(): StoreStatus;
}

/** The logger methods used here. */
export type AppLogger = Pick<Log, 'info' | 'warn' | 'error'>;

/** How a command ended, for the one log line per interaction. */
export type Outcome =
  | 'answered'
  | 'no-match'
  | 'query-too-long'
  | 'cooldown'
  | 'paged'
  | 'paging-refused'
  | 'paging-expired'
  | 'reloaded'
  | 'reload-failed'
  | 'status'
  | 'refused'
  | VoteOutcome
  | 'gaps'
  | 'error';

/** A reply plus how it came about; still a {@link Reply}, so renderers and senders take it as is. */
export type AppReply = Reply & { readonly outcome: Outcome; readonly referenceId?: string };

export interface CaseBotOptions {
  readonly store: CaseStore;
  /** Paging state that does not fit in a signed button (see {@link AnswerPaging}). */
  readonly sessions: PageSessions;
  /**
   * Signs paging buttons (≥ 32 characters). Processes with the same secret turn each other's pages.
   * Default: a random secret, so this process alone can.
   */
  readonly pagingSecret?: string;
  readonly log: AppLogger;
  /** Per-user cooldown on public answers; 0 disables it. */
  readonly cooldownSeconds: number;
  readonly modRoleIds: readonly string[];
  /** casebot's version, shown by status. */
  readonly version: string;
  /** Epoch milliseconds. Default `Date.now`. */
  readonly clock?: () => number;
  /** Set when this process is one shard of several. */
  readonly shard?: { readonly id: number; readonly count: number };
  /**
   * Reloads every shard and returns one report per shard (see src/shard/). Absent: reload
   * {@link store} only, as a single process does.
   */
  readonly reloadAll?: (by: string) => Promise<readonly ReloadReport[]>;
  /**
   * Knowledge gaps: records questions answered badly, adds 👍 / 👎 under answers, serves
   * `/case-admin gaps`. Absent: none of that (as with gaps off).
   */
  readonly gaps?: GapFeedback;
}

export interface CaseRequest {
  readonly query: string;
  readonly private: boolean;
  readonly userId: string;
  /**
   * Whether the asker may run /case-admin ({@link CaseBot.mayAdminister}). A moderator's private
   * answer shows case and fact ids, to find the fact in the files; members never see ids.
   */
  readonly moderator: boolean;
  /** For the log line of a failure. */
  readonly interactionId: string;
  /** The server asked in, recorded with a knowledge gap; absent or null in DMs and the console. */
  readonly guildId?: string | null;
}

export interface CaseBot {
  /** `/case query private`: the first page of the answer, or why there is none. */
  handleCase(request: CaseRequest): AppReply;
  /** A page button. `update` says whether to edit the answer's message (the owner paging) or reply privately. */
  handlePageButton(request: { readonly customId: string; readonly userId: string }): AppReply & { readonly update: boolean };
  /** Suggestions while typing; in memory only, so it answers within Discord's 3 s easily. */
  handleAutocomplete(request: { readonly input: string; readonly userId: string }): readonly AutocompleteChoice[];
  /** `/case-admin reload`, by a moderator named `by` (already authorised). */
  handleReload(request: { readonly by: string }): Promise<AppReply>;
  /** `/case-admin status`. */
  handleStatus(): AppReply;
  /** A 👍 / 👎 click: always a private reply; the answer's message is left as it is. */
  handleVoteButton(request: { readonly customId: string; readonly userId: string }): AppReply;
  /** `/case-admin gaps [case] [days]`, by a moderator (already authorised). */
  handleGaps(request: GapsRequest): AppReply;
  /** Whether a member may run /case-admin: {@link canAdminister} with the configured moderator roles. */
  mayAdminister(member: { readonly permissions: bigint | null; readonly roleIds: readonly string[] }): boolean;
}

/**
 * Creates the command handlers. Handlers never throw: a failure is logged with a short reference
 * id and answered with an apology carrying the same id.
 *
 * @example
 * const bot = createCaseBot({ store, sessions: new PageSessions(), log, cooldownSeconds: 5, modRoleIds: [], version: '0.1.0' });
 * const reply = bot.handleCase({ query: 'jaxa', private: false, userId: '1', interactionId: 'i1' });
 */
export function createCaseBot(options: CaseBotOptions): CaseBot {
  const { store, sessions, log } = options;
  const clock = options.clock ?? Date.now;
  const cooldowns = new Cooldowns(options.cooldownSeconds);
  const startedAt = clock();
  const paging = new AnswerPaging(new PageTokens(options.pagingSecret ?? randomPagingSecret()), sessions);

  function fail(error: unknown, context: Record<string, unknown>): AppReply {
    const referenceId = newReferenceId();
    log.error({ err: error, refId: referenceId, ...context }, 'command failed');
    return { ...renderError(referenceId), outcome: 'error', referenceId };
  }

  function caseTitles(factSet: FactSet): Map<string, string> {
    return new Map([...factSet.cases.values()].map((c) => [c.id, c.title]));
  }

  return {
    mayAdminister({ permissions, roleIds }) {
      return canAdminister({ permissions, roleIds, modRoleIds: options.modRoleIds });
    },

    handleCase({ query, private: isPrivate, userId, moderator, interactionId, guildId }) {
      try {
        const question = query.trim();
        if ([...question].length > MAX_QUERY_LENGTH) {
          return { ...renderQueryTooLong(MAX_QUERY_LENGTH), outcome: 'query-too-long' };
        }
        const now = clock();
        // Private replies are exempt: they cannot clutter a channel, which is what the cooldown prevents.
        if (!isPrivate) {
          const wait = cooldowns.remainingSeconds(userId, now);
          if (wait > 0) return { ...renderCooldown(wait), outcome: 'cooldown' };
        }
        const snapshot = store.current();
        const result = answer(snapshot.index, question, { limit: ANSWER_LIMIT });
        const titles = caseTitles(snapshot.factSet);
        let reply: Reply;
        let outcome: Outcome;
        let answerId: string | null = null;
        if (result.results.length === 0) {
          const noMatch = renderNoMatch(result, titles);
          reply = { ...noMatch, ephemeral: noMatch.ephemeral || isPrivate };
          outcome = 'no-match';
        } else {
          const showIds = isPrivate && moderator;
          const opened = paging.open({ ownerId: userId, query: question, showIds, answer: result, now });
          answerId = opened.answerId;
          reply = renderAnswerPage(result, { page: 0, buttons: opened.buttons, caseTitles: titles, ephemeral: isPrivate, showIds });
          outcome = 'answered';
        }
        const caseIds = [...snapshot.factSet.cases.keys()];
        reply = withRow(reply, options.gaps?.noteAnswer({ answer: result, answerId, guildId: guildId ?? null, caseIds, now }) ?? null);
        if (!reply.ephemeral) cooldowns.start(userId, now);
        return { ...reply, outcome };
      } catch (error) {
        return fail(error, { command: 'case', interactionId, userId });
      }
    },

    handlePageButton({ customId, userId }) {
      try {
        const now = clock();
        const click = paging.click(customId, now);
        if (click === 'expired') return { ...renderPagingExpired(), outcome: 'paging-expired', update: false };
        if (click.ownerId !== userId) return { ...renderPagingRefused(), outcome: 'paging-refused', update: false };
        const snapshot = store.current();
        const page = renderAnswerPage(click.answer(snapshot.index), { page: click.page, buttons: click.buttons, caseTitles: caseTitles(snapshot.factSet), showIds: click.showIds });
        return { ...withRow(page, options.gaps?.voteRowFor(click.answerId, now) ?? null), outcome: 'paged', update: true };
      } catch (error) {
        return { ...fail(error, { command: 'case:page', customId, userId }), update: false };
      }
    },

    handleAutocomplete({ input, userId }) {
      try {
        return store.current().index.autocomplete(input.slice(0, MAX_QUERY_LENGTH), { limit: AUTOCOMPLETE_LIMIT });
      } catch (error) {
        // No room for an apology in an autocomplete list; an empty list and a log line will do.
        log.error({ err: error, refId: newReferenceId(), command: 'case:autocomplete', userId }, 'autocomplete failed');
        return [];
      }
    },

    async handleReload({ by }) {
      try {
        if (options.reloadAll !== undefined) {
          const reports = await options.reloadAll(by);
          const ok = reports.length > 0 && reports.every((r) => r.ok);
          return { ...renderReloadReport(reports), outcome: ok ? 'reloaded' : 'reload-failed' };
        }
        const report = await store.reload(by);
        return { ...renderReloadReport(report), outcome: report.ok ? 'reloaded' : 'reload-failed' };
      } catch (error) {
        return fail(error, { command: 'case-admin reload', by });
      }
    },

    handleStatus() {
      try {
        const memory = process.memoryUsage();
        const storeStatus = store.status();
        const status = {
          ...storeStatus,
          snapshotVersion: storeStatus.version,
          uptimeSeconds: Math.round((clock() - startedAt) / 1000),
          version: options.version,
          memoryMb: { rss: toMb(memory.rss), heapUsed: toMb(memory.heapUsed) },
          ...(options.shard === undefined ? {} : { shard: options.shard.id, shards: options.shard.count }),
          ...(options.gaps === undefined ? {} : { gaps: options.gaps.status() }),
        };
        return { ...renderStatus(status), outcome: 'status' };
      } catch (error) {
        return fail(error, { command: 'case-admin status' });
      }
    },

    handleVoteButton({ customId, userId }) {
      try {
        if (options.gaps === undefined) return { ...renderVoteAck({ kind: 'off' }), outcome: 'gaps-off' };
        return options.gaps.vote({ customId, userId, now: clock() });
      } catch (error) {
        return fail(error, { command: 'case:vote', customId, userId });
      }
    },

    handleGaps(request) {
      try {
        return gapsReply(request, { gaps: options.gaps, caseIds: [...store.current().factSet.cases.keys()], now: clock() });
      } catch (error) {
        return fail(error, { command: 'case-admin gaps' });
      }
    },
  };
}

function toMb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
