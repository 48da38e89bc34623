import type { Answer } from '../answer/types.js';
import type { GapKind } from '../gaps/types.js';

/**
 * Whether an answer is a knowledge gap worth showing moderators, and which kind:
 * - `unanswered`: no fact at all, and the question is about the case (an off-topic question,
 *   `Answer.offTopic`, is no gap: "how many members does this server have" is not for moderators);
 * - `weak`: facts, but none covering the whole question — some words of it are in no fact
 *   (`unmatched`, which the reply names too), or the best fact shares no word with the question
 *   and was found by meaning alone;
 * - null: the answer covers the question (and a fact picked in autocomplete always does).
 *
 * @example
 * gapKindOf({ query: 'kato speech', results: [katoFact], suggestions: [], unmatched: ['speech'] }) // 'weak'
 */
export function gapKindOf(answer: Answer): GapKind | null {
  const best = answer.results[0];
  if (best === undefined) return answer.offTopic === true ? null : 'unanswered';
  // The value of a fact picked in autocomplete is its key, which finds exactly that fact.
  if (answer.results.length === 1 && answer.query.trim() === `${best.case}/${best.id}`) return null;
  if (answer.unmatched.length > 0) return 'weak';
  if (best.matched.length === 0) return 'weak';
  return null;
}

/** The case id questions are recorded under when no case can be told (several cases, no fact found). */
export const ALL_CASES = '*';

/**
 * The case a question is recorded under: its best fact's case, else the only case served, else
 * {@link ALL_CASES}.
 *
 * @example
 * gapCaseId(noResults, ['tick-jaxa']) // 'tick-jaxa'
 */
export function gapCaseId(answer: Answer, caseIds: readonly string[]): string {
  return answer.results[0]?.case ?? (caseIds.length === 1 ? (caseIds[0] ?? ALL_CASES) : ALL_CASES);
}
