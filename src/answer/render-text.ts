/**
 * Replies and answers as terminal text, for the local console and `npm run ask`: what a person
 * would see, without markdown syntax, and with control characters removed so text from fact files
 * or queries can't drive the terminal.
 */
import type { APIEmbed } from 'discord-api-types/v10';
import { stripControl } from './escape.js';
import { countLine, renderNoMatch, sentenceLabel } from './render-answer.js';
import type { Reply } from './reply.js';
import type { Answer, AnswerSource } from './types.js';
import { oneLine } from '../shared/whitespace.js';

const BAR = '│ ';

/**
 * A reply as the console prints it: the header, each embed as an indented block (author, title,
 * passage, quotes, small print, fields, footer), and buttons as `[More ▶]` — disabled ones in
 * parentheses, `(◀ Back)`. Bold and escapes are dropped, masked links become `title <url>`,
 * Discord timestamps become ISO dates.
 *
 * @example
 * renderReplyAsText({ content: '**2 results** for “jaxa”', ephemeral: false }) // '2 results for “jaxa”'
 */
export function renderReplyAsText(reply: Reply): string {
  const blocks: string[] = [];
  if (reply.content !== undefined && reply.content.length > 0) blocks.push(markdownToPlain(reply.content));
  for (const embed of reply.embeds ?? []) blocks.push(embedAsText(embed));
  const rows = (reply.components ?? []).map((row) =>
    row.components
      .map((button) => {
        const label = 'label' in button && button.label !== undefined ? plainLine(button.label) : '?';
        return button.disabled === true ? `(${label})` : `[${label}]`;
      })
      .join(' '),
  );
  if (rows.length > 0) blocks.push(rows.join('\n'));
  if (reply.ephemeral) blocks.push('(only you can see this)');
  return blocks.join('\n\n');
}

function embedAsText(embed: APIEmbed): string {
  const lines: string[] = [];
  if (embed.author !== undefined) lines.push(plainLine(embed.author.name));
  if (embed.title !== undefined) lines.push(markdownToPlain(embed.title));
  if (embed.description !== undefined) lines.push(markdownToPlain(embed.description));
  for (const field of embed.fields ?? []) lines.push(`${markdownToPlain(field.name)}: ${markdownToPlain(field.value)}`);
  const small = [embed.footer?.text, embed.timestamp].filter((part): part is string => part !== undefined && part.length > 0);
  if (small.length > 0) lines.push(plainLine(small.join(' · ')));
  return lines
    .join('\n')
    .split('\n')
    .map((line) => `${BAR}${line}`.trimEnd())
    .join('\n');
}

const INLINE = /\\([^A-Za-z0-9\s])|(`[^`\n]*`)|\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^)\s]+)\)|\*\*|<t:(-?\d{1,12})(?::[tTdDfFR])?>|\u200b/g;

/**
 * Discord markdown → readable plain text: escapes resolved, bold markers and subtext markers
 * dropped, links as `text <url>`, code blocks kept verbatim without their fences.
 *
 * @example
 * markdownToPlain('-# [Report](https://e.org) \\- **JAXA**') // 'Report <https://e.org> - JAXA'
 */
export function markdownToPlain(markdown: string): string {
  const out: string[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      out.push(`  ${stripControl(line)}`);
      continue;
    }
    out.push(plainLine(line.replace(/^-# /, '')));
  }
  return out.join('\n');
}

function plainLine(line: string): string {
  return stripControl(line).replace(
    INLINE,
    (
      _match,
      escaped: string | undefined,
      code: string | undefined,
      linkText: string | undefined,
      url: string | undefined,
      unix: string | undefined,
    ) => {
      if (escaped !== undefined) return escaped;
      if (code !== undefined) return code;
      if (linkText !== undefined && url !== undefined) return `${plainLine(linkText)} <${url}>`;
      if (unix !== undefined) return isoDate(Number(unix));
      return '';
    },
  );
}

function isoDate(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  return Number.isNaN(date.getTime())
    ? 'unknown time'
    : date
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d{3}Z$/, ' UTC');
}

/**
 * An answer for `npm run ask`: the count line `/case` shows, then numbered facts, each with its
 * quotes, sources (title, publisher, date, url, which sentence), case/id and score; or the
 * no-match message with "Did you mean" suggestions.
 *
 * @example
 * renderAnswerAsText(answer)
 * // '2 results for “jaxa”\n\n1. JAXA confirmed the breach.\n   > “…”\n   — Report, NHK, 2024-01-01 <https://…> · sentence 2 of 5\n   tick-jaxa/breach · score 1.5'
 */
export function renderAnswerAsText(answer: Answer): string {
  // The no-match message is /case's own, as plain text: one wording for every front end.
  if (answer.results.length === 0) return markdownToPlain(renderNoMatch(answer).content ?? '');
  const blocks = [countLine(answer, 0, answer.results.length, 'plain')];
  // A sentence is quoted under the first fact resting on it; later ones point back to that fact.
  const quotedUnder = new Map<string, number>();
  answer.results.forEach((result, i) => {
    const number = `${i + 1}. `;
    const indent = ' '.repeat(number.length);
    const lines = [`${number}${clean(result.text)}`];
    for (const source of result.sources) {
      const key = `${result.case}\n${source.sourceId}\n${source.quote}`;
      const earlier = quotedUnder.get(key);
      if (earlier !== undefined) {
        lines.push(`${indent}↑ the same source sentence as quoted under ${earlier}. — ${sourceLine(source)}`);
        continue;
      }
      quotedUnder.set(key, i + 1);
      lines.push(`${indent}> “${clean(source.quote)}”`, `${indent}— ${sourceLine(source)}`);
    }
    lines.push(`${indent}${clean(result.case)}/${clean(result.id)} · score ${result.score}`);
    blocks.push(lines.join('\n'));
  });
  return blocks.join('\n\n');
}

function sourceLine(source: AnswerSource): string {
  const parts = [source.title, source.publisher, source.date].filter((p): p is string => p !== null && p.length > 0).map(clean);
  const where = sentenceLabel(source.sentence);
  return `${parts.join(', ')}${source.url === null ? '' : ` <${clean(source.url)}>`}${where === '' ? '' : ` · ${where}`}`;
}

function clean(text: string): string {
  return oneLine(stripControl(text));
}
