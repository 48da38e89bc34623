/**
 * Paging sessions of `/case` answers kept in this process's memory, and the custom_ids of their
 * buttons. The answer is kept for a while so "More ▶" can show the next page without searching
 * again; a button's custom_id names the session and the page. (Most answers carry their paging
 * state in signed buttons instead; `AnswerPaging` in answer-paging.ts picks between the two.)
 */
import { randomBytes } from 'node:crypto';
import type { PageButtonIds } from '../answer/render-answer.js';
import type { Answer } from '../answer/types.js';

export interface PageSession {
  readonly id: string;
  /** Discord user id of the person who asked; only they may page. */
  readonly ownerId: string;
  readonly answer: Answer;
  /** Whether its pages show case and fact ids (a moderator's private answer). */
  readonly showIds: boolean;
  /** A markdown line shown under the count line of every page (e.g. which case the answer is from); '' for none. */
  readonly note: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface PageSessionsOptions {
  /** How long buttons keep working. Default 10 minutes. */
  readonly ttlMs?: number;
  /** Most sessions kept; the oldest is evicted first. Default 10 000. */
  readonly maxSize?: number;
  /** Clock in epoch milliseconds; injectable for tests. Default `Date.now`. */
  readonly now?: () => number;
  /** Session id generator; injectable for tests. Default 8 random base64url characters. */
  readonly newId?: () => string;
}

/** What a button's custom_id says, once parsed. */
export interface PageButtonId {
  readonly kind: 'page';
  readonly sessionId: string;
  /** 0-based. */
  readonly page: number;
}

const SESSION_ID = /^[A-Za-z0-9_-]{1,12}$/;
const PAGE_CUSTOM_ID = /^case:page:([A-Za-z0-9_-]{1,12}):(0|[1-9]\d{0,3})$/;
/** custom_id of the disabled page indicator; unique per message, never clicked. */
const INFO_PREFIX = 'case:info:';

/**
 * Sessions kept in memory (lost on restart, which then reads as expired to the user).
 *
 * @example
 * const sessions = new PageSessions({ ttlMs: 60_000 });
 * const id = sessions.create(interaction.user.id, answer);
 * const session = sessions.get(id); // PageSession | 'expired' | 'unknown'
 */
export class PageSessions {
  /** How long buttons keep working; signed buttons (src/answer/paging-token.ts) expire after the same time. */
  readonly ttlMs: number;
  private readonly maxSize: number;
  private readonly now: () => number;
  private readonly newId: () => string;
  /** Insertion order is creation order, so the first entries are the oldest. */
  private readonly sessions = new Map<string, PageSession>();
  /** Ids of sessions dropped after expiring, so a late click says "expired" rather than "unknown". */
  private readonly expired = new Set<string>();

  constructor(options: PageSessionsOptions = {}) {
    this.ttlMs = Math.max(1, options.ttlMs ?? 10 * 60_000);
    this.maxSize = Math.max(1, Math.floor(options.maxSize ?? 10_000));
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? newAnswerId;
  }

  /** Number of live (not yet dropped) sessions. */
  get size(): number {
    return this.sessions.size;
  }

  /**
   * Stores an answer for paging and returns its session id (≤ 12 characters of [A-Za-z0-9_-]).
   * `showIds`: every page of it shows case and fact ids, as its first page did. `note`: a line every
   * page shows, as its first page did (which case the answer is from).
   *
   * @example
   * sessions.create('123456789012345678', answer) // 'k3J9_aQx'
   */
  create(ownerId: string, answer: Answer, showIds = false, note = ''): string {
    const now = this.now();
    this.dropExpired(now);
    let id = this.newId();
    for (let attempt = 0; !SESSION_ID.test(id) || this.sessions.has(id) || this.expired.has(id); attempt += 1) {
      if (attempt >= 10) throw new Error('PageSessions: could not generate a fresh session id');
      id = newAnswerId();
    }
    while (this.sessions.size >= this.maxSize) {
      const oldest = this.sessions.keys().next();
      if (oldest.done === true) break;
      this.sessions.delete(oldest.value);
    }
    this.sessions.set(id, { id, ownerId, answer, showIds, note, createdAt: now, expiresAt: now + this.ttlMs });
    return id;
  }

  /**
   * The session, or why there is none: 'expired' (it existed and timed out) or 'unknown'
   * (never existed here, evicted, or lost in a restart).
   *
   * @example
   * sessions.get('nope') // 'unknown'
   */
  get(id: string, now: number = this.now()): PageSession | 'expired' | 'unknown' {
    const session = this.sessions.get(id);
    if (session === undefined) return this.expired.has(id) ? 'expired' : 'unknown';
    if (now >= session.expiresAt) {
      this.sessions.delete(id);
      this.remember(id);
      return 'expired';
    }
    return session;
  }

  /** Forgets a session (e.g. when its message is deleted). */
  delete(id: string): void {
    this.sessions.delete(id);
  }

  private dropExpired(now: number): void {
    // Sessions share one TTL, so expired ones are all at the front.
    for (const session of this.sessions.values()) {
      if (now < session.expiresAt) break;
      this.sessions.delete(session.id);
      this.remember(session.id);
    }
  }

  private remember(id: string): void {
    this.expired.add(id);
    // Ids are tiny, but the set must stay bounded all the same.
    while (this.expired.size > this.maxSize) {
      const oldest = this.expired.values().next();
      if (oldest.done === true) break;
      this.expired.delete(oldest.value);
    }
  }
}

/**
 * The button ids of an in-memory session.
 *
 * @example
 * sessionButtonIds('k3J9_aQx').page(2) // 'case:page:k3J9_aQx:2'
 */
export function sessionButtonIds(sessionId: string): PageButtonIds {
  return { page: (page) => pageCustomId(sessionId, page), info: pageInfoCustomId(sessionId) };
}

/**
 * A fresh answer id: 8 random base64url characters (6 bytes). Session ids are made this way.
 */
export function newAnswerId(): string {
  return randomBytes(6).toString('base64url');
}

/**
 * The custom_id of a page button: `case:page:<sessionId>:<page>` (page 0-based).
 *
 * @example
 * pageCustomId('k3J9_aQx', 2) // 'case:page:k3J9_aQx:2'
 */
export function pageCustomId(sessionId: string, page: number): string {
  return `case:page:${sessionId}:${page}`;
}

/**
 * custom_id of the disabled "Page 2 of 3" indicator between the buttons.
 *
 * @example
 * pageInfoCustomId('k3J9_aQx') // 'case:info:k3J9_aQx'
 */
export function pageInfoCustomId(sessionId: string): string {
  return `${INFO_PREFIX}${sessionId}`;
}

/**
 * Parses a button's custom_id; null for anything that is not a well-formed page button
 * (other buttons, stale formats, garbage, absurd page numbers). Never throws.
 *
 * @example
 * parseCustomId('case:page:k3J9_aQx:2') // { kind: 'page', sessionId: 'k3J9_aQx', page: 2 }
 * parseCustomId('case:page:../../x:1e9') // null
 */
export function parseCustomId(customId: unknown): PageButtonId | null {
  if (typeof customId !== 'string' || customId.length > 100) return null;
  const match = PAGE_CUSTOM_ID.exec(customId);
  const sessionId = match?.[1];
  const page = match?.[2];
  if (sessionId === undefined || page === undefined) return null;
  return { kind: 'page', sessionId, page: Number(page) };
}
