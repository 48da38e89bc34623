/**
 * Replies of the moderator commands: what a reload did, and how the bot is doing. Ephemeral:
 * only the moderator who asked sees them. Every string comes from the moderator's catalog
 * (English by default), and so do the reasons other layers pass in as codes (a load error, why
 * something is off: src/app/render-reasons.ts).
 */
import type { APIEmbed } from 'discord-api-types/v10';
import {
  OTHER_REPLICAS,
  type CaseCount,
  type LanguageProblem,
  type ReloadReport,
  type SemanticStatus,
  type StoreStatus,
  type WatchStatus,
} from '../store/types.js';
import { WATCHER_NAME } from '../store/watch-facts.js';
import { oneLine } from '../shared/whitespace.js';
import { escapeMarkdown, sanitizeUserText, stripControl, truncate, truncateMarkdown } from '../answer/escape.js';
import { LIMITS, embedTextLength, fitReply, type Reply } from '../answer/reply.js';
import type { GapStatus } from '../gaps/types.js';
import { gapsStatusLine, timestamp } from './render-gaps.js';
import { EN, type Catalog } from '../answer/locale/index.js';
import type { LoadError } from '../facts/types.js';
import { languageProblemText, loadErrorText, noAnswerText, semanticOffText, watchStoppedText } from './render-reasons.js';

/**
 * What `/case-admin status` shows: the store's status plus facts about the process. `version` is
 * the bot's version (it replaces the store's snapshot number, which can be passed as `snapshotVersion`).
 */
export type StatusView = Omit<StoreStatus, 'version'> & {
  readonly uptimeSeconds: number;
  readonly version: string;
  readonly snapshotVersion?: number;
  readonly memoryMb: { readonly rss: number; readonly heapUsed: number };
  readonly shard?: number;
  readonly shards?: number;
  /** Knowledge gaps on, or off and why; absent when the bot runs without them. */
  readonly gaps?: GapStatus;
  /** This server's default case and whether it survives a restart, as a sentence; absent outside a server. */
  readonly defaultCase?: string;
  /** What replicas share through Redis (REDIS_URL); absent when this process shares nothing. */
  readonly shared?: SharedStateView;
};

/** Redis as `/case-admin status` shows it (src/redis/ fills it in). */
export interface SharedStateView {
  /** Host and port, never the password. */
  readonly where: string;
  readonly state: 'up' | 'down';
  /** Epoch ms: connected since, or unreachable since. */
  readonly since: number;
  /** Why it is down, in one line. */
  readonly reason?: string;
  /** This replica's id. */
  readonly replica: string;
  /** The replicas whose heartbeat is recent, this one included. */
  readonly replicas: readonly string[];
}

const GREEN = 0x57f287;
const RED = 0xed4245;
const BLURPLE = 0x5865f2;
/** Ids listed per kind of change before "…and N more". */
const IDS_SHOWN = 10;
/** Warnings listed in a reload reply before "…and N more": enough to start fixing; check-facts lists them all. */
const WARNINGS_SHOWN = 5;
/** Leaves room for titles, footers and rounding when splitting 6000 characters between embeds. */
const TOTAL_BUDGET = LIMITS.embedTotal - 200;

/**
 * The result of a reload (or one per shard), as one embed each: on success the counts and what
 * changed (`+N added, −N removed, ~N changed`, up to 10 ids each); on failure "Reload failed —
 * still serving N facts." with the errors as `file:line:col message` lines, trimmed to fit with
 * "…and N more". Either way, warnings (problems that do not stop a load) follow as "N warnings"
 * and the first few as `file:line:col message` lines, listed like the errors.
 *
 * @example
 * renderReloadReport(report).embeds?.[0]?.title // '✅ Facts reloaded'
 * renderReloadReport(report, JA).embeds?.[0]?.title // '✅ 事実を再読み込みしました'
 */
export function renderReloadReport(report: ReloadReport | readonly ReloadReport[], t: Catalog = EN): Reply {
  const reports: readonly ReloadReport[] = isReportList(report) ? report : [report];
  if (reports.length === 0) return { content: t.t('reload.none'), ephemeral: true };
  const shown = reports.length > LIMITS.embeds ? reports.slice(0, LIMITS.embeds - 1) : reports;
  const hidden = reports.slice(shown.length);
  const slots = shown.length + (hidden.length > 0 ? 1 : 0);
  const budget = Math.min(LIMITS.description, Math.floor(TOTAL_BUDGET / slots));
  const embeds = shown.map((r) => (r.ok ? reloadedEmbed(r, budget, t) : failedEmbed(r, budget, t)));
  if (hidden.length > 0) {
    const failed = hidden.filter((r) => !r.ok).length;
    embeds.push({
      color: failed > 0 ? RED : GREEN,
      description: t.t('reload.moreShards', { count: hidden.length, ok: hidden.length - failed, failed }),
    });
  }
  return fitReply({ embeds, ephemeral: true });
}

function isReportList(report: ReloadReport | readonly ReloadReport[]): report is readonly ReloadReport[] {
  return Array.isArray(report);
}

type Reloaded = Extract<ReloadReport, { ok: true }>;
type Failed = Extract<ReloadReport, { ok: false }>;

function reloadedEmbed(report: Reloaded, budget: number, t: Catalog): APIEmbed {
  const { counts } = report.diff;
  const serving = t.t('reload.serving', {
    facts: t.tn('count.facts', report.facts, {}),
    cases: t.tn('count.cases', report.cases, {}),
    ms: report.durationMs,
    who: who(report.by, t),
  });
  const lines = [serving, ...(report.factsByCase === undefined ? [] : [caseCounts(report.factsByCase)]), ''];
  if (counts.added + counts.removed + counts.changed === 0) lines.push(t.t('reload.nothingChanged'));
  else lines.push(t.t('reload.changes', { added: counts.added, removed: counts.removed, changed: counts.changed }));
  const kinds = [
    ['reload.added', report.diff.added, counts.added],
    ['reload.removed', report.diff.removed, counts.removed],
    ['reload.changed', report.diff.changed, counts.changed],
  ] as const;
  for (const [key, ids, total] of kinds) {
    if (ids.length > 0) lines.push(t.t(key, { ids: idList(ids, total, t) }));
  }
  return {
    title: t.t('reload.okTitle', { where: whereSuffix(report, t) }),
    color: GREEN,
    description: withWarnings((room) => truncateMarkdown(lines.join('\n'), room), report.warnings, budget, t),
    timestamp: report.at.toISOString(),
  };
}

function failedEmbed(report: Failed, budget: number, t: Catalog): APIEmbed {
  const serving = stillServing(report.servingFacts, 'reload.stillServing', t);
  const where = whereSuffix(report, t);
  if (report.noAnswer !== undefined) {
    return {
      title: t.t('reload.noAnswerTitle', { serving, where }),
      color: RED,
      description: truncateMarkdown(escapeMarkdown(noAnswerText(report.noAnswer, t)), budget),
      timestamp: report.at.toISOString(),
    };
  }
  const intro = t.t('reload.failedIntro', { problems: t.tn('count.problems', report.errors.length, {}), who: who(report.by, t) });
  return {
    title: t.t('reload.failedTitle', { serving, where }),
    color: RED,
    description: withWarnings(
      (room) =>
        `${intro}\n${errorBlock(
          report.errors.map((e) => loadErrorText(e, t)),
          room - intro.length - 1,
          t,
        )}`,
      report.warnings,
      budget,
      t,
    ),
    timestamp: report.at.toISOString(),
  };
}

/**
 * `head(room)` (the report, made to fit in `room` characters), then, when there are warnings, the
 * "N warnings" line and the first {@link WARNINGS_SHOWN} as an {@link errorBlock}, all within
 * `budget`. The warnings get room first, up to a third of the budget, so a long list of changes or
 * errors cannot hide them; the count line always shows.
 */
function withWarnings(head: (room: number) => string, warnings: readonly LoadError[] | undefined, budget: number, t: Catalog): string {
  if (warnings === undefined || warnings.length === 0) return head(budget);
  const count = t.t('reload.warnings', { warnings: t.tn('count.warnings', warnings.length, {}) });
  const lines = warnings.map((w) => loadErrorText(w, t));
  const wanted = errorBlock(lines, Number.POSITIVE_INFINITY, t, WARNINGS_SHOWN).length;
  const main = head(budget - count.length - 2 - Math.min(wanted, Math.floor(budget / 3)));
  const block = errorBlock(lines, budget - main.length - count.length - 2, t, WARNINGS_SHOWN);
  return [main, count, block].filter((part) => part !== '').join('\n');
}

/**
 * Error lines in a code block (nothing inside renders as markdown or a mention), as many as fit in
 * `budget` characters and at most `maxLines`, then "…and N more" outside it.
 */
function errorBlock(errors: readonly string[], budget: number, t: Catalog, maxLines = Number.POSITIVE_INFINITY): string {
  const open = '```text\n';
  const close = '\n```';
  const lines: string[] = [];
  for (const [i, error] of errors.entries()) {
    if (i >= maxLines) break;
    // Backticks inside would close the block early; a lookalike keeps the line readable.
    const line = truncate(oneLine(stripControl(error)).replace(/`/g, 'ˋ'), 300);
    const remaining = errors.length - i - 1;
    const tail = remaining > 0 ? `\n${t.t('list.more', { count: remaining })}` : '';
    if (open.length + [...lines, line].join('\n').length + close.length + tail.length > budget) break;
    lines.push(line);
  }
  const more = errors.length - lines.length;
  const block = lines.length > 0 ? `${open}${lines.join('\n')}${close}` : '';
  return more > 0 ? `${block}${block ? '\n' : ''}${t.t('list.more', { count: more })}` : block;
}

/** `tick-jaxa` 27 · `harbor-ransomware` 5: each case id (as moderators name the folder) with its facts. */
function caseCounts(counts: readonly CaseCount[]): string {
  return counts.map(({ id, facts }) => `\`${stripControl(id).replace(/`/g, 'ˋ')}\` ${facts}`).join(' · ');
}

/** The first ids of a kind; `total` counts them all (the report keeps only the first few). */
function idList(ids: readonly string[], total: number, t: Catalog): string {
  const shown = ids.slice(0, IDS_SHOWN).map((id) => `\`${truncate(stripControl(id).replace(/`/g, 'ˋ'), 100)}\``);
  const more = Math.max(total, ids.length) - shown.length;
  return more > 0 ? `${shown.join(', ')} ${t.t('list.more', { count: more })}` : shown.join(', ');
}

/**
 * The bot's health for moderators: facts and cases served, snapshot version and age, the last
 * reload, whether a save reloads, knowledge gaps on or off (and why), uptime, memory, version and shard.
 *
 * @example
 * renderStatus(status).embeds?.[0]?.fields?.[0] // { name: 'Facts', value: '123', inline: true }
 * renderStatus(status, JA).embeds?.[0]?.fields?.[0] // { name: '事実', value: '123', inline: true }
 */
export function renderStatus(status: StatusView, t: Catalog = EN): Reply {
  const fields: NonNullable<APIEmbed['fields']> = [
    { name: t.t('status.facts'), value: String(status.facts), inline: true },
    { name: t.t('status.cases'), value: String(status.cases), inline: true },
    {
      name: t.t('status.loaded'),
      value: `${status.snapshotVersion === undefined ? '' : `v${status.snapshotVersion} · `}${timestamp(status.loadedAt, t)}`,
      inline: true,
    },
    { name: t.t('status.lastReload'), value: lastReload(status.lastReload, status.reloading, t), inline: false },
    { name: t.t('status.watch'), value: watchLine(status.watch ?? { state: 'off' }, t), inline: false },
    { name: t.t('status.semantic'), value: semanticLine(status.semantic, status.languageProblems, t), inline: false },
    {
      name: t.t('status.gaps'),
      value: status.gaps === undefined ? t.t('status.gapsNotSetUp') : gapsStatusLine(status.gaps, t),
      inline: false,
    },
    { name: t.t('status.uptime'), value: duration(status.uptimeSeconds, t), inline: true },
    {
      name: t.t('status.memory'),
      value: t.t('status.memoryValue', { rss: status.memoryMb.rss, heap: status.memoryMb.heapUsed }),
      inline: true,
    },
    { name: t.t('status.version'), value: sanitizeUserText(status.version, 100) || '—', inline: true },
  ];
  if (status.shard !== undefined) {
    fields.push({
      name: t.t('status.shard'),
      value: status.shards === undefined ? `#${status.shard}` : t.t('status.shardOf', { shard: status.shard, shards: status.shards }),
      inline: true,
    });
  }
  if (status.shared !== undefined) fields.push({ name: t.t('status.shared'), value: sharedLine(status.shared, t), inline: false });
  fields.push({
    name: t.t('status.factsPerCase'),
    value: truncate(caseCounts(status.factsByCase), LIMITS.fieldValue - 8) || '—',
    inline: false,
  });
  if (status.defaultCase !== undefined)
    fields.push({ name: t.t('status.defaultCase'), value: truncate(status.defaultCase, LIMITS.fieldValue), inline: false });
  const embed: APIEmbed = { title: t.t('status.title'), color: status.reloading ? 0xfaa61a : BLURPLE, fields };
  if (embedTextLength(embed) > LIMITS.embedTotal) embed.fields = fields.slice(0, -1);
  return fitReply({ embeds: [embed], ephemeral: true });
}

/** Redis up (with the replicas it sees) or down since when, and what that means for members and moderators. */
function sharedLine(shared: SharedStateView, t: Catalog): string {
  const id = (replica: string): string => `\`${truncate(stripControl(replica), 64).replace(/`/g, 'ˋ')}\``;
  const since = timestamp(new Date(shared.since), t);
  if (shared.state === 'up') {
    const ids = `${shared.replicas.slice(0, 10).map(id).join(t.t('list.separator'))}${shared.replicas.length > 10 ? `${t.t('list.separator')}…` : ''}`;
    const others =
      shared.replicas.length === 0 ? '' : t.t('status.sharedAlive', { replicas: t.tn('count.replicas', shared.replicas.length, {}), ids });
    return truncate(
      t.t('status.sharedUp', { where: sanitizeUserText(shared.where, 100), since, replica: id(shared.replica), others }),
      LIMITS.fieldValue,
    );
  }
  const reason = shared.reason === undefined ? '' : ` (${sanitizeUserText(shared.reason, 200)})`;
  return truncate(t.t('status.sharedDown', { since, reason, replica: id(shared.replica) }), LIMITS.fieldValue);
}

/** Semantic search readiness, and any language data the bot runs without. */
function semanticLine(semantic: SemanticStatus, problems: readonly LanguageProblem[], t: Catalog): string {
  const state =
    semantic.state === 'ready'
      ? t.t('status.semanticReady', { facts: t.tn('count.facts', semantic.facts, {}) })
      : semantic.state === 'building'
        ? t.t('status.semanticBuilding', { embedded: semantic.embedded, facts: semantic.facts })
        : t.t('status.semanticOff', { reason: semanticOffText(semantic.reason, t) });
  // The off reason is usually one of the problems already; list the others.
  const shown = semantic.state === 'off' && semantic.reason.code === 'language' ? semantic.reason.problem.resource : undefined;
  const others = problems.filter((p) => p.resource !== shown).map((p) => languageProblemText(p, t));
  return truncate(sanitizeUserText([state, ...others].join('\n'), LIMITS.fieldValue), LIMITS.fieldValue);
}

/** Whether saving a fact file reloads (`FACTS_WATCH`); its outcomes show under "Last reload". */
function watchLine(watch: WatchStatus, t: Catalog): string {
  switch (watch.state) {
    case 'off':
      return t.t('status.watchOff');
    case 'on':
      return t.t('status.watchOn', { ms: watch.debounceMs });
    // Our own sentences (fixed text and an error code), not user text: shown as written.
    case 'elsewhere':
      return t.t('status.watchElsewhere', { by: t.t('watch.shardManager') });
    case 'stopped':
      return truncate(stripControl(t.t('status.watchStopped', { reason: watchStoppedText(watch.reason, t) })), LIMITS.fieldValue);
  }
}

function lastReload(report: ReloadReport | null, reloading: boolean, t: Catalog): string {
  const now = reloading ? `${t.t('status.reloadRunning')} ` : '';
  if (report === null) return `${now}${t.t('status.reloadNone')}`;
  const when = t.t('status.reloadWhen', { when: timestamp(report.at, t), who: who(report.by, t) });
  const serving = report.ok ? '' : stillServing(report.servingFacts, 'status.stillServing', t);
  const warned = report.warnings?.length ?? 0;
  const warnings = warned === 0 ? '' : t.t('status.reloadWarnings', { warnings: t.tn('count.warnings', warned, {}) });
  if (!report.ok && report.noAnswer !== undefined) return `${now}${t.t('status.reloadNoAnswer', { when, serving })}`;
  if (!report.ok)
    return `${now}${t.t('status.reloadFailed', { when, problems: t.tn('count.problems', report.errors.length, {}), serving })}${warnings}`;
  const { added, removed, changed } = report.diff.counts;
  return `${now}${t.t('status.reloadOk', { when, added, removed, changed })}${warnings}`;
}

/**
 * Seconds as `2d 3h 4m`, `5m 6s` or `7s`.
 *
 * @example
 * duration(93_784) // '1d 2h 3m'
 * duration(93_784, JA) // '1日2時間3分'
 */
export function duration(seconds: number, t: Catalog = EN): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return t.t('duration.days', { d, h, m });
  if (h > 0) return t.t('duration.hours', { h, m });
  if (m > 0) return t.t('duration.minutes', { m, s: s % 60 });
  return t.t('duration.seconds', { s });
}

function who(by: string, t: Catalog): string {
  // A Discord user id becomes a mention pill; mentions inside embeds never ping.
  if (/^\d{17,20}$/.test(by)) return `<@${by}>`;
  if (by === WATCHER_NAME) return t.t('reload.byWatcher');
  return sanitizeUserText(by, 64) || t.t('unknown');
}

/** "still serving N facts" in the catalog's words, or nothing when the count is not known (a replica not asked). */
function stillServing(facts: number | null, key: 'reload.stillServing' | 'status.stillServing', t: Catalog): string {
  return facts === null ? '' : t.t(key, { facts: t.tn('count.facts', facts, {}) });
}

/** Which shard or replica a report comes from, when it comes from one of several. */
function whereSuffix(report: { readonly shard?: number; readonly replica?: string }, t: Catalog): string {
  // Replica ids are letters, digits and . _ : @ - (REPLICA_ID is checked); anything else is dropped, `_` kept literal.
  if (report.replica === OTHER_REPLICAS) return t.t('reload.otherReplicas');
  if (report.replica !== undefined)
    return t.t('reload.replica', {
      replica: report.replica
        .slice(0, 80)
        .replace(/[^A-Za-z0-9._:@ -]/g, '')
        .replace(/_/g, '\\_'),
    });
  return report.shard === undefined ? '' : t.t('reload.shard', { shard: report.shard });
}
