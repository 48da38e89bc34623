/**
 * Levenshtein distance between `a` and `b`, giving up early: returns `max + 1` as soon as the
 * distance is known to exceed `max`, so checking a long word against a short one costs little.
 *
 * @example
 * boundedEditDistance('jaxs', 'jaxa', 1) // => 1
 * boundedEditDistance('pizza', 'jaxa', 1) // => 2 (more than 1)
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1);
}

/**
 * How many edits a term of this length may be away from an indexed term and still match. Short
 * terms get none: "kat" → "cat", "bat", "hat" would be noise, and fuzzy lookups on short keys
 * visit most of the vocabulary.
 *
 * @example
 * fuzzyDistanceFor('jaxs') // => 1
 * fuzzyDistanceFor('cyberatack') // => 2
 * fuzzyDistanceFor('pla') // => 0
 */
export function fuzzyDistanceFor(term: string): number {
  const length = codePointLength(term);
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** `[...text].length` without building the array (this runs for every token of every rendered passage). */
function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}
