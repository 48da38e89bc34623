/** `/case-admin gaps` as a plain function, and the small reply helper the gaps wiring shares. */
import type { APIActionRowComponent, APIButtonComponent } from 'discord-api-types/v10';
import { truncate } from '../answer/escape.js';
import { LIMITS, type Reply } from '../answer/reply.js';
import type { GapFeedback, VoteOutcome } from './gap-feedback.js';
import { ALL_CASES } from './gap-kind.js';
import { code, renderGapsReport } from './render-gaps.js';
import { catalogFor } from '../answer/locale/index.js';

/** Days a report covers unless asked otherwise. */
export const DEFAULT_GAPS_DAYS = 30;
/** Longest period a report may ask for (the retention limit usually cuts it shorter). */
export const MAX_GAPS_DAYS = 3650;
/** Rows per list of the report: enough to act on, short enough to read. */
export const GAPS_REPORT_ROWS = 10;

export interface GapsRequest {
  /** Only this case; absent: every case. */
  readonly caseId?: string;
  /** The last `days` days, today included. Default {@link DEFAULT_GAPS_DAYS}. */
  readonly days?: number;
  /** Only this server's questions and votes (Discord); absent: every server's (the console, run by whoever holds the file). */
  readonly guildId?: string;
  /** The moderator's Discord locale: picks the reply's catalog. Absent: English. */
  readonly locale?: string | null;
}

/**
 * The report for a moderator: the questions and answers of {@link GapsRequest}'s period, case and
 * server, or why there is none (gaps off, an unknown case, a bad number of days).
 *
 * @example
 * (await gapsReply({ days: 7, guildId: '1…' }, { gaps, caseIds: ['tick-jaxa'], now: Date.now() })).outcome // 'gaps'
 */
export async function gapsReply(
  request: GapsRequest,
  context: { readonly gaps: GapFeedback | undefined; readonly caseIds: readonly string[]; readonly now: number },
): Promise<Reply & { readonly outcome: 'gaps' | VoteOutcome }> {
  const t = catalogFor(request.locale);
  const days = request.days ?? DEFAULT_GAPS_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_GAPS_DAYS) {
    return { content: t.t('gaps.badDays', { max: MAX_GAPS_DAYS }), ephemeral: true, outcome: 'gaps' };
  }
  const caseId = request.caseId?.trim() === '' ? undefined : request.caseId?.trim();
  if (caseId !== undefined && caseId !== ALL_CASES && !context.caseIds.includes(caseId)) {
    const known = context.caseIds.slice(0, 50).map(code).join(', ');
    return {
      content: truncate(t.t('gaps.unknownCase', { case: code(caseId), cases: known || t.t('gaps.noCases') }), LIMITS.content),
      ephemeral: true,
      outcome: 'gaps',
    };
  }
  if (context.gaps === undefined) {
    return { content: t.t('gaps.off'), ephemeral: true, outcome: 'gaps-off' };
  }
  const result = await context.gaps.report({
    days,
    now: context.now,
    limit: GAPS_REPORT_ROWS,
    ...(caseId === undefined ? {} : { caseId }),
    ...(request.guildId === undefined ? {} : { guildId: request.guildId }),
  });
  const view = {
    days,
    scope: request.guildId === undefined ? ('all' as const) : ('server' as const),
    ...(caseId === undefined ? {} : { caseId }),
  };
  return { ...renderGapsReport(result, view, t), outcome: result.ok ? 'gaps' : 'gaps-off' };
}

/**
 * The reply with one more row of buttons under it (the 👍 / 👎 row), or as it is when there is
 * none to add or no room (Discord allows five rows).
 */
export function withRow<R extends Reply>(reply: R, row: APIActionRowComponent<APIButtonComponent> | null): R {
  if (row === null) return reply;
  const rows = reply.components ?? [];
  if (rows.length >= LIMITS.rows) return reply;
  return { ...reply, components: [...rows, row] };
}
