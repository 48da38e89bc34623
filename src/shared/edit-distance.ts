import { itemAt } from './must.js';

/**
 * The one edit distance in casebot: optimal string alignment (Levenshtein plus adjacent
 * transpositions, so `qoute` is one edit from `quote`), in UTF-16 code units, giving up early:
 * returns `max + 1` as soon as the distance is known to exceed `max`, so checking a long word
 * against a short one costs little. Used for typo tolerance in search and for "did you mean"
 * hints to moderators.
 *
 * @example
 * editDistance('jaxs', 'jaxa', 1) // => 1
 * editDistance('qoute', 'quote') // => 1
 * editDistance('pizza', 'jaxa', 1) // => 2 (more than 1)
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(itemAt(previous, j) + 1, itemAt(current, j - 1) + 1, itemAt(previous, j - 1) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, itemAt(beforePrevious, j - 2) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // A later row builds on this row and (for transpositions) the one before it.
    if (rowMin > max && previousMin > max) return max + 1;
    previousMin = rowMin;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(itemAt(previous, b.length), max + 1);
}
