/**
 * Bolding the matched words of a passage without letting the passage's own characters break the
 * markup: spans are found on the raw text, then every piece is escaped on its own.
 */
import { escapeMarkdown, neutralizeMentions, stripControl } from './escape.js';
import { collapseWhitespace } from '../shared/whitespace.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Finds the character ranges of `text` to bold, given an answer's `matched` words (see {@link findPhraseSpans}). */
export type SpanFinder = (text: string, matched: readonly string[]) => readonly Span[];

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Every occurrence of each phrase in `text`, as a whole word or run of words: a phrase that starts
 * or ends with a letter or digit must not continue a longer word there ("JAXA" is not found in
 * "JAXAS"). Phrases come from {@link matchedWords}, which takes them from this very text.
 *
 * @example
 * findPhraseSpans('JAXA and the JAXAS', ['JAXA']) // [{ start: 0, end: 4 }]
 */
export function findPhraseSpans(text: string, phrases: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const phrase of phrases) {
    if (phrase.length === 0) continue;
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      const end = at + phrase.length;
      const joinsBefore = at > 0 && WORD_CHAR.test(phrase.charAt(0)) && WORD_CHAR.test(text.charAt(at - 1)) && !cjk(phrase.charAt(0));
      const joinsAfter =
        WORD_CHAR.test(phrase.charAt(phrase.length - 1)) && WORD_CHAR.test(text.charAt(end)) && !cjk(phrase.charAt(phrase.length - 1));
      if (!joinsBefore && !joinsAfter) spans.push({ start: at, end });
    }
  }
  return spans;
}

/** Scripts written without spaces have no word boundaries to respect. */
function cjk(char: string): boolean {
  return /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u.test(char);
}

/**
 * Renders a passage as Discord markdown with the matched words in **bold**. Everything else is
 * escaped and mention-neutralised, so `**`, backticks, `@everyone` or a masked link in the
 * passage show up literally.
 *
 * @example
 * highlight('JAXA *said* so', ['JAXA'], findPhraseSpans) // '**JAXA** \\*said\\* so'
 */
export function highlight(text: string, matched: readonly string[], findSpans: SpanFinder): string {
  const clean = collapseWhitespace(stripControl(text));
  const spans = normaliseSpans(clean, safeSpans(findSpans, clean, matched));
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += literal(clean.slice(at, span.start));
    out += `**${literal(clean.slice(span.start, span.end))}**`;
    at = span.end;
  }
  out += literal(clean.slice(at));
  return out;
}

function literal(piece: string): string {
  return escapeMarkdown(neutralizeMentions(piece));
}

// A failing or misbehaving span finder should cost the bold, not the answer.
function safeSpans(findSpans: SpanFinder, text: string, matched: readonly string[]): readonly Span[] {
  try {
    return findSpans(text, matched);
  } catch {
    return [];
  }
}

/**
 * Sorted, in range, on code point boundaries, trimmed of whitespace (`** x**` does not render as
 * bold) and merged when they overlap or touch (`**a****b**` would break).
 */
function normaliseSpans(text: string, spans: readonly Span[]): Span[] {
  const cleaned: Span[] = [];
  for (const span of spans) {
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) continue;
    let start = boundary(text, Math.max(0, Math.min(span.start, text.length)));
    let end = boundary(text, Math.max(0, Math.min(span.end, text.length)));
    while (start < end && /\s/.test(text.charAt(start))) start += 1;
    while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
    if (end > start) cleaned.push({ start, end });
  }
  cleaned.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of cleaned) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  return merged;
}

/** Moves an index that falls inside a surrogate pair back to the pair's start. */
function boundary(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return index > 0 && code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}
