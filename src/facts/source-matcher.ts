import { foldForQuoteMatch, splitSentences } from './quotes.js';
import { editDistance } from './text-distance.js';

interface IndexedSentence {
  readonly text: string;
  readonly folded: string;
  readonly tokenCount: number;
}

/** What {@link SourceMatcher.closest} found for a quote that is not in the source. */
export interface ClosestSentence {
  /** The source sentence, as written in the source. */
  readonly sentence: string;
  /** True when the quote does occur in the source if upper/lower case is ignored. */
  readonly differsOnlyInCase: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CANDIDATES_FOR_EDIT_DISTANCE = 5;
const EDIT_DISTANCE_CHARS = 400;

/** Lower-cased word tokens; CJK runs (no spaces between words) also give character bigrams. */
function tokens(folded: string): Set<string> {
  const out = new Set<string>();
  for (const word of folded.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length === 0) continue;
    out.add(word);
    if (CJK.test(word)) for (let i = 0; i + 1 < word.length; i += 1) out.add(word.slice(i, i + 2));
  }
  return out;
}

/**
 * One source document, folded once, answering "does this quote occur in it?" quickly and, only
 * when it does not, "which sentence did the moderator probably mean?".
 *
 * @example
 * const m = new SourceMatcher('The seller canceled. The company didn’t exist.');
 * m.contains(foldForQuoteMatch("The company didn't exist.")) // → true
 * m.closest('The company did not exist.')?.sentence           // → 'The company didn’t exist.'
 */
export class SourceMatcher {
  private readonly folded: string;
  private foldedSentences: Set<string> | undefined;
  private sentences: IndexedSentence[] | undefined;
  private postings: Map<string, number[]> | undefined;
  private foldedLower: string | undefined;

  constructor(private readonly text: string) {
    this.folded = foldForQuoteMatch(text);
  }

  /** Whether an already folded quote occurs in the folded source. */
  contains(foldedQuote: string): boolean {
    if (foldedQuote.length === 0) return false;
    // Quotes are usually whole sentences: a set lookup avoids scanning a large source per quote.
    this.foldedSentences ??= new Set(splitSentences(this.text).map(foldForQuoteMatch));
    return this.foldedSentences.has(foldedQuote) || this.folded.includes(foldedQuote);
  }

  /** The source sentence most like `quote` (by shared words, then edit distance), or undefined for an empty source. */
  closest(quote: string): ClosestSentence | undefined {
    const foldedQuote = foldForQuoteMatch(quote);
    this.foldedLower ??= this.folded.toLowerCase();
    const differsOnlyInCase = foldedQuote.length > 0 && this.foldedLower.includes(foldedQuote.toLowerCase());
    const sentences = this.indexSentences();
    const postings = this.postings ?? new Map<string, number[]>();
    if (sentences.length === 0) return undefined;

    const quoteTokens = tokens(foldedQuote);
    const shared = new Map<number, number>();
    for (const token of quoteTokens) {
      for (const i of postings.get(token) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    let candidates: number[];
    if (shared.size > 0) {
      const dice = (i: number): number => (2 * (shared.get(i) ?? 0)) / (quoteTokens.size + (sentences[i]?.tokenCount ?? 0));
      candidates = [...shared.keys()].sort((a, b) => dice(b) - dice(a) || a - b).slice(0, CANDIDATES_FOR_EDIT_DISTANCE);
    } else {
      candidates = sentences.map((_, i) => i).slice(0, 200);
    }
    const probe = foldedQuote.slice(0, EDIT_DISTANCE_CHARS);
    let best = candidates[0] ?? 0;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const i of candidates) {
      const folded = sentences[i]?.folded ?? '';
      const score = editDistance(probe, folded.slice(0, EDIT_DISTANCE_CHARS)) / Math.max(1, probe.length, Math.min(folded.length, EDIT_DISTANCE_CHARS));
      if (score < bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return { sentence: sentences[best]?.text ?? '', differsOnlyInCase };
  }

  private indexSentences(): IndexedSentence[] {
    if (this.sentences) return this.sentences;
    const postings = new Map<string, number[]>();
    const sentences = splitSentences(this.text).map((text, i) => {
      const folded = foldForQuoteMatch(text);
      const sentenceTokens = tokens(folded);
      for (const token of sentenceTokens) {
        const list = postings.get(token);
        if (list) list.push(i);
        else postings.set(token, [i]);
      }
      return { text, folded, tokenCount: sentenceTokens.size };
    });
    this.sentences = sentences;
    this.postings = postings;
    return sentences;
  }
}
