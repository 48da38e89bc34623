/**
 * Where a verified quote sits in its source, and the source's own characters for it: members are
 * promised the source's sentence, not the moderator's typed copy of it (`'` for `’`, `-` for `—`).
 */
import { foldForQuoteMatch, splitSentences } from './quotes.js';
import { oneLine } from '../shared/whitespace.js';
import { itemAt } from '../shared/must.js';

/** Which sentences of a source a quote spans: 1-based, `first` ≤ `last` ≤ `of`. */
export interface SentencePosition {
  readonly first: number;
  readonly last: number;
  /** Sentences in the whole source (as {@link splitSentences} counts them). */
  readonly of: number;
}

/** A quote found in its source. */
export interface LocatedQuote {
  /** The quoted passage exactly as the source writes it, whitespace runs collapsed to one space. */
  readonly text: string;
  /** `first` is 0 when the passage could not be mapped back (see {@link SourcePositions.locate}). */
  readonly position: SentencePosition;
}

/** A character range of the source text (UTF-16 offsets, end exclusive). */
interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * One source document, answering "which characters of the source is this quote, and in which of
 * its sentences?" for quotes the loader has already verified. Built once per source; whole-sentence
 * quotes (the usual kind) are one map lookup, excerpts fold the source once with an offset map.
 *
 * @example
 * const p = new SourcePositions('It rained. The company didn’t exist.');
 * p.locate(foldForQuoteMatch("The company didn't exist."), "The company didn't exist.")
 * // → { text: 'The company didn’t exist.', position: { first: 2, last: 2, of: 2 } }
 */
export class SourcePositions {
  /** Built on the first lookup: a source no valid fact cites costs nothing. */
  private sentenceList: readonly Range[] | undefined;
  private bySentence: Map<string, number> | undefined;
  private folded: FoldedWithOrigins | undefined;
  private readonly cache = new Map<string, LocatedQuote>();

  constructor(private readonly source: string) {}

  private get sentences(): readonly Range[] {
    this.sentenceList ??= sentenceRanges(this.source);
    return this.sentenceList;
  }

  /**
   * The source's own text of a quote and its sentences. `foldedQuote` is the quote as
   * `foldForQuoteMatch` folds it; `typedQuote` is returned as the text, with `first: 0`, only when
   * the folded quote cannot be mapped back to source characters (Unicode normalisation that joins
   * characters across a boundary), so a caller always has something true to show.
   */
  locate(foldedQuote: string, typedQuote: string): LocatedQuote {
    const cached = this.cache.get(foldedQuote);
    if (cached !== undefined) return cached;
    const located = this.find(foldedQuote) ?? { text: typedQuote, position: { first: 0, last: 0, of: this.sentences.length } };
    this.cache.set(foldedQuote, located);
    return located;
  }

  private find(foldedQuote: string): LocatedQuote | undefined {
    const of = this.sentences.length;
    this.bySentence ??= new Map(this.sentences.map((r, i) => [foldForQuoteMatch(this.source.slice(r.start, r.end)), i] as const).reverse());
    const whole = this.bySentence.get(foldedQuote);
    const wholeRange = whole === undefined ? undefined : this.sentences[whole];
    if (whole !== undefined && wholeRange !== undefined) {
      return { text: oneLine(this.source.slice(wholeRange.start, wholeRange.end)), position: { first: whole + 1, last: whole + 1, of } };
    }
    this.folded ??= foldWithOrigins(this.source);
    const at = foldedQuote.length === 0 ? -1 : this.folded.text.indexOf(foldedQuote);
    const start = this.folded.starts[at];
    const end = this.folded.ends[at + foldedQuote.length - 1];
    if (at < 0 || start === undefined || end === undefined) return undefined;
    return {
      text: oneLine(this.source.slice(start, end)),
      position: { first: this.sentenceAt(start) + 1, last: this.sentenceAt(end - 1) + 1, of },
    };
  }

  /** Index of the sentence holding `offset` (the one before it, for a gap between sentences). */
  private sentenceAt(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (itemAt(this.sentences, mid).start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** {@link splitSentences}' sentences as ranges of the text (they are trimmed slices, in order). */
function sentenceRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let from = 0;
  for (const sentence of splitSentences(text)) {
    const start = text.indexOf(sentence, from);
    if (start < 0) continue;
    ranges.push({ start, end: start + sentence.length });
    from = start + sentence.length;
  }
  return ranges;
}

/** A folded text and, for each of its UTF-16 units, the source range it came from. */
interface FoldedWithOrigins {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/**
 * `foldForQuoteMatch(text)` built piece by piece, remembering for each folded UTF-16 unit the
 * range of the source character it came from. Pieces are a character with its combining marks, so
 * normalisation sees what it composes; whitespace runs become one space and the ends are trimmed,
 * as the whole-text fold does.
 */
function foldWithOrigins(text: string): FoldedWithOrigins {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let pendingSpace = -1;
  for (const piece of text.matchAll(/\s+|\P{M}\p{M}*|\p{M}+/gsu)) {
    if (/^\s+$/u.test(piece[0])) {
      if (out.length > 0 && pendingSpace < 0) pendingSpace = piece.index;
      continue;
    }
    const folded = foldForQuoteMatch(piece[0]);
    if (folded.length === 0) continue;
    if (pendingSpace >= 0) {
      out += ' ';
      starts.push(pendingSpace);
      ends.push(pendingSpace + 1);
      pendingSpace = -1;
    }
    out += folded;
    for (let i = 0; i < folded.length; i++) {
      starts.push(piece.index);
      ends.push(piece.index + piece[0].length);
    }
  }
  return { text: out, starts, ends };
}
