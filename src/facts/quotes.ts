/**
 * Text helpers for checking that a quote occurs verbatim in its source document.
 *
 * "Verbatim" is judged after folding away differences a moderator cannot see or reasonably type:
 * Unicode compatibility forms, whitespace runs (re-wrapped lines), typographic quotes and dashes.
 * Letters stay case-sensitive: a quote that changes a word is not a quote.
 */

const QUOTE_FOLD: Readonly<Record<string, string>> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"',
};
const TYPOGRAPHIC_QUOTES = /[‘’‚‛′“”„‟″«»]/gu;
// U+2010/U+2011 (hyphens) are folded too: NFKC alone leaves them, and they look like '-'.
const DASHES = /[‐‑‒–—―]/gu;
const WHITESPACE_RUN = /\s+/gu;

/**
 * Folds text for quote matching: typographic quotes/apostrophes → ASCII `'`/`"`, dashes → `-`,
 * NFKC, whitespace runs → one space, trimmed. Case is kept.
 *
 * Quotes are folded before NFKC because NFKC would turn `″` into two primes.
 *
 * @example
 * foldForQuoteMatch('the company didn’t\n   exist — “really”') // → `the company didn't exist - "really"`
 */
export function foldForQuoteMatch(text: string): string {
  return text
    .replace(TYPOGRAPHIC_QUOTES, (c) => QUOTE_FOLD[c] ?? c)
    .replace(DASHES, '-')
    .normalize('NFKC')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/** Words ending in '.' that usually do not end a sentence. Compared lower-case, without the final dot. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'no',
  'inc', 'ltd', 'co', 'corp', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'capt', 'sgt', 'a.m', 'p.m', 'approx',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'vol', 'p', 'pp',
]);

// A Latin terminator followed by optional closing quotes/brackets and whitespace; a CJK terminator
// (no space follows it in CJK text); or a line break, since sources keep one paragraph or line each.
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s|$)|[。！？]+[」』”’）)]*|\n/gu;

/**
 * Splits text into sentences (trimmed, non-empty, original characters kept). Line breaks always end
 * a sentence; common abbreviations ("Mr.", "U.S.", initials) and a following lower-case word do not.
 *
 * @example
 * splitSentences('Mr. Kato spoke. The U.S. agreed!\nNext line') // → ['Mr. Kato spoke.', 'The U.S. agreed!', 'Next line']
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && !isSentenceEnd(text, start, match.index, end)) continue;
    const piece = text.slice(start, end).trim();
    if (piece.length > 0) sentences.push(piece);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences;
}

function isSentenceEnd(text: string, start: number, dotAt: number, end: number): boolean {
  const word = /[\p{L}\p{N}.]+$/u.exec(text.slice(Math.max(start, dotAt - 20), dotAt))?.[0] ?? '';
  if (word.length === 1 && /\p{Lu}/u.test(word)) return false; // an initial: "J. Smith"
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  const next = /\S/u.exec(text.slice(end, end + 40));
  // "e.g. this" style: a sentence does not start lower-case.
  return !(next !== null && /\p{Ll}/u.test(next[0]));
}
