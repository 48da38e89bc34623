/**
 * "Check against case facts": a message's text in, the facts closest to its claims out, each with
 * its source sentence and the claim it speaks to — rendered like a `/case` answer, always private
 * (it informs the person checking; it is not a public rebuttal). Shared by the message command
 * and the console's `/check`. No discord.js here.
 */
import { answer, type Searchable } from '../answer/answer.js';
import { sanitizeUserText } from '../answer/escape.js';
import { renderAnswerPage } from '../answer/render-answer.js';
import { renderError } from './replies.js';
import { fitReply, type Reply } from '../answer/reply.js';
import type { Answer, AnswerResult } from '../answer/types.js';
import type { FactSet } from '../facts/types.js';
import type { AppLogger } from './case-bot.js';
import { MAX_CLAIMS, readClaims } from './claims.js';
import { newReferenceId } from './reference-id.js';
import { catalogFor, type Catalog } from '../answer/locale/index.js';
import { itemAt } from '../shared/must.js';

/** The name members see under Apps in a message's menu; Discord sends it back in the interaction. */
export const CHECK_MESSAGE_COMMAND = 'Check against case facts';

/** Facts searched per claim; the best of each claim is shown before the second best of any. */
export const FACTS_PER_CLAIM = 3;
/** Facts shown in all: one reply, no paging, each fact with room for its source sentence. */
export const MAX_FACTS_SHOWN = 6;
/** How much of a claim is quoted back above the facts that speak to it. */
const CLAIM_ECHO = 90;

/** What checking needs of the fact store: its current snapshot (`FactStore` and `CaseStore` satisfy it). */
export interface CheckStore {
  current(): { readonly factSet: FactSet; readonly index: Searchable };
}

export interface CheckRequest {
  /** The message's text (`content`), as Discord gives it. */
  readonly text: string;
  /** Embeds the message has: a message with no text but embeds is told so. Default 0. */
  readonly embeds?: number;
  /** Attachments (files, images) the message has. Default 0. */
  readonly attachments?: number;
  /** For the log line of a failure. */
  readonly userId: string;
  readonly interactionId: string;
  /** The checker's Discord locale (`interaction.locale`): picks the catalog. Absent: English. */
  readonly locale?: string | null;
}

/** How a check ended, for the one log line per interaction. */
export type CheckOutcome = 'checked' | 'no-match' | 'no-text' | 'link-only' | 'no-words' | 'error';

export type CheckReply = Reply & { readonly outcome: CheckOutcome; readonly referenceId?: string };

export interface MessageChecker {
  /** Never throws: a failure is logged with a reference id and answered with an apology carrying it. */
  handleCheck(request: CheckRequest): CheckReply;
}

/** One fact of the merged answer and the claims (indexes into the claim list) it was found for. */
interface Found {
  readonly result: AnswerResult;
  readonly claims: number[];
}

/**
 * Creates the checker over the store's current snapshot (read anew per check, so a reload is seen).
 *
 * @example
 * const checker = createMessageChecker({ store, log });
 * checker.handleCheck({ text: 'JAXA was among the targets.', userId: '1', interactionId: 'i1' }).outcome // 'checked'
 */
export function createMessageChecker(options: { readonly store: CheckStore; readonly log: AppLogger }): MessageChecker {
  return {
    handleCheck(request) {
      try {
        return checkMessage(options.store.current(), request);
      } catch (error) {
        const referenceId = newReferenceId();
        options.log.error(
          { err: error, refId: referenceId, command: 'check', interactionId: request.interactionId, userId: request.userId },
          'command failed',
        );
        return { ...renderError(referenceId, catalogFor(request.locale)), outcome: 'error', referenceId };
      }
    },
  };
}

/**
 * Checks one message against a snapshot: splits it into claims ({@link readClaims}), searches each
 * (the search's relevance floors decide "no match": a claim nothing speaks to gets no fact, never
 * the least bad one), merges the facts — the best of each claim first, then the second best, a fact
 * found for several claims once — and renders them as one private `/case`-style page whose facts
 * are each titled with the claim they speak to.
 */
export function checkMessage(snapshot: { readonly factSet: FactSet; readonly index: Searchable }, request: CheckRequest): CheckReply {
  const t = catalogFor(request.locale);
  const read = readClaims(request.text);
  if (read.kind !== 'claims') return { ...renderNothingToCheck(read.kind, request, t), outcome: read.kind };
  const { claims } = read;
  const answers = claims.map((claim) => answer(snapshot.index, claim, { limit: FACTS_PER_CLAIM }));
  const found = mergeByRank(answers);
  if (found.length === 0) {
    return { ...fitReply({ content: noMatchText(claims, read.truncated, t), ephemeral: true }), outcome: 'no-match' };
  }
  const merged: Answer = {
    query: claims.join(' '),
    results: found.map((f) => f.result),
    suggestions: [],
    unmatched: [],
    queryTerms: answers.reduce((sum, a) => sum + a.queryTerms, 0),
  };
  const titles = new Map([...snapshot.factSet.cases.values()].map((c) => [c.id, c.title]));
  const page = renderAnswerPage(merged, { page: 0, pageSize: found.length, caseTitles: titles, ephemeral: true, catalog: t });
  // One claim is quoted in the header; several are quoted above each fact, so each fact says which it answers.
  const embeds =
    claims.length === 1
      ? (page.embeds ?? [])
      : (page.embeds ?? []).map((embed, i) => ({ ...embed, title: claimTitle(claims, found[i]?.claims ?? [], t) }));
  const answered = new Set(found.flatMap((f) => f.claims));
  const content = headerText(found.length, claims, answered, read.truncated, t);
  // Titles were added after the renderer budgeted the page: fit again (shortens the longest quotes if need be).
  return { ...fitReply({ content, embeds, ephemeral: true }), outcome: 'checked' };
}

/** Round-robin over the claims' ranked results, so every claim's best fact is shown; duplicates merged. */
function mergeByRank(answers: readonly Answer[]): Found[] {
  const byKey = new Map<string, Found>();
  const order: Found[] = [];
  const depth = Math.max(0, ...answers.map((a) => a.results.length));
  for (let rank = 0; rank < depth; rank += 1) {
    answers.forEach((a, claim) => {
      const result = a.results[rank];
      if (result === undefined) return;
      const key = `${result.case}/${result.id}`;
      const seen = byKey.get(key);
      if (seen !== undefined) {
        if (!seen.claims.includes(claim)) seen.claims.push(claim);
        return;
      }
      if (order.length >= MAX_FACTS_SHOWN) return;
      const entry: Found = { result, claims: [claim] };
      byKey.set(key, entry);
      order.push(entry);
    });
  }
  // Chosen fairly across claims; shown grouped by claim, best first within each, so a claim's facts read together.
  return order
    .map((found, rank) => ({ found, rank }))
    .sort((a, b) => itemAt(a.found.claims, 0) - itemAt(b.found.claims, 0) || a.rank - b.rank)
    .map((x) => x.found);
}

/** `On “JAXA was hacked”` — or, for a fact several claims found, `On “…” and 1 more claim`. */
function claimTitle(claims: readonly string[], indexes: readonly number[], t: Catalog): string {
  const claim = t.t('quoted', { text: sanitizeUserText(itemAt(claims, itemAt(indexes, 0)), CLAIM_ECHO) });
  const more = indexes.length - 1;
  return more > 0 ? t.tn('check.onMore', more, { claim }) : t.t('check.on', { claim });
}

function headerText(facts: number, claims: readonly string[], answered: ReadonlySet<number>, truncated: boolean, t: Catalog): string {
  const checked =
    claims.length === 1
      ? t.t('quoted', { text: sanitizeUserText(claims[0] ?? '', CLAIM_ECHO) })
      : t.t('check.claims', { count: claims.length });
  const lines = [t.tn('check.header', facts, { checked })];
  const unanswered = claims.filter((_, i) => !answered.has(i)).map((claim) => t.t('quoted', { text: sanitizeUserText(claim, 60) }));
  if (unanswered.length > 0) lines.push(`-# ${t.t('check.unanswered', { claims: unanswered.join(t.t('list.separator')) })}`);
  if (truncated) lines.push(truncatedNote(t));
  return lines.join('\n');
}

function noMatchText(claims: readonly string[], truncated: boolean, t: Catalog): string {
  const shown = claims.map((claim) => t.t('quoted', { text: sanitizeUserText(claim, 60) })).join(t.t('list.separator'));
  const lines = [t.t('check.noMatch'), `-# ${t.tn('check.checked', claims.length, { claims: shown })}`];
  if (truncated) lines.push(truncatedNote(t));
  lines.push(`-# ${t.t('check.tryCase')}`);
  return lines.join('\n');
}

function truncatedNote(t: Catalog): string {
  return `-# ${t.t('check.truncated', { max: MAX_CLAIMS })}`;
}

/** Why there is nothing to check, said plainly (always private). */
function renderNothingToCheck(kind: 'no-text' | 'link-only' | 'no-words', request: CheckRequest, t: Catalog): Reply {
  if (kind === 'link-only') return { content: t.t('check.linkOnly'), ephemeral: true };
  if (kind === 'no-words') return { content: t.t('check.noWords'), ephemeral: true };
  const has = [(request.embeds ?? 0) > 0 ? t.t('check.embeds') : '', (request.attachments ?? 0) > 0 ? t.t('check.attachments') : ''].filter(
    (part) => part !== '',
  );
  return { content: has.length > 0 ? t.t('check.noTextOnly', { what: has.join(t.t('list.and')) }) : t.t('check.noText'), ephemeral: true };
}
