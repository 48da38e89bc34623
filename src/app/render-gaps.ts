/**
 * Replies of knowledge gaps: the moderators' report (`/case-admin gaps`), the private thanks for
 * a vote, and the gaps line of `/case-admin status`. Questions are members' text: every one goes
 * through `sanitizeUserText` (no markdown, no mentions, no links), and replies never ping.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import { sanitizeUserText, stripControl, truncate } from '../answer/escape.js';
import { LIMITS, fitReply, type Reply } from '../answer/reply.js';
import type { VoteDirection } from '../answer/vote-buttons.js';
import { ALL_CASES } from './gap-kind.js';
import { EN, type Catalog } from '../answer/locale/index.js';
import type { GapQuestionRow, GapReportResult, GapStatus, VotedAnswerRow } from '../gaps/types.js';

/** How a vote click ended, for {@link renderVoteAck}. */
export type VoteAck =
  | { readonly kind: 'kept'; readonly vote: VoteDirection; readonly previous: VoteDirection | null }
  | { readonly kind: 'expired' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'off' };

const EMOJI: Readonly<Record<VoteDirection, string>> = { up: '👍', down: '👎' };

/**
 * The private answer to a 👍 / 👎 click.
 *
 * @example
 * renderVoteAck({ kind: 'kept', vote: 'up', previous: null }).content // 'Thanks — noted.'
 * renderVoteAck({ kind: 'kept', vote: 'down', previous: 'up' }).content // 'Thanks — your vote is now 👎.'
 */
export function renderVoteAck(ack: VoteAck, t: Catalog = EN): Reply {
  const content =
    ack.kind === 'kept'
      ? ack.previous === null || ack.previous === ack.vote
        ? t.t('vote.thanks')
        : t.t('vote.changed', { emoji: EMOJI[ack.vote] })
      : ack.kind === 'expired'
        ? t.t('vote.expired')
        : ack.kind === 'gone'
          ? t.t('vote.gone')
          : ack.kind === 'off'
            ? t.t('vote.off')
            : t.t('vote.failed');
  return { content, ephemeral: true };
}

/** What the report covers, for its titles. */
export interface GapsReportView {
  readonly days: number;
  /** The case asked for; absent: every case (each line then names its case). */
  readonly caseId?: string;
  /** Whose questions: this server's, or every server's (the console). */
  readonly scope: 'server' | 'all';
}

/** Leaves room for titles and the footer inside Discord's 6000 characters for all embeds. */
const LIST_BUDGET = Math.floor((LIMITS.embedTotal - 600) / 2);
const QUERY_SHOWN = 100;
const FACT_IDS_SHOWN = 3;
const QUESTIONS_COLOUR = 0xfaa61a;
const VOTES_COLOUR = 0xed4245;

/**
 * `/case-admin gaps`: the most-asked questions without a good answer and the answers with the most
 * 👎, each with its counts and when it was last asked or voted on, as two embeds within Discord's
 * limits (lines that do not fit are counted in "…and N more"). When gaps are off, the reason.
 *
 * @example
 * renderGapsReport(result, { days: 30, scope: 'server' }).embeds?.[0]?.title
 * // '❓ Questions without a good answer · last 30 days'
 */
export function renderGapsReport(result: GapReportResult, view: GapsReportView): Reply {
  if (!result.ok) return { content: truncate(stripControl(result.reason), LIMITS.content), ephemeral: true };
  const { report } = result;
  const period = `last ${view.days} ${view.days === 1 ? 'day' : 'days'}`;
  const caseNote = view.caseId === undefined ? '' : ` · ${caseLabel(view.caseId)}`;
  const showCase = view.caseId === undefined;
  const questions: APIEmbed = {
    title: truncate(`❓ Questions without a good answer · ${period}${caseNote}`, LIMITS.title),
    color: QUESTIONS_COLOUR,
    description: listOf(
      report.questions.map((row, i) => questionLine(row, i + 1, showCase)),
      'None: every question in this period found facts covering it.',
    ),
  };
  const answers: APIEmbed = {
    title: truncate(`👎 Answers voted down · ${period}${caseNote}`, LIMITS.title),
    color: VOTES_COLOUR,
    description: listOf(
      report.answers.map((row, i) => answerLine(row, i + 1, showCase)),
      'None: no answer got a 👎 in this period.',
    ),
    footer: {
      text: `${view.scope === 'server' ? 'This server only' : 'All servers'} · since ${report.since.toISOString().slice(0, 10)} (UTC) · “weak”: facts covered only part of the question. Add or fix facts, then /case-admin reload.`,
    },
  };
  return fitReply({ embeds: [questions, answers], ephemeral: true });
}

function questionLine(row: GapQuestionRow, rank: number, showCase: boolean): string {
  const split = [row.unanswered > 0 ? `${row.unanswered} no answer` : '', row.weak > 0 ? `${row.weak} weak` : '']
    .filter((p) => p !== '')
    .join(', ');
  const where = showCase ? ` · ${caseLabel(row.caseId)}` : '';
  return `${rank}. **${row.count}×** “${sanitizeUserText(row.query, QUERY_SHOWN)}” — ${split}${where} · last ${timestamp(row.lastAskedAt)}`;
}

function answerLine(row: VotedAnswerRow, rank: number, showCase: boolean): string {
  const ids = row.factIds.slice(0, FACT_IDS_SHOWN).map(code);
  const more = row.factIds.length - ids.length;
  const facts = ids.length === 0 ? '' : ` · facts ${ids.join(', ')}${more > 0 ? ` +${more}` : ''}`;
  const where = showCase ? ` · ${caseLabel(row.caseId)}` : '';
  return `${rank}. **👎 ${row.down} · 👍 ${row.up}** “${sanitizeUserText(row.query, QUERY_SHOWN)}”${facts}${where} · last ${timestamp(row.lastVotedAt)}`;
}

/** As many lines as fit the list's share of the message, then "…and N more". */
function listOf(lines: readonly string[], empty: string): string {
  if (lines.length === 0) return empty;
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const remaining = lines.length - i - 1;
    const tail = remaining > 0 ? `\n…and ${remaining} more` : '';
    if (used + line.length + 1 + tail.length > LIST_BUDGET) break;
    kept.push(line);
    used += line.length + 1;
  }
  const more = lines.length - kept.length;
  return more > 0 ? `${kept.join('\n')}${kept.length > 0 ? '\n' : ''}…and ${more} more` : kept.join('\n');
}

function caseLabel(caseId: string): string {
  return caseId === ALL_CASES ? 'no case named' : code(caseId);
}

/** An id in a code span: rendered literally, and a backtick in it cannot end the span. */
export function code(id: string): string {
  return `\`${truncate(stripControl(id).replace(/`/g, 'ˋ'), 80)}\``;
}

function timestamp(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return Number.isFinite(seconds) ? `<t:${seconds}:R>` : 'unknown';
}

/**
 * The "Knowledge gaps" line of `/case-admin status`.
 *
 * @example
 * gapsStatusLine({ state: 'on', retentionDays: 90, lastWriteError: null }) // '✅ On: questions and votes kept 90 days.'
 */
export function gapsStatusLine(status: GapStatus): string {
  if (status.state === 'off') return truncate(`⚪ ${sanitizeUserText(status.reason, LIMITS.fieldValue)}`, LIMITS.fieldValue);
  const kept = `✅ On: questions and votes kept ${status.retentionDays} ${status.retentionDays === 1 ? 'day' : 'days'}.`;
  if (status.lastWriteError === null) return kept;
  return truncate(`${kept}\n⚠️ ${sanitizeUserText(status.lastWriteError, LIMITS.fieldValue)}`, LIMITS.fieldValue);
}
