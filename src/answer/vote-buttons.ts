/**
 * 👍 / 👎 under an answer: the row they sit in, and the unsigned custom_id of an answer kept in
 * memory (`case:vote:<answerId>:up|down`, naming it by its paging id). Most vote buttons are signed
 * instead and carry their own state (src/answer/vote-token.ts); the memory form is for a question
 * too long for a signed button.
 */
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { APIActionRowComponent, APIButtonComponent } from 'discord-api-types/v10';
import type { Reply } from './reply.js';
import { EN, type Catalog } from './locale/index.js';
import { VOTE_TOKEN_PREFIX, type VoteDirection } from './vote-token.js';

export type { VoteDirection };

/** What a vote button's custom_id says, once parsed. */
export interface VoteButtonId {
  readonly kind: 'vote';
  readonly answerId: string;
  readonly vote: VoteDirection;
}

/** Prefix of a vote button naming an answer kept in memory. */
export const VOTE_PREFIX = 'case:vote:';
/** Every vote button's custom_id starts with one of these. */
const PREFIXES = [VOTE_PREFIX, VOTE_TOKEN_PREFIX];
const VOTE_CUSTOM_ID = /^case:vote:([A-Za-z0-9_-]{1,12}):(up|down)$/;

/**
 * The custom_id of a vote button: `case:vote:<answerId>:up|down` (at most 27 characters).
 *
 * @example
 * voteCustomId('k3J9_aQx', 'down') // 'case:vote:k3J9_aQx:down'
 */
export function voteCustomId(answerId: string, vote: VoteDirection): string {
  return `${VOTE_PREFIX}${answerId}:${vote}`;
}

/**
 * Parses a vote button's custom_id; null for anything else (page buttons, garbage). Never throws.
 *
 * @example
 * parseVoteCustomId('case:vote:k3J9_aQx:up') // { kind: 'vote', answerId: 'k3J9_aQx', vote: 'up' }
 * parseVoteCustomId('case:vote:k3J9_aQx:maybe') // null
 */
export function parseVoteCustomId(customId: unknown): VoteButtonId | null {
  if (typeof customId !== 'string' || customId.length > 100) return null;
  const match = VOTE_CUSTOM_ID.exec(customId);
  const answerId = match?.[1];
  const vote = match?.[2];
  if (answerId === undefined || (vote !== 'up' && vote !== 'down')) return null;
  return { kind: 'vote', answerId, vote };
}

/** The custom_ids of an answer's 👍 and 👎 buttons. */
export interface VoteIds {
  readonly up: string;
  readonly down: string;
}

/** The ids of the buttons of an answer kept in memory. */
export function memoryVoteIds(answerId: string): VoteIds {
  return { up: voteCustomId(answerId, 'up'), down: voteCustomId(answerId, 'down') };
}

/**
 * The row of 👍 / 👎 buttons for an answer: its own action row, so it never crowds the paging row
 * (two rows of at most three buttons, within Discord's five by five).
 *
 * @example
 * voteRow(memoryVoteIds('k3J9_aQx')).components.map((b) => 'custom_id' in b && b.custom_id)
 * // ['case:vote:k3J9_aQx:up', 'case:vote:k3J9_aQx:down']
 */
export function voteRow(ids: VoteIds, t: Catalog = EN): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: t.t('vote.up'), custom_id: ids.up },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: t.t('vote.down'), custom_id: ids.down },
    ],
  };
}

/**
 * The reply without its vote row: for places where nobody can click (the console prints buttons
 * as text).
 */
export function withoutVoteButtons<R extends Reply>(reply: R): R {
  if (reply.components === undefined) return reply;
  const rows = reply.components.filter(
    (row) => !row.components.some((b) => 'custom_id' in b && PREFIXES.some((prefix) => b.custom_id.startsWith(prefix))),
  );
  if (rows.length === reply.components.length) return reply;
  const copy: R = { ...reply };
  if (rows.length > 0) copy.components = rows;
  else delete copy.components;
  return copy;
}
