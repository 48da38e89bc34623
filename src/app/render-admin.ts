/**
 * Replies of the moderator commands: what a reload did, and how the bot is doing. Ephemeral:
 * only the moderator who asked sees them.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import { formatLoadError } from '../facts/types.js';
import type { CaseCount, ReloadReport, SemanticStatus, StoreStatus, WatchStatus } from '../store/types.js';
import { escapeMarkdown, sanitizeUserText, stripControl, truncate, truncateMarkdown } from '../answer/escape.js';
import { LIMITS, embedTextLength, fitReply, type Reply } from '../answer/reply.js';
import type { GapStatus } from '../gaps/types.js';
import { gapsStatusLine } from './render-gaps.js';

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
/** Leaves room for titles, footers and rounding when splitting 6000 characters between embeds. */
const TOTAL_BUDGET = LIMITS.embedTotal - 200;

/**
 * The result of a reload (or one per shard), as one embed each: on success the counts and what
 * changed (`+N added, −N removed, ~N changed`, up to 10 ids each); on failure "Reload failed —
 * still serving N facts." with the errors as `file:line:col message` lines, trimmed to fit with
 * "…and N more".
 *
 * @example
 * renderReloadReport(report).embeds?.[0]?.title // '✅ Facts reloaded'
 */
export function renderReloadReport(report: ReloadReport | readonly ReloadReport[]): Reply {
  const reports: readonly ReloadReport[] = isReportList(report) ? report : [report];
  if (reports.length === 0) return { content: 'No reload reports came back.', ephemeral: true };
  const shown = reports.length > LIMITS.embeds ? reports.slice(0, LIMITS.embeds - 1) : reports;
  const hidden = reports.slice(shown.length);
  const slots = shown.length + (hidden.length > 0 ? 1 : 0);
  const budget = Math.min(LIMITS.description, Math.floor(TOTAL_BUDGET / slots));
  const embeds = shown.map((r) => (r.ok ? reloadedEmbed(r, budget) : failedEmbed(r, budget)));
  if (hidden.length > 0) {
    const failed = hidden.filter((r) => !r.ok).length;
    embeds.push({
      color: failed > 0 ? RED : GREEN,
      description: `…and ${hidden.length} more shards: ${hidden.length - failed} reloaded, ${failed} failed.`,
    });
  }
  return fitReply({ embeds, ephemeral: true });
}

function isReportList(report: ReloadReport | readonly ReloadReport[]): report is readonly ReloadReport[] {
  return Array.isArray(report);
}

type Reloaded = Extract<ReloadReport, { ok: true }>;
type Failed = Extract<ReloadReport, { ok: false }>;

function reloadedEmbed(report: Reloaded, budget: number): APIEmbed {
  const { counts } = report.diff;
  const lines = [
    `Now serving **${count(report.facts, 'fact')}** in **${count(report.cases, 'case')}** · ${report.durationMs} ms · by ${who(report.by)}`,
    ...(report.factsByCase === undefined ? [] : [caseCounts(report.factsByCase)]),
    '',
  ];
  if (counts.added + counts.removed + counts.changed === 0) lines.push('Nothing changed.');
  else lines.push(`**+${counts.added} added, −${counts.removed} removed, ~${counts.changed} changed**`);
  const kinds = [
    ['+', 'added', report.diff.added, counts.added],
    ['−', 'removed', report.diff.removed, counts.removed],
    ['~', 'changed', report.diff.changed, counts.changed],
  ] as const;
  for (const [sign, label, ids, total] of kinds) {
    if (ids.length > 0) lines.push(`${sign} ${label}: ${idList(ids, total)}`);
  }
  return {
    title: `✅ Facts reloaded${whereSuffix(report)}`,
    color: GREEN,
    description: truncateMarkdown(lines.join('\n'), budget),
    timestamp: report.at.toISOString(),
  };
}

function failedEmbed(report: Failed, budget: number): APIEmbed {
  if (report.noAnswer !== undefined) {
    return {
      title: `⚠️ No answer${stillServing(report.servingFacts, ' — ')}.${whereSuffix(report)}`,
      color: RED,
      description: truncateMarkdown(escapeMarkdown(report.noAnswer), budget),
      timestamp: report.at.toISOString(),
    };
  }
  const intro =
    `Found ${count(report.errors.length, 'problem')} in the fact files · by ${who(report.by)}. ` +
    'Fix them and run the reload again; nothing changed for users.';
  return {
    title: `❌ Reload failed${stillServing(report.servingFacts, ' — ')}.${whereSuffix(report)}`,
    color: RED,
    description: `${intro}\n${errorBlock(report.errors.map(formatLoadError), budget - intro.length - 1)}`,
    timestamp: report.at.toISOString(),
  };
}

/**
 * Error lines in a code block (nothing inside renders as markdown or a mention), as many as fit in
 * `budget` characters, then "…and N more" outside it.
 */
function errorBlock(errors: readonly string[], budget: number): string {
  const open = '```text\n';
  const close = '\n```';
  const lines: string[] = [];
  for (const [i, error] of errors.entries()) {
    // Backticks inside would close the block early; a lookalike keeps the line readable.
    const line = truncate(stripControl(error).replace(/\s+/g, ' ').replace(/`/g, 'ˋ'), 300);
    const remaining = errors.length - i - 1;
    const tail = remaining > 0 ? `\n…and ${remaining} more` : '';
    if (open.length + [...lines, line].join('\n').length + close.length + tail.length > budget) break;
    lines.push(line);
  }
  const more = errors.length - lines.length;
  const block = lines.length > 0 ? `${open}${lines.join('\n')}${close}` : '';
  return more > 0 ? `${block}${block ? '\n' : ''}…and ${more} more` : block;
}

/** `tick-jaxa` 27 · `harbor-ransomware` 5: each case id (as moderators name the folder) with its facts. */
function caseCounts(counts: readonly CaseCount[]): string {
  return counts.map(({ id, facts }) => `\`${stripControl(id).replace(/`/g, 'ˋ')}\` ${facts}`).join(' · ');
}

/** The first ids of a kind; `total` counts them all (the report keeps only the first few). */
function idList(ids: readonly string[], total: number): string {
  const shown = ids.slice(0, IDS_SHOWN).map((id) => `\`${truncate(stripControl(id).replace(/`/g, 'ˋ'), 100)}\``);
  const more = Math.max(total, ids.length) - shown.length;
  return more > 0 ? `${shown.join(', ')} …and ${more} more` : shown.join(', ');
}

/**
 * The bot's health for moderators: facts and cases served, snapshot version and age, the last
 * reload, whether a save reloads, knowledge gaps on or off (and why), uptime, memory, version and shard.
 *
 * @example
 * renderStatus(status).embeds?.[0]?.fields?.[0] // { name: 'Facts', value: '123', inline: true }
 */
export function renderStatus(status: StatusView): Reply {
  const fields: NonNullable<APIEmbed['fields']> = [
    { name: 'Facts', value: String(status.facts), inline: true },
    { name: 'Cases', value: String(status.cases), inline: true },
    {
      name: 'Loaded',
      value: `${status.snapshotVersion === undefined ? '' : `v${status.snapshotVersion} · `}${timestamp(status.loadedAt)}`,
      inline: true,
    },
    { name: 'Last reload', value: lastReload(status.lastReload, status.reloading), inline: false },
    { name: 'Reload on save', value: watchLine(status.watch ?? { state: 'off' }), inline: false },
    { name: 'Answers by meaning', value: semanticLine(status.semantic, status.languageProblems), inline: false },
    {
      name: 'Knowledge gaps',
      value: status.gaps === undefined ? '⚪ Off: not set up in this process.' : gapsStatusLine(status.gaps),
      inline: false,
    },
    { name: 'Uptime', value: duration(status.uptimeSeconds), inline: true },
    { name: 'Memory', value: `${status.memoryMb.rss} MB RSS · ${status.memoryMb.heapUsed} MB heap`, inline: true },
    { name: 'Bot version', value: sanitizeUserText(status.version, 100) || '—', inline: true },
  ];
  if (status.shard !== undefined) {
    fields.push({
      name: 'Shard',
      value: status.shards === undefined ? `#${status.shard}` : `#${status.shard} of ${status.shards}`,
      inline: true,
    });
  }
  if (status.shared !== undefined) fields.push({ name: 'Shared state (Redis)', value: sharedLine(status.shared), inline: false });
  fields.push({ name: 'Facts per case', value: truncate(caseCounts(status.factsByCase), LIMITS.fieldValue - 8) || '—', inline: false });
  if (status.defaultCase !== undefined)
    fields.push({ name: 'Default case', value: truncate(status.defaultCase, LIMITS.fieldValue), inline: false });
  const embed: APIEmbed = { title: 'casebot status', color: status.reloading ? 0xfaa61a : BLURPLE, fields };
  if (embedTextLength(embed) > LIMITS.embedTotal) embed.fields = fields.slice(0, -1);
  return fitReply({ embeds: [embed], ephemeral: true });
}

/** Redis up (with the replicas it sees) or down since when, and what that means for members and moderators. */
function sharedLine(shared: SharedStateView): string {
  const id = (replica: string): string => `\`${truncate(stripControl(replica), 64).replace(/`/g, 'ˋ')}\``;
  const since = timestamp(new Date(shared.since));
  if (shared.state === 'up') {
    const others =
      shared.replicas.length === 0
        ? ''
        : ` · ${count(shared.replicas.length, 'replica')} alive: ${shared.replicas.slice(0, 10).map(id).join(', ')}${shared.replicas.length > 10 ? ', …' : ''}`;
    return truncate(
      `✅ Connected to ${sanitizeUserText(shared.where, 100)} since ${since} · this replica ${id(shared.replica)}${others}`,
      LIMITS.fieldValue,
    );
  }
  return truncate(
    `⚠️ Unreachable since ${since}${shared.reason === undefined ? '' : ` (${sanitizeUserText(shared.reason, 200)})`}: answers go on; cooldowns are not enforced, knowledge gaps are not kept and a reload reaches this replica ${id(shared.replica)} only. Reconnecting by itself.`,
    LIMITS.fieldValue,
  );
}

/** Semantic search readiness, and any language data the bot runs without. */
function semanticLine(semantic: SemanticStatus, problems: readonly string[]): string {
  const state =
    semantic.state === 'ready'
      ? `✅ Ready: ${count(semantic.facts, 'fact')} embedded.`
      : semantic.state === 'building'
        ? `⏳ Embedding facts in the background: ${semantic.embedded} of ${semantic.facts}. Answers are by words meanwhile.`
        : `⚪ Off: ${semantic.reason}. Answers are by words only.`;
  // The off reason is usually the first problem already; list the others.
  const others = problems.filter((p) => semantic.state !== 'off' || (!p.includes(semantic.reason) && !semantic.reason.includes(p)));
  return truncate(sanitizeUserText([state, ...others].join('\n'), LIMITS.fieldValue), LIMITS.fieldValue);
}

/** Whether saving a fact file reloads (`FACTS_WATCH`); its outcomes show under "Last reload". */
function watchLine(watch: WatchStatus): string {
  switch (watch.state) {
    case 'off':
      return '⚪ Off: edits take effect with `/case-admin reload` (set FACTS_WATCH=true to reload on save).';
    case 'on':
      return `✅ On: a save reloads ${watch.debounceMs} ms after the last change.`;
    // Our own sentences (fixed text and an error code), not user text: shown as written.
    case 'elsewhere':
      return `✅ On: ${truncate(stripControl(watch.by), 64)} watches the folder and reloads every shard.`;
    case 'stopped':
      return truncate(stripControl(`⚠️ Stopped: ${watch.reason}. Use /case-admin reload after editing.`), LIMITS.fieldValue);
  }
}

function lastReload(report: ReloadReport | null, reloading: boolean): string {
  const now = reloading ? '⏳ A reload is running now. ' : '';
  if (report === null) return `${now}None since start.`;
  const when = `${timestamp(report.at)} by ${who(report.by)}`;
  if (!report.ok && report.noAnswer !== undefined) return `${now}⚠️ No answer ${when}${stillServing(report.servingFacts, ', ')}.`;
  if (!report.ok) return `${now}❌ Failed ${when}: ${count(report.errors.length, 'problem')}${stillServing(report.servingFacts, ', ')}.`;
  const { added, removed, changed } = report.diff.counts;
  return `${now}✅ ${when}: +${added} added, −${removed} removed, ~${changed} changed.`;
}

/**
 * Seconds as `2d 3h 4m`, `5m 6s` or `7s`.
 *
 * @example
 * duration(93_784) // '1d 2h 3m'
 */
export function duration(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return `${days}d ${hours}h ${minutes}m`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${s % 60}s`;
  return `${s}s`;
}

/** Discord shows `<t:…:R>` as "3 minutes ago" in the reader's language; the text renderer shows ISO. */
function timestamp(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return Number.isFinite(seconds) ? `<t:${seconds}:R>` : 'unknown';
}

function who(by: string): string {
  // A Discord user id becomes a mention pill; mentions inside embeds never ping.
  if (/^\d{17,20}$/.test(by)) return `<@${by}>`;
  return sanitizeUserText(by, 64) || 'unknown';
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/** "still serving N facts" after `joint`, or nothing when the count is not known. */
function stillServing(facts: number | null, joint: string): string {
  return facts === null ? '' : `${joint}still serving ${count(facts, 'fact')}`;
}

/** Which shard or replica a report comes from, when it comes from one of several. */
function whereSuffix(report: { readonly shard?: number; readonly replica?: string }): string {
  // Replica ids are letters, digits and . _ : @ - (REPLICA_ID is checked); anything else is dropped, `_` kept literal.
  if (report.replica !== undefined)
    return ` (replica ${report.replica
      .slice(0, 80)
      .replace(/[^A-Za-z0-9._:@ -]/g, '')
      .replace(/_/g, '\\_')})`;
  return report.shard === undefined ? '' : ` (shard ${report.shard})`;
}
