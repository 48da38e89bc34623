/**
 * Turns text into the terms the index stores or a query asks for: tokens, normalised, stop words
 * dropped. One place, so the index, queries and alias names can never drift apart.
 */
import { BoundedCache } from '../shared/bounded-cache.js';
import { analyzeText, CHUNK, normalizeTerm, normalizeToken, NO_SPACE_SCRIPT, subwordOf } from './text.js';

/** A normalised term and the surface word it came from (lowercased; for display and completion). */
export interface Term {
  readonly term: string;
  readonly surface: string;
  /** CJK bigrams are matched exactly: no prefix or typo tolerance. */
  readonly bigram: boolean;
  /** A sub-word indexed in addition to its compound (`attack` of `cyberattacks`); never shown. */
  readonly derived: boolean;
}

/** Text without CJK or other unspaced scripts (most facts) needs no segmenter, only the word regex. */
const CHUNKS = new RegExp(CHUNK.source, 'gu');

/**
 * The normalised terms of `text`, in order, stop words removed. In `index` mode a compound with a
 * known prefix also yields its sub-word (`cyberattacks` → `cyberattack`, `attack`).
 *
 * @example
 * termsOf('The seller canceled it', 'query').map((t) => t.term) // => ['seller', 'cancel']
 */
export function termsOf(text: string, mode: 'index' | 'query'): Term[] {
  const out: Term[] = [];
  if (!NO_SPACE_SCRIPT.test(text)) {
    // Exactly the general path's tokens for such text (every chunk is a word), without its objects.
    for (const match of text.matchAll(CHUNKS)) push(out, wordTerms(match[0]), mode);
    return out;
  }
  for (const token of analyzeText(text, mode)) {
    if (token.kind === 'word') push(out, wordTerms(token.raw), mode);
    else {
      const term = normalizeToken(token);
      if (term !== null) out.push({ term, surface: surfaceOf(token.raw), bigram: token.kind === 'bigram', derived: false });
    }
  }
  return out;
}

/** A word's term and its sub-word's, or null for a stop word. */
type WordTerms = readonly [Term, Term | null] | null;

function push(out: Term[], terms: WordTerms, mode: 'index' | 'query'): void {
  if (terms === null) return;
  out.push(terms[0]);
  if (mode === 'index' && terms[1] !== null) out.push(terms[1]);
}

/**
 * Word frequencies are Zipfian, so a bounded cache of each word's (immutable) terms answers most
 * tokens of a large build with one lookup and no allocation.
 */
const words = new BoundedCache<string, WordTerms>(50_000);

function wordTerms(raw: string): WordTerms {
  return words.through(raw, computeWordTerms);
}

function computeWordTerms(raw: string): WordTerms {
  const term = normalizeTerm(raw);
  let result: WordTerms = null;
  if (term !== null) {
    const surface = surfaceOf(raw);
    const sub = subwordOf(surface);
    const subTerm = sub === null ? null : normalizeTerm(sub);
    const derived =
      sub !== null && subTerm !== null && subTerm !== term ? { term: subTerm, surface: sub, bigram: false, derived: true } : null;
    result = [{ term, surface, bigram: false, derived: false }, derived];
  }
  return result;
}

const surfaces = new BoundedCache<string, string>(50_000);

/** How a word is shown back to people: width/case folded, ASCII apostrophes, no possessive. */
export function surfaceOf(raw: string): string {
  return surfaces.through(raw, (word) =>
    word
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘ʼ`´′]/g, "'")
      .replace(/'s$/, ''),
  );
}
