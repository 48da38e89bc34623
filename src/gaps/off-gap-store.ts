import type { GapsOffReason, LocalGapStore } from './types.js';

/**
 * The gaps store when there is no usable database: records nothing, reports nothing, and says why.
 * The bot answers exactly as it does with gaps on.
 *
 * @param reason why, shown by status and the report (e.g. `{ code: 'database', problem: { code: 'read-only' } }`).
 * @example
 * const gaps = offGapStore({ code: 'disabled' }); // GAPS_DB=off
 * gaps.recordQuestion(question); // false
 */
export function offGapStore(reason: GapsOffReason): LocalGapStore {
  return {
    recordQuestion: () => false,
    recordVote: () => ({ kept: false }),
    report: () => ({ ok: false, reason: { code: 'off', reason } }),
    prune: () => ({ questionDays: 0, votes: 0 }),
    status: () => ({ state: 'off', reason }),
    close: () => undefined,
  };
}
