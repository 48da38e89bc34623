/**
 * Turns text into the terms the index stores or a query asks for: tokens, normalised, stop words
 * dropped. One place, so the index, queries and alias names can never drift apart.
 */
import { analyzeText, normalizeToken } from './text.js';

/** A normalised term and the surface word it came from (lowercased; for display and completion). */
export interface Term {
  readonly term: string;
  readonly surface: string;
  /** CJK bigrams are matched exactly: no prefix or typo tolerance. */
  readonly bigram: boolean;
}

/**
 * The normalised terms of `text`, in order, stop words removed.
 *
 * @example
 * termsOf('The seller canceled it', 'query').map((t) => t.term) // => ['seller', 'cancel']
 */
export function termsOf(text: string, mode: 'index' | 'query'): Term[] {
  const out: Term[] = [];
  for (const token of analyzeText(text, mode)) {
    const term = normalizeToken(token);
    if (term === null) continue;
    out.push({ term, surface: surfaceOf(token.raw), bigram: token.kind === 'bigram' });
  }
  return out;
}

/** How a word is shown back to people: width/case folded, ASCII apostrophes, no possessive. */
export function surfaceOf(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘ʼ`´′]/g, "'")
    .replace(/'s$/, '');
}
