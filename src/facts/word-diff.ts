/**
 * Word-level comparison of a quote with a source sentence, to tell a moderator which words of a
 * quote differ ("cancelled" should be "canceled") and whether the sentence is close at all.
 *
 * Words are compared as quote matching compares them (`foldForQuoteMatch`: NFKC, typographic
 * apostrophes as `'`), ignoring punctuation and spacing between words, so each text can be given
 * as written and differences are shown in its own characters (the source's `didn’t`).
 */
import { oneLine } from '../shared/whitespace.js';
import { itemAt } from '../shared/must.js';

/** A word of a text, by position, so a run of words can be shown as the text wrote it. */
interface Word {
  readonly start: number;
  readonly end: number;
  /** Lower-cased: words are aligned ignoring case, and a case-only change is then reported apart. */
  readonly key: string;
  readonly text: string;
}

/** One CJK character is one word (no spaces between words there); elsewhere letters/digits joined by an apostrophe, hyphen or '.'. */
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+(?:['’‘.\-‐‑][\p{L}\p{N}]+)*/gu;
/** Quote marks and brackets next to a run of words are shown with it: `“really” in 1912`, not `really” in 1912`. */
const OPENERS = /["'“‘«([]/u;
const CLOSERS = /["'”’»)\]]/u;
/** Longer texts are compared on their first words only: alignment is O(quote words × sentence words). */
const MAX_WORDS = 400;

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    if (out.length >= MAX_WORDS) break;
    const key = match[0].normalize('NFKC').toLowerCase().replace(/[’‘]/gu, "'").replace(/[‐‑]/gu, '-');
    out.push({ start: match.index, end: match.index + match[0].length, key, text: match[0] });
  }
  return out;
}

/**
 * Number of words in `text`, as {@link compareWords} counts them (a CJK character counts as one).
 *
 * @example
 * countWords("Kato said that the PLA's role…") // → 6
 */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n += 1;
  return n;
}

/** One place where the quote and the sentence differ; `''` on a side that has no words there. */
export interface WordDifference {
  /** The quote's words at this place, as written in the quote. */
  readonly quote: string;
  /** The sentence's words at this place, as written in the sentence. */
  readonly source: string;
  /** The last word before this place that both share, or `''` at the start. */
  readonly after: string;
}

export interface WordComparison {
  /**
   * Share of the quote's words (0–1) found in the sentence in the same order, ignoring case:
   * the longest common subsequence of words over the quote's word count. 1 when every word of
   * the quote is there in order; 0 for a quote without words.
   */
  readonly inOrderShare: number;
  /** Where they differ, in the quote's order (case-only changes included). */
  readonly differences: readonly WordDifference[];
}

/**
 * Aligns the words of `quote` with those of `sentence` (longest common subsequence, ignoring case)
 * and lists the places where they differ.
 *
 * @example
 * compareWords('The seller cancelled the sale.', 'The seller canceled the sale.')
 * // → { inOrderShare: 0.8, differences: [{ quote: 'cancelled', source: 'canceled', after: 'seller' }] }
 */
export function compareWords(quote: string, sentence: string): WordComparison {
  const q = wordsOf(quote);
  const s = wordsOf(sentence);
  // lengths[i][j] = LCS length of q[i..] and s[j..], in one flat array.
  const width = s.length + 1;
  const lengths = new Uint16Array((q.length + 1) * width);
  for (let i = q.length - 1; i >= 0; i -= 1) {
    for (let j = s.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = q[i]?.key === s[j]?.key
        ? itemAt(lengths, (i + 1) * width + j + 1) + 1
        : Math.max(itemAt(lengths, (i + 1) * width + j), itemAt(lengths, i * width + j + 1));
    }
  }
  const common = itemAt(lengths, 0);

  const differences: WordDifference[] = [];
  let after = '';
  let pendingQ: Word[] = [];
  let pendingS: Word[] = [];
  const flush = (): void => {
    if (pendingQ.length === 0 && pendingS.length === 0) return;
    differences.push({ quote: span(quote, pendingQ), source: span(sentence, pendingS), after });
    pendingQ = [];
    pendingS = [];
  };
  let i = 0;
  let j = 0;
  while (i < q.length || j < s.length) {
    const qw = q[i];
    const sw = s[j];
    if (qw && sw && qw.key === sw.key) {
      if (qw.text.normalize('NFKC').replace(/[’‘]/gu, "'") === sw.text.normalize('NFKC').replace(/[’‘]/gu, "'")) {
        flush();
        after = qw.text;
      } else {
        pendingQ.push(qw);
        pendingS.push(sw);
      }
      i += 1;
      j += 1;
    } else if (qw && (!sw || itemAt(lengths, (i + 1) * width + j) >= itemAt(lengths, i * width + j + 1))) {
      pendingQ.push(qw);
      i += 1;
    } else if (sw) {
      pendingS.push(sw);
      j += 1;
    }
  }
  flush();
  return { inOrderShare: q.length === 0 ? 0 : common / q.length, differences };
}

/** The text from the first to the last of `words` (consecutive words, so what lies between is kept), with quote marks around them. */
function span(text: string, words: readonly Word[]): string {
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return '';
  let start = first.start;
  let end = last.end;
  while (start > 0 && OPENERS.test(text.charAt(start - 1))) start -= 1;
  while (end < text.length && CLOSERS.test(text.charAt(end))) end += 1;
  return oneLine(text.slice(start, end));
}
