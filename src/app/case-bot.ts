/**
 * The commands as plain functions, shared by the Discord bot and the console: input in, {@link Reply}
 * out. No discord.js here, so every policy (query cap, cooldown, paging ownership, error replies)
 * is tested without a gateway.
 */
import { answer, ANSWER_LIMIT, type Searchable } from '../answer/answer.js';
import { answerInCase } from '../answer/answer-in-case.js';
import { caseChoiceLine } from '../answer/render-case-choice.js';
import { sanitizeUserText } from '../answer/escape.js';
import type { PageSessions } from './page-sessions.js';
import { PageTokens, randomPagingSecret } from '../answer/paging-token.js';
import { AnswerPaging } from './answer-paging.js';
import type { Reply } from '../answer/reply.js';
import { renderReloadReport, renderStatus, type SharedStateView } from './render-admin.js';
import { renderVoteAck } from './render-gaps.js';
import { settingsOffText } from './render-reasons.js';
import { renderAnswerPage, renderNoMatch } from '../answer/render-answer.js';
import {
  cooldownNote,
  renderDefaultCaseSet,
  renderError,
  renderPagingExpired,
  renderPagingRefused,
  renderQueryTooLong,
  renderUnknownCase,
} from './replies.js';
import type { FactSet } from '../facts/types.js';
import type { AutocompleteChoice, AutocompleteOptions } from '../search/types.js';
import type { ReloadReport, StoreStatus } from '../store/types.js';
import { Cooldowns, type CooldownStore } from './cooldowns.js';
import { canAdminister } from './permissions.js';
import { newReferenceId } from './reference-id.js';
import type { Log } from '../shared/log.js';
import type { GapFeedback, VoteOutcome } from './gap-feedback.js';
import { withRow, gapsReply, type GapsRequest } from './gaps-commands.js';
import { memoryServerSettings, type ServerSettings } from '../settings/server-settings.js';
import { catalogFor, type Catalog } from '../answer/locale/index.js';

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
  | 'unknown-case'
  | 'default-case-set'
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
  /** Where cooldowns are kept. Default: this process's memory, {@link cooldownSeconds} long. */
  readonly cooldowns?: CooldownStore;
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
  /** Per-server settings (the default case). Default: kept in memory only. */
  readonly settings?: ServerSettings;
  /** What replicas share through Redis, for status; absent when nothing is shared. */
  readonly sharedState?: () => SharedStateView;
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
  /** The `case` option: answer from this case only. */
  readonly caseId?: string | undefined;
  /** The server asked in (for its default case, and recorded with a knowledge gap); null or absent outside a server. */
  readonly guildId?: string | null | undefined;
  /** The `mention` option: a user id the public answer addresses and pings (only them). */
  readonly mentionUserId?: string | undefined;
  /** The asker's Discord locale (`interaction.locale`): picks the catalog of every string of the reply. Absent: English. */
  readonly locale?: string | null;
}

/** A button click: its custom_id, who clicked, and their Discord locale (absent: English). */
export interface ButtonRequest {
  readonly customId: string;
  readonly userId: string;
  readonly locale?: string | null;
  /** The server the click came from; null or absent outside one. A vote is kept for it. */
  readonly guildId?: string | null;
}

/** A moderator command's locale: its reply comes from that catalog, as members' replies do. */
export interface AdminLocale {
  /** The moderator's Discord locale (`interaction.locale`). Absent: English. */
  readonly locale?: string | null;
}

/** A Discord user id: the only thing ever put in a mention. */
const SNOWFLAKE = /^\d{17,20}$/;

export interface CaseBot {
  /**
   * `/case query private`: the first page of the answer, or why there is none. Asynchronous only
   * for the cooldown, which may be kept on another server (Redis); the search itself is in memory.
   */
  handleCase(request: CaseRequest): Promise<AppReply>;
  /**
   * Whether a public `/case` from `userId` would now be answered privately (cooldown), so a deferred
   * reply can be made ephemeral from the start (a defer fixes the visibility).
   */
  answersPrivately(userId: string): Promise<boolean>;
  /**
   * A page button. `update` says whether to edit the answer's message (the owner paging) or reply
   * privately. Asynchronous for the vote row, whose answers may be kept on another server.
   */
  handlePageButton(request: ButtonRequest): Promise<AppReply & { readonly update: boolean }>;
  /** Suggestions while typing; in memory only, so it answers within Discord's 3 s easily. */
  handleAutocomplete(request: { readonly input: string; readonly userId: string }): readonly AutocompleteChoice[];
  /** Suggestions for the `case` option: case titles and ids matching what is typed. */
  handleCaseAutocomplete(request: { readonly input: string }): readonly AutocompleteChoice[];
  /** `/case-admin default-case`: sets (caseId) or clears (null) the server's default case (already authorised). */
  handleDefaultCase(request: { readonly guildId: string; readonly caseId: string | null; readonly by: string } & AdminLocale): AppReply;
  /** `/case-admin reload`, by a moderator named `by` (already authorised). */
  handleReload(request: { readonly by: string } & AdminLocale): Promise<AppReply>;
  /** `/case-admin status`. */
  handleStatus(request?: { readonly guildId?: string | null } & AdminLocale): AppReply;
  /** A 👍 / 👎 click: always a private reply; the answer's message is left as it is. */
  handleVoteButton(request: ButtonRequest): Promise<AppReply>;
  /** `/case-admin gaps [case] [days]`, by a moderator (already authorised). */
  handleGaps(request: GapsRequest): Promise<AppReply>;
  /** Whether a member may run /case-admin: {@link canAdminister} with the configured moderator roles. */
  mayAdminister(member: { readonly permissions: bigint | null; readonly roleIds: readonly string[] }): boolean;
}

/**
 * Creates the command handlers. Handlers never throw: a failure is logged with a short reference
 * id and answered with an apology carrying the same id.
 *
 * @example
 * const bot = createCaseBot({ store, sessions: new PageSessions(), log, cooldownSeconds: 5, modRoleIds: [], version: '0.1.0' });
 * const reply = await bot.handleCase({ query: 'jaxa', private: false, userId: '1', interactionId: 'i1' });
 */
export function createCaseBot(options: CaseBotOptions): CaseBot {
  const { store, sessions, log } = options;
  const clock = options.clock ?? Date.now;
  const cooldowns = options.cooldowns ?? new Cooldowns(options.cooldownSeconds);
  const settings = options.settings ?? memoryServerSettings({ code: 'no-database' });
  const startedAt = clock();
  const paging = new AnswerPaging(new PageTokens(options.pagingSecret ?? randomPagingSecret()), sessions);

  function fail(error: unknown, context: Record<string, unknown>, t?: Catalog): AppReply {
    const referenceId = newReferenceId();
    log.error({ err: error, refId: referenceId, ...context }, 'command failed');
    return { ...renderError(referenceId, t), outcome: 'error', referenceId };
  }

  function caseTitles(factSet: FactSet): Map<string, string> {
    return new Map([...factSet.cases.values()].map((c) => [c.id, c.title]));
  }

  return {
    mayAdminister({ permissions, roleIds }) {
      return canAdminister({ permissions, roleIds, modRoleIds: options.modRoleIds });
    },

    async handleCase({ query, private: isPrivate, userId, moderator, interactionId, caseId, guildId, mentionUserId, locale }) {
      const t = catalogFor(locale);
      let claimed = false;
      try {
        const question = query.trim();
        if ([...question].length > MAX_QUERY_LENGTH) {
          return { ...renderQueryTooLong(MAX_QUERY_LENGTH, t), outcome: 'query-too-long' };
        }
        const now = clock();
        const snapshot = store.current();
        const found = answerInCase(snapshot.index, question, {
          limit: ANSWER_LIMIT,
          caseId: caseId === undefined || caseId.trim() === '' ? undefined : caseId.trim(),
          defaultCaseId: settings.defaultCase(guildId ?? '') ?? undefined,
        });
        if (!found.ok) return { ...renderUnknownCase(found.unknownCase, caseTitles(snapshot.factSet), t), outcome: 'unknown-case' };
        // Private replies are exempt: they cannot clutter a channel, which is what the cooldown
        // prevents. Within it a public question is still answered, privately. A public question
        // claims the cooldown now (atomically, for replicas sharing it); a reply that turns out
        // private after all (no match) gives it back below.
        const wait = isPrivate ? 0 : await cooldowns.claim(userId, now);
        claimed = !isPrivate && wait === 0;
        const privately = isPrivate || wait > 0;
        const result = found.answer;
        const titles = caseTitles(snapshot.factSet);
        const note = found.choice === null ? '' : caseChoiceLine(found.choice, 'markdown', t);
        let reply: Reply;
        let outcome: Outcome;
        let answerId: string | null = null;
        if (result.results.length === 0) {
          const noMatch = renderNoMatch(result, titles, t);
          reply = { ...noMatch, content: withLine(noMatch.content, note), ephemeral: noMatch.ephemeral || privately };
          outcome = 'no-match';
        } else {
          const showIds = isPrivate && moderator;
          const answeredCase = found.choice?.caseId;
          const opened = paging.open({
            ownerId: userId,
            query: question,
            ...(answeredCase === undefined ? {} : { caseId: answeredCase }),
            showIds,
            note,
            answer: result,
            now,
          });
          answerId = opened.answerId;
          reply = renderAnswerPage(result, {
            page: 0,
            buttons: opened.buttons,
            caseTitles: titles,
            ephemeral: privately,
            showIds,
            note,
            catalog: t,
          });
          outcome = wait > 0 ? 'cooldown' : 'answered';
        }
        if (wait > 0) reply = { ...reply, content: withLine(reply.content, cooldownNote(wait, t)) };
        // The case answered from is the case a gap is filed under (all cases when none was chosen).
        const caseIds = found.choice === null ? [...snapshot.factSet.cases.keys()] : [found.choice.caseId];
        reply = withRow(
          reply,
          options.gaps?.noteAnswer({ answer: result, answerId, guildId: guildId ?? null, caseIds, now, catalog: t }) ?? null,
        );
        if (!reply.ephemeral && mentionUserId !== undefined && SNOWFLAKE.test(mentionUserId)) {
          reply = { ...reply, content: `<@${mentionUserId}>, ${reply.content ?? ''}`, mentionUserId };
        }
        if (claimed && reply.ephemeral) await cooldowns.release(userId);
        return { ...reply, outcome };
      } catch (error) {
        if (claimed) await cooldowns.release(userId);
        return fail(error, { command: 'case', interactionId, userId }, t);
      }
    },

    async answersPrivately(userId) {
      return (await cooldowns.remainingSeconds(userId, clock())) > 0;
    },

    async handlePageButton({ customId, userId, locale }) {
      const t = catalogFor(locale);
      try {
        const now = clock();
        const click = paging.click(customId, now);
        if (click === 'expired') return { ...renderPagingExpired(t), outcome: 'paging-expired', update: false };
        if (click.ownerId !== userId) return { ...renderPagingRefused(t), outcome: 'paging-refused', update: false };
        const snapshot = store.current();
        const shown = click.answer(snapshot.index);
        const page = renderAnswerPage(shown, {
          page: click.page,
          buttons: click.buttons,
          caseTitles: caseTitles(snapshot.factSet),
          showIds: click.showIds,
          note: click.note,
          catalog: t,
        });
        const caseIds = [...snapshot.factSet.cases.keys()];
        const votes = (await options.gaps?.voteRowFor({ answer: shown, answerId: click.answerId, caseIds, now, catalog: t })) ?? null;
        return { ...withRow(page, votes), outcome: 'paged', update: true };
      } catch (error) {
        return { ...fail(error, { command: 'case:page', customId, userId }, t), update: false };
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

    handleCaseAutocomplete({ input }) {
      try {
        return caseChoices(store.current().factSet, input);
      } catch (error) {
        log.error({ err: error, refId: newReferenceId(), command: 'case:autocomplete-case' }, 'autocomplete failed');
        return [];
      }
    },

    handleDefaultCase({ guildId, caseId, by, locale }) {
      const t = catalogFor(locale);
      try {
        const titles = caseTitles(store.current().factSet);
        if (caseId !== null && !titles.has(caseId)) return { ...renderUnknownCase(caseId, titles, t), outcome: 'unknown-case' };
        const { persisted } = settings.setDefaultCase(guildId, caseId);
        const status = settings.status();
        log.info({ guildId, caseId, by, persisted }, 'default case set');
        return {
          ...renderDefaultCaseSet(
            caseId,
            titles,
            persisted ? null : status.state === 'off' ? settingsOffText(status.reason, t) : t.t('defaultCase.notSaved'),
            t,
          ),
          outcome: 'default-case-set',
        };
      } catch (error) {
        return fail(error, { command: 'case-admin default-case', by }, t);
      }
    },

    async handleReload({ by, locale }) {
      const t = catalogFor(locale);
      try {
        if (options.reloadAll !== undefined) {
          const reports = await options.reloadAll(by);
          const ok = reports.length > 0 && reports.every((r) => r.ok);
          return { ...renderReloadReport(reports, t), outcome: ok ? 'reloaded' : 'reload-failed' };
        }
        const report = await store.reload(by);
        return { ...renderReloadReport(report, t), outcome: report.ok ? 'reloaded' : 'reload-failed' };
      } catch (error) {
        return fail(error, { command: 'case-admin reload', by }, t);
      }
    },

    handleStatus(request = {}) {
      const t = catalogFor(request.locale);
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
          ...(options.sharedState === undefined ? {} : { shared: options.sharedState() }),
          ...(request.guildId === undefined || request.guildId === null
            ? {}
            : { defaultCase: describeDefaultCase(settings, request.guildId, caseTitles(store.current().factSet), t) }),
        };
        return { ...renderStatus(status, t), outcome: 'status' };
      } catch (error) {
        return fail(error, { command: 'case-admin status' }, t);
      }
    },

    async handleVoteButton({ customId, userId, locale, guildId }) {
      const t = catalogFor(locale);
      try {
        if (options.gaps === undefined) return { ...renderVoteAck({ kind: 'off' }, t), outcome: 'gaps-off' };
        const factIdsFor = (query: string, caseId: string): readonly string[] =>
          answer(store.current().index, query, { limit: ANSWER_LIMIT, caseId }).results.map((r) => r.id);
        return await options.gaps.vote({ customId, userId, guildId: guildId ?? null, now: clock(), catalog: t, factIdsFor });
      } catch (error) {
        return fail(error, { command: 'case:vote', customId, userId }, t);
      }
    },

    async handleGaps(request) {
      try {
        return await gapsReply(request, { gaps: options.gaps, caseIds: [...store.current().factSet.cases.keys()], now: clock() });
      } catch (error) {
        return fail(error, { command: 'case-admin gaps' }, catalogFor(request.locale));
      }
    },
  };
}

/** `content` with `line` under it; either may be empty. */
function withLine(content: string | undefined, line: string): string {
  return [content ?? '', line].filter((part) => part !== '').join('\n');
}

/** Discord's limits on an autocomplete choice's name and value. */
const CHOICE_MAX = 100;

/**
 * Cases whose title or id contains what is typed (case-insensitive), those starting with it first,
 * each as "Title (id)" with the id as value; all cases (up to 25) when nothing is typed.
 *
 * @example
 * caseChoices(factSet, 'harb') // [{ name: 'Harbor ransomware (harbor-ransomware)', value: 'harbor-ransomware', kind: 'term' }]
 */
export function caseChoices(factSet: FactSet, input: string): AutocompleteChoice[] {
  const typed = input.trim().toLowerCase();
  const scored: { choice: AutocompleteChoice; rank: number }[] = [];
  for (const c of factSet.cases.values()) {
    const title = c.title.toLowerCase();
    const id = c.id.toLowerCase();
    const rank =
      typed === '' ? 1 : id.startsWith(typed) || title.startsWith(typed) ? 0 : id.includes(typed) || title.includes(typed) ? 1 : -1;
    if (rank < 0 || c.id.length > CHOICE_MAX) continue;
    const suffix = ` (${c.id})`;
    const name = `${c.title.slice(0, Math.max(1, CHOICE_MAX - suffix.length - 1))}${suffix}`.slice(0, CHOICE_MAX);
    scored.push({ choice: { name, value: c.id, kind: 'term' }, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.choice.name.localeCompare(b.choice.name));
  return scored.slice(0, AUTOCOMPLETE_LIMIT).map((s) => s.choice);
}

/** The status line of the server's default case. */
function describeDefaultCase(settings: ServerSettings, guildId: string, titles: ReadonlyMap<string, string>, t: Catalog): string {
  const caseId = settings.defaultCase(guildId);
  const state = settings.status();
  const which =
    caseId === null ? t.t('defaultCase.none') : `\`${caseId}\` ${sanitizeUserText(titles.get(caseId) ?? t.t('defaultCase.notLoaded'), 80)}`;
  return state.state === 'off' ? `${which}\n${sanitizeUserText(settingsOffText(state.reason, t), 300)}` : which;
}

function toMb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
