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
  const width = b.length + 1;
  if (scratch.length < 3 * width) scratch = new Int32Array(3 * width * 2);
  // Three rows of `scratch`, rotated by offset: the one before the previous (for transpositions), the previous, the current.
  let beforePrevious = 0;
  let previous = width;
  let current = 2 * width;
  const rows = scratch;
  for (let j = 0; j < width; j++) {
    rows[beforePrevious + j] = 0;
    rows[previous + j] = j;
  }
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(itemAt(rows, previous + j) + 1, itemAt(rows, current + j - 1) + 1, itemAt(rows, previous + j - 1) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, itemAt(rows, beforePrevious + j - 2) + 1);
      }
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    // A later row builds on this row and (for transpositions) the one before it.
    if (rowMin > max && previousMin > max) return max + 1;
    previousMin = rowMin;
    const oldest = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = oldest;
  }
  return Math.min(itemAt(rows, previous + b.length), max + 1);
}

/**
 * The rows of the table, reused: this runs for every word of every passage an answer highlights, and
 * three arrays per call were a sixteenth of all a `/case` allocated. Safe to share: the function is
 * synchronous and calls nothing that could call it again. Grows to the longest word compared.
 */
let scratch = new Int32Array(3 * 64);
