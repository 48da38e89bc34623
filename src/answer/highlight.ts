/**
 * Bolding the matched words of a passage without letting the passage's own characters break the
 * markup: spans are found on the raw text, then every piece is escaped on its own.
 */
import { collapseWhitespace, escapeMarkdown, neutralizeMentions, stripControl } from './escape.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Finds the character ranges of `text` that match the query terms (see `findMatchSpans` in src/search/text.ts). */
export type SpanFinder = (text: string, matched: readonly string[]) => readonly Span[];

/**
 * Renders a passage as Discord markdown with the matched words in **bold**. Everything else is
 * escaped and mention-neutralised, so `**`, backticks, `@everyone` or a masked link in the
 * passage show up literally.
 *
 * @example
 * highlight('JAXA *said* so', ['jaxa'], findMatchSpans) // '**JAXA** \\*said\\* so'
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
