/**
 * The one way casebot folds whitespace, wherever text is compared, stored or shown: fact texts and
 * quotes as loaded, source sentences, questions, autocomplete choices, lines of a reply.
 * `\s` is JavaScript's: ASCII and Unicode spaces, line breaks, tabs, NBSP and the ideographic space.
 */

// Two spaces in a row, or whitespace other than a plain space (leading/trailing spaces are checked apart).
const UNTIDY_SPACE = / {2}|[^\S ]/;

/**
 * Runs of whitespace (line breaks included) become one space; the ends are trimmed. Most text is
 * tidy already, and testing is cheaper than replacing, so tidy text comes back as it is.
 *
 * @example
 * oneLine('  two\n lines ') // 'two lines'
 */
export function oneLine(text: string): string {
  const tidy = text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32 && !UNTIDY_SPACE.test(text);
  return tidy ? text : text.replace(/\s+/g, ' ').trim();
}

/**
 * Like {@link oneLine} within each paragraph, keeping paragraph breaks: runs of spaces and single
 * line breaks become one space, blank lines become one line break.
 *
 * @example
 * collapseWhitespace(' a \n b\n\n c ') // 'a b\nc'
 */
export function collapseWhitespace(text: string): string {
  return text
    .split(/\n[ \t\r\f\v]*\n\s*/)
    .map(oneLine)
    .filter((paragraph) => paragraph.length > 0)
    .join('\n');
}
