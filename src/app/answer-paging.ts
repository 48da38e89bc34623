/**
 * Where an answer's paging state lives: in its buttons (signed, see src/answer/paging-token.ts),
 * so any process with the same secret can turn the page; or, when it does not fit there, in this
 * process's {@link PageSessions} as before.
 */
import { answer, ANSWER_LIMIT, type Searchable } from '../answer/answer.js';
import { parseCustomId, pageInfoCustomId, sessionButtonIds, type PageSessions } from './page-sessions.js';
import { isPageToken, MAX_TOKEN_PAGE, type PageState, type PageTokens } from '../answer/paging-token.js';
import { pageCount, type PageButtonIds } from '../answer/render-answer.js';
import type { Answer } from '../answer/types.js';

/**
 * Whether a custom_id is a page button of either kind: an in-memory session's or a signed one.
 * Shape only: whether the click is genuine and current is for {@link AnswerPaging.click} to say.
 *
 * @example
 * isPageButton('case:page:k3J9_aQx:1') // true
 * isPageButton('case:vote:k3J9_aQx:up') // false
 */
export function isPageButton(customId: unknown): boolean {
  return parseCustomId(customId) !== null || isPageToken(customId);
}

/** An answer ready to be paged: its id (for 👍 / 👎) and its buttons' ids. */
export interface OpenedAnswer {
  readonly answerId: string;
  readonly buttons: PageButtonIds;
}

/** A valid, unexpired page click; ownership is for the caller to check. */
export interface PageClick extends OpenedAnswer {
  readonly ownerId: string;
  readonly page: number;
  readonly showIds: boolean;
  /** The line every page shows under the count ('' for none). */
  readonly note: string;
  /** The answer to show: the one kept in memory, or the question searched again (signed buttons). */
  answer(index: Searchable): Answer;
}

export interface OpenRequest {
  readonly ownerId: string;
  /** The question as searched (trimmed). */
  readonly query: string;
  /** The case the search was limited to, if any. */
  readonly caseId?: string;
  readonly showIds: boolean;
  /** A line every page shows under the count (which case answered); such answers stay in memory. */
  readonly note?: string;
  readonly answer: Answer;
  readonly now: number;
}

/**
 * @example
 * const paging = new AnswerPaging(new PageTokens(secret), new PageSessions());
 * const { answerId, buttons } = paging.open({ ownerId, query, showIds: false, answer: result, now });
 * const click = paging.click(customId, Date.now()); // PageClick | 'expired'
 */
export class AnswerPaging {
  constructor(
    private readonly tokens: PageTokens,
    private readonly sessions: PageSessions,
  ) {}

  open(request: OpenRequest): OpenedAnswer {
    const state: PageState = {
      query: request.query,
      ...(request.caseId === undefined ? {} : { caseId: request.caseId }),
      page: 0,
      ownerId: request.ownerId,
      showIds: request.showIds,
      expiresAt: request.now + this.sessions.ttlMs,
    };
    const note = request.note ?? '';
    // A note (which case answered, among several) is not carried in the id: such answers stay in memory.
    const signed = note === '' && pageCount(request.answer) - 1 <= MAX_TOKEN_PAGE ? this.signed(state) : null;
    if (signed !== null) return signed;
    // The query (or case id) is too long for a 100-character custom_id, or the owner is not a
    // Discord user id (the console): kept in this process's memory, so only this process can page it.
    const sessionId = this.sessions.create(request.ownerId, request.answer, request.showIds, note);
    return { answerId: sessionId, buttons: sessionButtonIds(sessionId) };
  }

  /** The click's answer, or 'expired' for anything else: expired, forged, tampered, another secret, unknown, lost. */
  click(customId: string, now: number): PageClick | 'expired' {
    if (isPageToken(customId)) {
      const state = this.tokens.read(customId, now);
      const opened = typeof state === 'string' ? null : this.signed(state);
      if (typeof state === 'string' || opened === null) return 'expired';
      const search = (index: Searchable): Answer =>
        answer(index, state.query, { limit: ANSWER_LIMIT, ...(state.caseId === undefined ? {} : { caseId: state.caseId }) });
      return { ...opened, ownerId: state.ownerId, page: state.page, showIds: state.showIds, note: '', answer: search };
    }
    const button = parseCustomId(customId);
    const session = button === null ? 'unknown' : this.sessions.get(button.sessionId, now);
    if (button === null || typeof session === 'string') return 'expired';
    const kept = session.answer;
    return {
      answerId: session.id,
      buttons: sessionButtonIds(session.id),
      ownerId: session.ownerId,
      page: button.page,
      showIds: session.showIds,
      note: session.note,
      answer: () => kept,
    };
  }

  /** Signed ids for every page of a state, or null when it cannot be carried. */
  private signed(state: PageState): OpenedAnswer | null {
    const answerId = this.tokens.answerId(state);
    if (answerId === null || this.tokens.customId(state) === null) return null;
    const tokens = this.tokens;
    return {
      answerId,
      buttons: {
        page(page: number): string {
          // Length does not depend on the page, and pages stay within MAX_TOKEN_PAGE (checked in open).
          const id = tokens.customId({ ...state, page });
          if (id === null) throw new Error(`AnswerPaging: page ${page} cannot be signed`);
          return id;
        },
        info: pageInfoCustomId(answerId),
      },
    };
  }
}
