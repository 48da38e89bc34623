/**
 * Making arbitrary text (fact passages, source sentences, user queries) safe to put into a Discord
 * message: it must render as itself, never as markdown, a link, a mention or a ping.
 *
 * Lengths are measured in UTF-16 code units (`string.length`), which is what discord.js validates
 * and never less than Discord's own count, so a string that fits here fits there. Cuts only ever
 * happen on code point boundaries.
 */
import { oneLine } from '../shared/whitespace.js';

const ELLIPSIS = '…';
const ZWSP = '\u200b';

// Every character Discord's markdown gives a meaning to. Escaping a punctuation character with a
// backslash is always allowed in Discord markdown and renders as the character itself.
const MARKDOWN_CHARS = /[\\*_~`|>#\-[\]()]/g;
// The same set without the global flag, for a test that keeps no state between calls.
const ANY_MARKDOWN_CHAR = /[\\*_~`|>#\-[\]()]/;
// `1. ` and `+ ` start a list only at the beginning of a line; escaping them everywhere would be noise.
const LINE_START_LIST = /^(\s*)(\d+)\.(?=\s|$)/gm;
const LINE_START_PLUS = /^(\s*)\+(?=\s)/gm;

/**
 * Escapes Discord markdown so the text renders literally: emphasis, strike, spoilers, code,
 * block quotes, headings, subtext, lists and masked links.
 *
 * @example
 * escapeMarkdown('**bold** [x](https://e.vil)') // '\\*\\*bold\\*\\* \\[x\\]\\(https://e.vil\\)'
 */
export function escapeMarkdown(text: string): string {
  // Each replace only when its character occurs: a page escapes dozens of pieces per answer, most
  // of them plain words, and three regex passes over each were a fifth of a `/case` render.
  let out = ANY_MARKDOWN_CHAR.test(text) ? text.replace(MARKDOWN_CHARS, '\\$&') : text;
  if (out.includes('.')) out = out.replace(LINE_START_LIST, '$1$2\\.');
  if (out.includes('+')) out = out.replace(LINE_START_PLUS, '$1\\+');
  return out;
}

/**
 * Makes mentions inert by putting a zero-width space after the `@` of `@everyone`/`@here` and after
 * the `<` of user, role, channel and command mentions. Visually unchanged; Discord no longer parses them.
 * Defence in depth: every message is also sent with `allowed_mentions: { parse: [] }`.
 *
 * @example
 * neutralizeMentions('hi @everyone <@123>') // 'hi @\u200beveryone <\u200b@123>'
 */
export function neutralizeMentions(text: string): string {
  if (!text.includes('@') && !text.includes('<')) return text;
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(?=[@#/:]|a:)/g, `<${ZWSP}`);
}

/**
 * Shortens text to at most `max` UTF-16 code units, ending with '…' when cut. Never splits a
 * surrogate pair, and drops whitespace left dangling before the ellipsis.
 *
 * @example
 * truncate('Hello world', 8) // 'Hello w…'
 * truncate('😀😀😀', 4)       // '😀…'
 */
export function truncate(text: string, max: number): string {
  const limit = Math.max(0, Math.floor(max));
  if (text.length <= limit) return text;
  if (limit === 0) return '';
  let end = limit - ELLIPSIS.length;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, Math.max(0, end)).trimEnd()}${ELLIPSIS}`;
}

/**
 * Like {@link truncate}, for text that is already markdown: never leaves a dangling escape
 * backslash that would swallow the ellipsis or whatever markup follows.
 *
 * @example
 * truncateMarkdown('ab\\*cd', 4) // 'ab…'
 */
export function truncateMarkdown(text: string, max: number): string {
  const cut = truncate(text, max);
  if (cut === text) return text;
  const body = cut.slice(0, -ELLIPSIS.length);
  const trailing = body.length - body.replace(/\\+$/, '').length;
  // Escapes come in pairs (`\x`, `\\`), so an odd run of trailing backslashes means one was cut off.
  return trailing % 2 === 1 ? `${body.slice(0, -1).trimEnd()}${ELLIPSIS}` : cut;
}

// C0 and C1 controls except tab and newline, plus bidirectional overrides, isolates and marks,
// which can make text display in a different order than it reads.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Removes control characters and bidirectional overrides; keeps ordinary whitespace.
 *
 * @example
 * stripControl('a\u202eb\u0007c') // 'abc'
 */
export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * Turns untrusted user text (a query) into one line that renders literally and cannot ping:
 * strips controls and bidi overrides, collapses whitespace, neutralises mentions, escapes
 * markdown, breaks auto-links, and truncates to `max` without cutting an escape in half.
 *
 * @example
 * sanitizeUserText('  **hi** @here\n', 100) // '\\*\\*hi\\*\\* @\u200bhere'
 */
export function sanitizeUserText(text: string, max: number): string {
  const line = oneLine(stripControl(text));
  // `https\://` is not auto-linked, so a query can't put a clickable link into the bot's message.
  const escaped = escapeMarkdown(neutralizeMentions(line)).replace(/:(?=\/\/)/g, '\\:');
  return truncateMarkdown(escaped, max);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
