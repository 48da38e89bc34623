/** "Did you mean" for names moderators type (fields, ids). */
import { editDistance } from '../shared/edit-distance.js';

/**
 * The candidate closest to `name` if it is plausibly a typo of it (case-insensitive; at most one
 * edit per three characters), else undefined.
 *
 * @example
 * closestName('qoute', ['source', 'quote']) // → 'quote'
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(wanted.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
