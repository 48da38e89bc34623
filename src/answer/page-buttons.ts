/**
 * Whether a custom_id is a page button of either kind: an in-memory session's or a signed one.
 */
import { parseCustomId } from './paging.js';
import { isPageToken } from './paging-token.js';

/**
 * Shape only: whether the click is genuine and current is for `CaseBot.handlePageButton` to say.
 *
 * @example
 * isPageButton('case:page:k3J9_aQx:1') // true
 * isPageButton('case:vote:k3J9_aQx:up') // false
 */
export function isPageButton(customId: unknown): boolean {
  return parseCustomId(customId) !== null || isPageToken(customId);
}
