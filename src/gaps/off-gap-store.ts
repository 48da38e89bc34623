import type { LocalGapStore } from './types.js';

/**
 * The gaps store when there is no usable database: records nothing, reports nothing, and says why.
 * The bot answers exactly as it does with gaps on.
 *
 * @param reason one sentence for moderators, e.g. "Knowledge gaps are off: the database file is read-only; …".
 * @example
 * const gaps = offGapStore('Knowledge gaps are off: GAPS_DB is set to "off".');
 * gaps.recordQuestion(question); // false
 */
export function offGapStore(reason: string): LocalGapStore {
  return {
    recordQuestion: () => false,
    recordVote: () => ({ kept: false }),
    report: () => ({ ok: false, reason }),
    prune: () => ({ questionDays: 0, votes: 0 }),
    status: () => ({ state: 'off', reason }),
    close: () => undefined,
  };
}
