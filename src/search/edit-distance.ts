/** How far a query term may be from an indexed term and still match as a typo (see shared/edit-distance.ts for the distance). */
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
