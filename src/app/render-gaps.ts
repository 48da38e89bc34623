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
import { gapReportProblemText, gapWriteText, gapsOffText } from './render-reasons.js';

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
export function renderGapsReport(result: GapReportResult, view: GapsReportView, t: Catalog = EN): Reply {
  if (!result.ok) return { content: truncate(stripControl(gapReportProblemText(result.reason, t)), LIMITS.content), ephemeral: true };
  const { report } = result;
  const period = t.tn('gaps.period', view.days, {});
  const caseNote = view.caseId === undefined ? '' : ` · ${caseLabel(view.caseId, t)}`;
  const showCase = view.caseId === undefined;
  // Each list is one embed: its title, its colour, and as many lines as fit (or what to say when empty).
  const listEmbed = (title: string, color: number, lines: readonly string[], empty: string): APIEmbed => ({
    title: truncate(title, LIMITS.title),
    color,
    description: listOf(lines, empty, t),
  });
  const questions = listEmbed(
    t.t('gaps.questionsTitle', { period, case: caseNote }),
    QUESTIONS_COLOUR,
    report.questions.map((row, i) => questionLine(row, i + 1, showCase, t)),
    t.t('gaps.noQuestions'),
  );
  const answers: APIEmbed = {
    ...listEmbed(
      t.t('gaps.answersTitle', { period, case: caseNote }),
      VOTES_COLOUR,
      report.answers.map((row, i) => answerLine(row, i + 1, showCase, t)),
      t.t('gaps.noAnswers'),
    ),
    footer: {
      text: t.t('gaps.footer', {
        scope: t.t(view.scope === 'server' ? 'gaps.scopeServer' : 'gaps.scopeAll'),
        date: report.since.toISOString().slice(0, 10),
      }),
    },
  };
  return fitReply({ embeds: [questions, answers], ephemeral: true });
}

function questionLine(row: GapQuestionRow, rank: number, showCase: boolean, t: Catalog): string {
  const split = [
    row.unanswered > 0 ? t.t('gaps.noAnswer', { count: row.unanswered }) : '',
    row.weak > 0 ? t.t('gaps.weak', { count: row.weak }) : '',
  ]
    .filter((p) => p !== '')
    .join(t.t('list.separator'));
  return t.t('gaps.questionLine', {
    rank,
    count: row.count,
    query: t.t('quoted', { text: sanitizeUserText(row.query, QUERY_SHOWN) }),
    split,
    where: showCase ? ` · ${caseLabel(row.caseId, t)}` : '',
    when: timestamp(row.lastAskedAt, t),
  });
}

function answerLine(row: VotedAnswerRow, rank: number, showCase: boolean, t: Catalog): string {
  const ids = row.factIds.slice(0, FACT_IDS_SHOWN).map(code);
  const more = row.factIds.length - ids.length;
  return t.t('gaps.answerLine', {
    rank,
    down: row.down,
    up: row.up,
    query: t.t('quoted', { text: sanitizeUserText(row.query, QUERY_SHOWN) }),
    facts: ids.length === 0 ? '' : t.t('gaps.facts', { ids: `${ids.join(', ')}${more > 0 ? ` +${more}` : ''}` }),
    where: showCase ? ` · ${caseLabel(row.caseId, t)}` : '',
    when: timestamp(row.lastVotedAt, t),
  });
}

/** As many lines as fit the list's share of the message, then "…and N more". */
function listOf(lines: readonly string[], empty: string, t: Catalog): string {
  if (lines.length === 0) return empty;
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const remaining = lines.length - i - 1;
    const tail = remaining > 0 ? `\n${t.t('list.more', { count: remaining })}` : '';
    if (used + line.length + 1 + tail.length > LIST_BUDGET) break;
    kept.push(line);
    used += line.length + 1;
  }
  const more = lines.length - kept.length;
  return more > 0 ? `${kept.join('\n')}${kept.length > 0 ? '\n' : ''}${t.t('list.more', { count: more })}` : kept.join('\n');
}

function caseLabel(caseId: string, t: Catalog): string {
  return caseId === ALL_CASES ? t.t('gaps.noCase') : code(caseId);
}

/** An id in a code span: rendered literally, and a backtick in it cannot end the span. */
export function code(id: string): string {
  return `\`${truncate(stripControl(id).replace(/`/g, 'ˋ'), 80)}\``;
}

/** Discord shows `<t:…:R>` as "3 minutes ago" in the reader's language; the text renderer shows ISO. */
export function timestamp(date: Date, t: Catalog = EN): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return Number.isFinite(seconds) ? `<t:${seconds}:R>` : t.t('unknown');
}

/**
 * The "Knowledge gaps" line of `/case-admin status`.
 *
 * @example
 * gapsStatusLine({ state: 'on', retentionDays: 90, lastWriteError: null }) // '✅ On: questions and votes kept 90 days.'
 */
export function gapsStatusLine(status: GapStatus, t: Catalog = EN): string {
  if (status.state === 'off')
    return truncate(`⚪ ${sanitizeUserText(gapsOffText(status.reason, t), LIMITS.fieldValue)}`, LIMITS.fieldValue);
  const kept = t.tn('status.gapsOn', status.retentionDays, {});
  if (status.lastWriteError === null) return kept;
  return truncate(`${kept}\n⚠️ ${sanitizeUserText(gapWriteText(status.lastWriteError, t), LIMITS.fieldValue)}`, LIMITS.fieldValue);
}
