/**
 * What check-facts says about a quote that is not a whole sentence of its source: which words
 * differ from the sentence the moderator probably meant, that the quote is not in the source at
 * all, or that it is only part of a sentence.
 */
import type { ClosestSentence, QuotePlace } from './source-matcher.js';
import type { LoadProblem } from './types.js';
import { compareWords, countWords } from './word-diff.js';
import type { WordDifference } from './word-diff.js';

/**
 * A source sentence is "close" to a quote — a near miss worth naming, with its differing words —
 * when at least this share of the quote's words appear in it in the same order (ignoring case).
 * Below it the quote is reported as not in the source, without an unrelated sentence.
 * A one-word typo in a 5-word quote keeps 0.8; an invented sentence sharing "the … in …" stays
 * well under a half.
 */
export const NEAR_MISS_SHARE = 0.5;
/** A quote that is not a whole sentence must be marked `excerpt: true` and hold at least this many words. */
export const EXCERPT_MIN_WORDS = 6;
/** Differences named one by one; the rest are counted. */
const DIFFERENCES_SHOWN = 4;
const SENTENCE_PREVIEW = 300;

function preview(sentence: string): string {
  return sentence.length > SENTENCE_PREVIEW ? `${sentence.slice(0, SENTENCE_PREVIEW - 1)}…` : sentence;
}

/** Words in double quotes, or in single quotes when they hold a double quote themselves. */
function shown(words: string): string {
  return words.includes('"') ? `'${words}'` : `"${words}"`;
}

/** `"cancelled" should be "canceled"`, `add "learning that" after "transaction"`, `remove "in Tokyo"`. */
function describeDifference(d: WordDifference): string {
  if (d.quote && d.source) return `${shown(d.quote)} should be ${shown(d.source)}`;
  if (d.source) return `add ${shown(d.source)} ${d.after ? `after ${shown(d.after)}` : 'at the start'}`;
  return `remove ${shown(d.quote)}`;
}

/**
 * The message for a quote that does not occur in source `sourceId`, given the sentence closest to
 * it (undefined for an empty source). A close sentence (see {@link NEAR_MISS_SHARE}) is shown with
 * the words to change; otherwise the quote is said not to be in the source.
 *
 * @example
 * missingQuoteMessage('report', 'The seller cancelled the sale.', { sentence: 'The seller canceled the sale.', differsOnlyInCase: false })
 * // → 'quote not found in source "report"; it differs from the closest sentence: "cancelled" should be "canceled". The sentence is "The seller canceled the sale."'
 */
export function missingQuoteMessage(sourceId: string, quote: string, closest: ClosestSentence | undefined): string {
  return missingQuote(sourceId, quote, closest).message;
}

/**
 * {@link missingQuoteMessage}, with the problem as a code too: the closest sentence is named when it
 * is close enough to be the one meant.
 */
export function missingQuote(sourceId: string, quote: string, closest: ClosestSentence | undefined): { message: string; problem: LoadProblem } {
  const notFound: LoadProblem = { kind: 'quote-not-found', source: sourceId };
  const head = `quote not found in source "${sourceId}"`;
  if (!closest) return { message: `${head}: the source document is empty`, problem: notFound };
  const { inOrderShare, differences } = compareWords(quote, closest.sentence);
  if (inOrderShare < NEAR_MISS_SHARE) {
    return { problem: notFound, message: `${head}, and no sentence of it is close (the nearest holds only ${Math.round(inOrderShare * 100)}% of the quote's words, in order); copy a sentence from the source, or cite the source it comes from` };
  }
  const near: LoadProblem = { ...notFound, closest: preview(closest.sentence) };
  const sentence = `The sentence is "${preview(closest.sentence)}"`;
  if (differences.length === 0) {
    return { problem: near, message: `${head}; its words match the closest sentence but its punctuation differs: copy the sentence exactly. ${sentence}` };
  }
  const shown = differences.slice(0, DIFFERENCES_SHOWN).map(describeDifference).join('; ');
  const more = differences.length > DIFFERENCES_SHOWN ? `; and ${differences.length - DIFFERENCES_SHOWN} more difference${differences.length - DIFFERENCES_SHOWN === 1 ? '' : 's'}` : '';
  const caseNote = closest.differsOnlyInCase ? ' (only upper/lower case differs)' : '';
  return { problem: near, message: `${head}; it differs from the closest sentence${caseNote}: ${shown}${more}. ${sentence}` };
}

/**
 * The message for a quote that occurs in the source but is not whole sentences (`place.kind ===
 * 'part'`), or undefined when that is allowed: an excerpt (`excerpt: true`) of at least
 * {@link EXCERPT_MIN_WORDS} words within one sentence.
 *
 * @example
 * partialQuoteMessage('report', 'Kato said that', { kind: 'part', sentence: 'Kato said that …' }, false)
 * // → 'quote is only part of a sentence of source "report" (3 words); quote the whole sentence: "Kato said that …"'
 */
export function partialQuoteMessage(sourceId: string, quote: string, place: Extract<QuotePlace, { kind: 'part' }>, excerpt: boolean): string | undefined {
  if (place.sentence === undefined) {
    return `quote runs across a sentence end of source "${sourceId}" without covering whole sentences; quote whole sentences${excerpt ? ', or an excerpt within one sentence' : ''}`;
  }
  const words = countWords(quote);
  const whole = `the whole sentence: "${preview(place.sentence)}"`;
  if (excerpt) {
    return words >= EXCERPT_MIN_WORDS
      ? undefined
      : `excerpt has ${words} word${words === 1 ? '' : 's'}, and an excerpt needs at least ${EXCERPT_MIN_WORDS}; quote more of the sentence, or ${whole}`;
  }
  return words >= EXCERPT_MIN_WORDS
    ? `quote is only part of a sentence of source "${sourceId}"; quote ${whole} — or, to quote just this clause, add 'excerpt: true' to this cite`
    : `quote is only part of a sentence of source "${sourceId}" (${words} word${words === 1 ? '' : 's'}); quote ${whole}`;
}
