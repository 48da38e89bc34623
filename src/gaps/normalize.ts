import { stripControl } from '../answer/escape.js';
import { oneLine } from '../shared/whitespace.js';

/**
 * Longest normalised question kept, in code points: bounds a row's size whatever the caller passes
 * (the slash option already caps questions at 200 characters).
 */
export const MAX_STORED_QUERY = 200;

// Trailing punctuation that does not change the question: "was data stolen?" and "was data stolen"
// are the same gap. ASCII and full-width (Japanese) forms.
const TRAILING_PUNCTUATION = /[\s?!.。？！．…]+$/u;

/**
 * Normalises a question so repeats count together: NFKC (full-width letters become ASCII),
 * control and bidi characters removed, whitespace collapsed, lowercase, trailing `?!.` dropped,
 * cut to {@link MAX_STORED_QUERY} code points. Returns '' for a question with nothing left.
 *
 * @example
 * normalizeQuestion('  Was   DATA stolen?? ') // 'was data stolen'
 * normalizeQuestion('ＪＡＸＡ？') // 'jaxa'
 */
export function normalizeQuestion(text: string): string {
  const line = oneLine(stripControl(text.normalize('NFKC'))).toLowerCase();
  return [...line.replace(TRAILING_PUNCTUATION, '').trim()].slice(0, MAX_STORED_QUERY).join('').trim();
}
