/** Making arbitrary text safe for an autocomplete choice: 1–100 characters, printable. */
import { oneLine } from '../shared/whitespace.js';

const MAX_CHOICE_LENGTH = 100;
/** Controls, bidi overrides and other format characters, and lone surrogates. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;

/**
 * `text` cleaned and shortened to at most 100 UTF-16 units (an ellipsis marks a cut, which never
 * splits a surrogate pair), or `null` when nothing printable is left.
 *
 * @example
 * choiceText('  two\nlines ') // => 'two lines'
 * choiceText('\u202E') // => null
 */
export function choiceText(text: string): string | null {
  const clean = oneLine(text.replace(UNPRINTABLE, ' '));
  if (clean.length === 0) return null;
  if (clean.length <= MAX_CHOICE_LENGTH) return clean;
  let cut = MAX_CHOICE_LENGTH - 1;
  const code = clean.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${clean.slice(0, cut).trimEnd()}…`;
}
