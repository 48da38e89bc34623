/**
 * What every gap store (SQLite here, Redis in src/redis/gap-store.ts) accepts, checked the same
 * way: a store keeps a question or a vote only with its normalised text, a case, and a real time,
 * and reads a report only for a valid window. One definition, so the two stores cannot drift.
 */
import { normalizeQuestion } from './normalize.js';
import type { AnswerVote, GapQuestion, GapReportOptions, GapReportProblem } from './types.js';

/** Most rows a report list may ask for. */
export const MAX_REPORT_LIMIT = 100;

/** Whether a Date holds a time (an invalid Date's time is NaN). */
export function isValidTime(time: Date): boolean {
  return Number.isFinite(time.getTime());
}

/**
 * The normalised text to keep a question under, or null when it is not to be kept (nothing left
 * of the text, no case, or an invalid time).
 *
 * @example
 * questionToKeep({ query: ' Was DATA stolen? ', caseId: 'c', at: new Date(), kind: 'unanswered', guildId: null }) // 'was data stolen'
 */
export function questionToKeep(question: GapQuestion): string | null {
  const query = normalizeQuestion(question.query);
  return query === '' || question.caseId === '' || !isValidTime(question.at) ? null : query;
}

/** {@link questionToKeep} for a vote, which also needs a voter. */
export function voteToKeep(vote: AnswerVote): string | null {
  const query = normalizeQuestion(vote.query);
  return query === '' || vote.caseId === '' || vote.voterId === '' || !isValidTime(vote.at) ? null : query;
}

/** A report request made sound: its time, and its row limit held to 1..{@link MAX_REPORT_LIMIT}. */
export type ReportWindow =
  | { readonly ok: true; readonly now: Date; readonly limit: number }
  | { readonly ok: false; readonly reason: Extract<GapReportProblem, { code: 'bad-days' | 'bad-time' }> };

/**
 * The time and row limit of a report, or why it cannot be read (a code the app renders for moderators).
 *
 * @example
 * reportWindow({ days: 0, limit: 10 }) // { ok: false, reason: { code: 'bad-days' } }
 */
export function reportWindow(options: GapReportOptions): ReportWindow {
  const now = options.now ?? new Date();
  if (!Number.isInteger(options.days) || options.days < 1) return { ok: false, reason: { code: 'bad-days' } };
  if (!isValidTime(now)) return { ok: false, reason: { code: 'bad-time' } };
  return { ok: true, now, limit: Math.max(1, Math.min(MAX_REPORT_LIMIT, Math.floor(options.limit) || 1)) };
}
