/**
 * Signed 👍 / 👎 buttons: what a vote needs — the case, the question, the direction, an expiry —
 * travels in the button's custom_id, signed with the paging secret (one signer, {@link SignedIds};
 * its own prefix and domain), so a vote still counts after the bot restarts, or on another
 * replica, when they share `PAGING_SECRET`. Nothing is stored to make that work: the question is
 * already in the answer's message, and the facts the answer showed are found again by searching it.
 *
 * Format, version 1 — `cv1:` + base64url (no padding) of a tag (10 bytes) and:
 *   expiry    4 bytes  unsigned, whole seconds since the epoch (rounded up)
 *   flags     1 byte   bit 0: 👎 (else 👍); other bits 0
 *   case      1 byte length + UTF-8 (1–255 bytes)
 *   query     the rest, UTF-8
 * 72 bytes in all within 100 characters: a 9-byte case id (`tick-jaxa`) leaves 47 bytes of
 * question. A longer one gets no signed buttons (its caller keeps the answer in memory instead).
 */
import { SignedIds } from './signed-id.js';

/** 👍 (`up`) or 👎 (`down`). */
export type VoteDirection = 'up' | 'down';

/** Prefix of every version-1 signed vote button. */
export const VOTE_TOKEN_PREFIX = 'cv1:';
const DOMAIN = Buffer.from('casebot/vote/1\0');
const HEAD_BYTES = 4 + 1 + 1;
const DOWN = 0x01;

/** What a signed vote button carries. */
export interface VoteState {
  /** The case of the answer's best fact: votes are kept per case and question. */
  readonly caseId: string;
  /** The question as searched (trimmed). */
  readonly query: string;
  /** Epoch milliseconds; carried in whole seconds, rounded up. */
  readonly expiresAt: number;
}

/** A genuine, unexpired vote click. */
export interface VoteClick extends VoteState {
  readonly vote: VoteDirection;
}

/**
 * Whether a custom_id is meant as a signed vote button (not whether it is genuine: see
 * {@link VoteTokens.read}).
 */
export function isVoteToken(customId: unknown): boolean {
  return typeof customId === 'string' && customId.startsWith(VOTE_TOKEN_PREFIX);
}

/**
 * @example
 * const votes = new VoteTokens(secret);
 * const ids = votes.customIds({ caseId: 'tick-jaxa', query: 'jaxa', expiresAt: Date.now() + 86_400_000 });
 * votes.read(ids?.down, Date.now()) // { caseId: 'tick-jaxa', query: 'jaxa', vote: 'down', expiresAt: … }
 */
export class VoteTokens {
  private readonly ids: SignedIds;

  /** @param secret at least 32 characters (PAGING_SECRET, or a random one per process). */
  constructor(secret: string) {
    this.ids = new SignedIds(secret);
  }

  /** Both buttons' ids, or null when the case and question do not fit in 100 characters. */
  customIds(state: VoteState): { readonly up: string; readonly down: string } | null {
    const up = this.seal(state, 'up');
    const down = this.seal(state, 'down');
    return up === null || down === null ? null : { up, down };
  }

  /**
   * The vote a custom_id carries: 'invalid' for anything not signed with this secret (garbage,
   * tampered, another secret — e.g. a restart without PAGING_SECRET), 'expired' once `now` reaches
   * its expiry. Never throws.
   */
  read(customId: unknown, now: number): VoteClick | 'invalid' | 'expired' {
    const body = this.ids.open(VOTE_TOKEN_PREFIX, DOMAIN, customId);
    if (body === null) return 'invalid';
    const click = decode(body);
    if (click === null) return 'invalid';
    return now >= click.expiresAt ? 'expired' : click;
  }

  private seal(state: VoteState, vote: VoteDirection): string | null {
    const expiry = Math.ceil(state.expiresAt / 1000);
    const caseBytes = Buffer.from(state.caseId, 'utf8');
    if (!Number.isFinite(expiry) || expiry < 0 || expiry > 0xffffffff) return null;
    if (caseBytes.length === 0 || caseBytes.length > 255) return null;
    const head = Buffer.alloc(HEAD_BYTES);
    head.writeUInt32BE(expiry, 0);
    head.writeUInt8(vote === 'down' ? DOWN : 0, 4);
    head.writeUInt8(caseBytes.length, 5);
    return this.ids.seal(VOTE_TOKEN_PREFIX, DOMAIN, Buffer.concat([head, caseBytes, Buffer.from(state.query, 'utf8')]));
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(body: Buffer): VoteClick | null {
  if (body.length < HEAD_BYTES) return null;
  const flags = body.readUInt8(4);
  const caseLength = body.readUInt8(5);
  if ((flags & ~DOWN) !== 0 || caseLength === 0 || HEAD_BYTES + caseLength > body.length) return null;
  try {
    return {
      caseId: utf8.decode(body.subarray(HEAD_BYTES, HEAD_BYTES + caseLength)),
      query: utf8.decode(body.subarray(HEAD_BYTES + caseLength)),
      vote: (flags & DOWN) !== 0 ? 'down' : 'up',
      expiresAt: body.readUInt32BE(0) * 1000,
    };
  } catch {
    // Only a body we signed gets here, so this is a bug or a changed format: treat it as invalid.
    return null;
  }
}
