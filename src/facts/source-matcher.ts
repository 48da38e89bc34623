import { foldForQuoteMatch, splitSentences } from './quotes.js';
import { compareWords } from './word-diff.js';
import { itemAt, must } from '../shared/must.js';

interface IndexedSentence {
  readonly text: string;
  readonly folded: string;
  readonly tokenCount: number;
}

/**
 * Where a folded quote stands in the source (see {@link SourceMatcher.locate}):
 * - `sentences`: it is one whole sentence, or several consecutive whole sentences;
 * - `part`: it is a run of whole words inside the source but not whole sentences; `sentence` is the
 *   sentence that holds it (undefined when it runs across a sentence end);
 * - `absent`: it does not occur (or only cutting a word in two).
 */
export type QuotePlace =
  | { readonly kind: 'sentences' }
  | { readonly kind: 'part'; readonly sentence: string | undefined }
  | { readonly kind: 'absent' };

/** What {@link SourceMatcher.closest} found for a quote that is not in the source. */
export interface ClosestSentence {
  /** The source sentence, as written in the source. */
  readonly sentence: string;
  /** True when the quote does occur in the source if upper/lower case is ignored. */
  readonly differsOnlyInCase: boolean;
}

const SENTENCES: QuotePlace = { kind: 'sentences' };
const ABSENT: QuotePlace = { kind: 'absent' };
const WORD_CHAR = /[\p{L}\p{N}]/u;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Sentences sharing the most words with a quote, compared word by word in order to pick the closest. */
const CANDIDATES_FOR_ALIGNMENT = 5;

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

/** A word character that is not CJK: only those join with a neighbour into one word. */
function joinsWords(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char) && !CJK.test(char);
}

/** First index of `needle` in `haystack` where it does not cut a word in two, or -1. */
function indexOfWords(haystack: string, needle: string): number {
  const cutsStart = joinsWords(needle[0]);
  const cutsEnd = joinsWords(needle[needle.length - 1]);
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = cutsStart && joinsWords(haystack[at - 1]);
    const after = cutsEnd && joinsWords(haystack[at + needle.length]);
    if (!before && !after) return at;
  }
  return -1;
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

  /** Whether an already folded quote occurs in the folded source, as a run of whole words. */
  contains(foldedQuote: string): boolean {
    return this.locate(foldedQuote).kind !== 'absent';
  }

  /**
   * Where an already folded quote stands in the source: whole sentence(s), part of a sentence, or
   * absent. A quote that starts or ends in the middle of a source word counts as absent.
   *
   * @example
   * const m = new SourceMatcher('Kato said that police are investigating. He added more.');
   * m.locate('He added more.')              // → { kind: 'sentences' }
   * m.locate('Kato said that')              // → { kind: 'part', sentence: 'Kato said that police are investigating.' }
   * m.locate('Kato sai')                    // → { kind: 'absent' }
   */
  locate(foldedQuote: string): QuotePlace {
    if (foldedQuote.length === 0) return ABSENT;
    // Quotes are usually whole sentences: a set lookup avoids scanning a large source per quote.
    this.foldedSentences ??= new Set(splitSentences(this.text).map(foldForQuoteMatch));
    if (this.foldedSentences.has(foldedQuote)) return SENTENCES;
    if (indexOfWords(this.folded, foldedQuote) < 0) return ABSENT;
    if (this.isSentenceRun(splitSentences(foldedQuote))) return SENTENCES;
    return { kind: 'part', sentence: this.sentenceHolding(foldedQuote) };
  }

  /** Whether `pieces` (folded) are consecutive whole sentences of the source. */
  private isSentenceRun(pieces: readonly string[]): boolean {
    const sentences = this.indexSentences();
    const first = pieces[0];
    if (first === undefined || pieces.length < 2) return false;
    return sentences.some((s, i) => s.folded === first && pieces.every((piece, k) => sentences[i + k]?.folded === piece));
  }

  /** The source sentence holding `foldedQuote` as whole words, if one does. */
  private sentenceHolding(foldedQuote: string): string | undefined {
    const sentences = this.indexSentences();
    // Only sentences holding the quote's rarest word can hold the quote.
    let candidates: readonly number[] | undefined;
    for (const token of tokens(foldedQuote)) {
      const list = this.postings?.get(token) ?? [];
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    const found = (candidates ?? sentences.map((_, i) => i)).find((i) => indexOfWords(sentences[i]?.folded ?? '', foldedQuote) >= 0);
    return found === undefined ? undefined : sentences[found]?.text;
  }

  /**
   * The source sentence most like `quote`, or undefined for an empty source: of the few sentences
   * sharing the most words with it, the one holding the largest share of its words in order
   * (the measure `quote-problems.ts` judges closeness by).
   */
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
      const dice = (i: number): number => (2 * must(shared.get(i), `shared words of sentence ${i}`)) / (quoteTokens.size + itemAt(sentences, i).tokenCount);
      candidates = [...shared.keys()].sort((a, b) => dice(b) - dice(a) || a - b).slice(0, CANDIDATES_FOR_ALIGNMENT);
    } else {
      candidates = [0]; // no word in common with any sentence: none is close, any will do
    }
    let best = itemAt(candidates, 0);
    let bestShare = -1;
    for (const i of candidates) {
      const share = compareWords(foldedQuote, itemAt(sentences, i).folded).inOrderShare;
      if (share > bestShare) {
        best = i;
        bestShare = share;
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
