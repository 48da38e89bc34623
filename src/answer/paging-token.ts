/**
 * Signed paging buttons: the state a "More ▶" click needs (query, case, page, owner, expiry, whether
 * ids are shown) travels in the button's custom_id, signed with an HMAC, so any process holding the
 * same secret can turn the page — no session in one process's memory.
 *
 * Format, version 1 — `cp1:` + base64url (no padding) of a tag and a body, sealed by
 * {@link SignedIds} (src/answer/signed-id.ts: the tag is a truncated HMAC-SHA256 of the body):
 *   tag      10 bytes
 *   expiry    4 bytes  unsigned, whole seconds since the epoch (rounded up)
 *   owner     8 bytes  the asker's Discord user id (a snowflake, unsigned 64-bit)
 *   flags     1 byte   bits 0–3 page (0-based), bit 4 showIds, bit 5 case id present
 *   [case]    1 byte length + UTF-8, only with bit 5
 *   query     the rest, UTF-8
 * At most 100 characters in all (Discord's custom_id limit): 4 + 96, i.e. 72 bytes, which leaves 49
 * bytes of query without a case. Whatever does not fit is refused by {@link PageTokens.customId}
 * and its caller falls back to an in-memory session. A new format gets a new prefix (`cp2:`), so
 * buttons already posted keep the format they were made with.
 */
import { randomBytes } from 'node:crypto';
import { MIN_SECRET_LENGTH, SignedIds } from './signed-id.js';

export { MIN_SECRET_LENGTH };

/** What a signed page button carries. */
export interface PageState {
  /** The question as asked (trimmed); a page turn searches it again. */
  readonly query: string;
  /** Only facts of this case; absent: all cases. */
  readonly caseId?: string;
  /** 0-based page the button leads to. */
  readonly page: number;
  /** Discord user id of the asker; only they may page. */
  readonly ownerId: string;
  /** Whether pages show case and fact ids (a moderator's private answer). */
  readonly showIds: boolean;
  /** Epoch milliseconds; carried in whole seconds, rounded up. */
  readonly expiresAt: number;
}

/** Prefix of every version-1 signed page button. */
export const PAGE_TOKEN_PREFIX = 'cp1:';
/** Bytes of a body without case or query. */
const FIXED_BODY_BYTES = 4 + 8 + 1;
/** Highest page a token can name (4 bits). */
export const MAX_TOKEN_PAGE = 15;
const SHOW_IDS = 0x10;
const HAS_CASE = 0x20;
/** Separates these MACs from any other use of the same secret. */
const DOMAIN = Buffer.from('casebot/page/1\0');
const ANSWER_DOMAIN = Buffer.from('casebot/answer/1\0');
const TOKEN_SHAPE = /^cp1:[A-Za-z0-9_-]{31,96}$/;
const SNOWFLAKE = /^[1-9]\d{0,19}$/;
const MAX_SNOWFLAKE = (1n << 64n) - 1n;

/**
 * A fresh secret for a process that was given none (64 hex characters). Its buttons then work in
 * this process only, and stop at its restart.
 */
export function randomPagingSecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Whether a custom_id has the shape of a signed page button (not whether it is genuine: see
 * {@link PageTokens.read}).
 *
 * @example
 * isPageToken('cp1:' + 'A'.repeat(40)) // true
 * isPageToken('case:page:k3J9_aQx:1') // false
 */
export function isPageToken(customId: unknown): boolean {
  return typeof customId === 'string' && TOKEN_SHAPE.test(customId);
}

/**
 * Signs and reads page buttons with one secret.
 *
 * @example
 * const tokens = new PageTokens(process.env.PAGING_SECRET ?? randomPagingSecret());
 * const id = tokens.customId({ query: 'jaxa', page: 1, ownerId: '123456789012345678', showIds: false, expiresAt: Date.now() + 600_000 });
 * tokens.read(id, Date.now()) // { query: 'jaxa', page: 1, … }
 */
export class PageTokens {
  private readonly ids: SignedIds;

  /** @param secret any string of at least {@link MIN_SECRET_LENGTH} characters. */
  constructor(secret: string) {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`PageTokens: the secret must be at least ${MIN_SECRET_LENGTH} characters`);
    this.ids = new SignedIds(secret);
  }

  /**
   * The custom_id for a state, or null when it cannot be carried: owner not a snowflake (e.g. the
   * console), page above {@link MAX_TOKEN_PAGE}, or query and case too long for 100 characters.
   */
  customId(state: PageState): string | null {
    const body = encodeBody(state);
    return body === null ? null : this.ids.seal(PAGE_TOKEN_PREFIX, DOMAIN, body);
  }

  /**
   * The state a custom_id carries: 'invalid' for anything not signed with this secret (garbage,
   * tampered, another secret, another format), 'expired' once `now` reaches its expiry. Never throws.
   */
  read(customId: unknown, now: number): PageState | 'invalid' | 'expired' {
    if (!isPageToken(customId)) return 'invalid';
    const body = this.ids.open(PAGE_TOKEN_PREFIX, DOMAIN, customId);
    if (body === null || body.length < FIXED_BODY_BYTES) return 'invalid';
    const state = decodeBody(body);
    if (state === null) return 'invalid';
    return now >= state.expiresAt ? 'expired' : state;
  }

  /**
   * A short id for the answer a state pages through (8 base64url characters): the same on every
   * page and in every process with this secret, so the 👍 / 👎 row and the page indicator keep their
   * ids across page turns without storing anything. Null when the state cannot be carried.
   */
  answerId(state: PageState): string | null {
    const body = encodeBody({ ...state, page: 0 });
    return body === null ? null : this.ids.tag(ANSWER_DOMAIN, body).subarray(0, 6).toString('base64url');
  }
}

function encodeBody(state: PageState): Buffer | null {
  if (!SNOWFLAKE.test(state.ownerId) || BigInt(state.ownerId) > MAX_SNOWFLAKE) return null;
  if (!Number.isInteger(state.page) || state.page < 0 || state.page > MAX_TOKEN_PAGE) return null;
  const expiry = Math.ceil(state.expiresAt / 1000);
  if (!Number.isFinite(expiry) || expiry < 0 || expiry > 0xffffffff) return null;
  const caseBytes = state.caseId === undefined ? null : Buffer.from(state.caseId, 'utf8');
  if (caseBytes !== null && (caseBytes.length === 0 || caseBytes.length > 255)) return null;
  const head = Buffer.alloc(13);
  head.writeUInt32BE(expiry, 0);
  head.writeBigUInt64BE(BigInt(state.ownerId), 4);
  head.writeUInt8(state.page | (state.showIds ? SHOW_IDS : 0) | (caseBytes === null ? 0 : HAS_CASE), 12);
  const parts = [head];
  if (caseBytes !== null) parts.push(Buffer.from([caseBytes.length]), caseBytes);
  parts.push(Buffer.from(state.query, 'utf8'));
  return Buffer.concat(parts);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeBody(body: Buffer): PageState | null {
  if (body.length < 13) return null;
  const flags = body.readUInt8(12);
  if ((flags & 0xc0) !== 0) return null;
  let offset = 13;
  let caseId: string | undefined;
  try {
    if ((flags & HAS_CASE) !== 0) {
      const length = body.readUInt8(offset);
      if (length === 0 || offset + 1 + length > body.length) return null;
      caseId = utf8.decode(body.subarray(offset + 1, offset + 1 + length));
      offset += 1 + length;
    }
    const query = utf8.decode(body.subarray(offset));
    const state: PageState = {
      query,
      page: flags & 0x0f,
      ownerId: body.readBigUInt64BE(4).toString(),
      showIds: (flags & SHOW_IDS) !== 0,
      expiresAt: body.readUInt32BE(0) * 1000,
    };
    return caseId === undefined ? state : { ...state, caseId };
  } catch {
    // Only a body we signed gets here, so this is a bug or a changed format: treat it as invalid.
    return null;
  }
}
