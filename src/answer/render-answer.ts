/**
 * An {@link Answer} → the replies a user sees for `/case`: one page of facts as embeds with paging
 * buttons, or the ephemeral reply for no match. (The app's own short replies — errors, cooldown,
 * paging refused — are in src/app/replies.ts.)
 */
import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord-api-types/v10';
import { escapeMarkdown, neutralizeMentions, sanitizeUserText, stripControl, truncate } from './escape.js';
import { collapseWhitespace, oneLine } from '../shared/whitespace.js';
import { findPhraseSpans, highlight, type SpanFinder } from './highlight.js';
import { LIMITS, embedTextLength, fitReply, type Reply } from './reply.js';
import type { Answer, AnswerResult, AnswerSource } from './types.js';
import { EN, type Catalog, type MessageKey } from './locale/index.js';
import type { WantedAnswer } from '../search/types.js';

/**
 * The custom_ids of one answer's paging row: where each page's button leads, and the disabled
 * indicator's (unique per message). Where the paging state lives is the app's business
 * (src/app/answer-paging.ts): signed buttons or an in-memory session give their own ids.
 */
export interface PageButtonIds {
  page(page: number): string;
  readonly info: string;
}

export interface RenderAnswerOptions {
  /** 0-based; clamped to the pages there are. */
  readonly page: number;
  /** Facts per page, 1–10. Default 3. */
  readonly pageSize?: number;
  /** Paging buttons are only added with their ids (the app's: a signed token's or a session's). */
  readonly buttons?: PageButtonIds;
  /** Case id → title, for the line above each fact when an answer mixes cases. Default: the case id. */
  readonly caseTitles?: ReadonlyMap<string, string>;
  /** Default false: an answer is worth sharing with the channel. */
  readonly ephemeral?: boolean;
  /**
   * Adds a footer with the case and fact id to each fact, for a moderator who will edit the fact
   * file. Default false: members are shown the source, never our ids.
   */
  readonly showIds?: boolean;
  /**
   * A markdown line under the count line, on every page (which case the answer is from, see
   * render-case-choice.ts). Default: none.
   */
  readonly note?: string;
  /** Finds the words to bold. Default: {@link findPhraseSpans} over the answer's matched words. */
  readonly findSpans?: SpanFinder;
  /** The asker's catalog (see src/answer/locale/). Default English. */
  readonly catalog?: Catalog;
}

/**
 * Facts per page. Four: a source sentence cited by several facts on a page is quoted once (the
 * others refer back to it), so a page of four reads shorter than three did with every quote repeated.
 */
const DEFAULT_PAGE_SIZE = 4;
/** Unmatched words named in a header; the rest are counted. */
const MAX_UNMATCHED_SHOWN = 4;
/** How much of the query the header echoes. */
const QUERY_ECHO = 100;
const MAX_CITATIONS_SHOWN = 3;
/** Tried longest first until a fact's embed fits its share of the 6000-character total. */
const QUOTE_LENGTHS = [1000, 600, 400, 250, 150, 80] as const;
/** Friendly, distinct, and none of them error-red; a case keeps its colour everywhere. */
const CASE_COLOURS = [0x5865f2, 0x3ba55c, 0xfaa61a, 0xeb459e, 0x1abc9c, 0x9b59b6, 0x3498db, 0xe67e22] as const;

/**
 * Number of pages an answer has at the given page size.
 *
 * @example
 * pageCount(answerWith7Results) // 3
 */
export function pageCount(answer: Answer, pageSize: number = DEFAULT_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(answer.results.length / clampPageSize(pageSize)));
}

/**
 * One page of an answer: a header line, one embed per fact (passage with matched words in bold,
 * each verbatim source sentence as a block quote, the source as small print — title, linked when
 * its URL is known, publisher, date, and which sentence of the source it is), and — with button
 * ids and more than one page — a row of "◀ Back", "Page n of m", "More ▶" buttons. A sentence
 * already quoted under an earlier fact of the page is not quoted again: a line refers back to it.
 * The case title is shown above each fact only when the answer mixes cases; ids only with
 * `showIds`. Always within Discord's limits. An answer without results renders as {@link renderNoMatch}.
 *
 * @example
 * renderAnswerPage(answer, { page: 0, buttons }).content // 'Results 1–4 of 7 for “jaxa”'
 */
export function renderAnswerPage(answer: Answer, options: RenderAnswerOptions): Reply {
  const t = options.catalog ?? EN;
  if (answer.results.length === 0) return renderNoMatch(answer, options.caseTitles, t);
  const size = clampPageSize(options.pageSize ?? DEFAULT_PAGE_SIZE);
  const pages = pageCount(answer, size);
  const page = Math.min(Math.max(0, Number.isInteger(options.page) ? options.page : 0), pages - 1);
  const first = page * size;
  const shown = answer.results.slice(first, first + size);
  const findSpans = options.findSpans ?? findPhraseSpans;
  const mixedCases = new Set(answer.results.map((r) => r.case)).size > 1;

  const embeds: APIEmbed[] = shown.map((result) =>
    factEmbed(result, { caseTitles: mixedCases ? (options.caseTitles ?? new Map()) : undefined, showIds: options.showIds ?? false }, t),
  );
  const budget = Math.floor(LIMITS.embedTotal / embeds.length);
  const quotedAbove = new Set<string>();
  embeds.forEach((embed, i) => {
    const result = shown[i];
    if (result === undefined) return;
    const described = describe(result, findSpans, budget - embedTextLength(embed), quotedAbove, t);
    embed.description = described.text;
    for (const key of described.quoted) quotedAbove.add(key);
  });

  const reply: Reply = {
    content: [countLine(answer, first, shown.length, 'markdown', t), options.note ?? ''].filter((line) => line !== '').join('\n'),
    embeds,
    ephemeral: options.ephemeral ?? false,
  };
  if (pages > 1 && options.buttons !== undefined) reply.components = [pagingRow(options.buttons, page, pages, t)];
  return fitReply(reply);
}

function clampPageSize(size: number): number {
  return Number.isFinite(size) ? Math.min(LIMITS.embeds, Math.max(1, Math.floor(size))) : DEFAULT_PAGE_SIZE;
}

/**
 * The line above an answer, the same words in Discord, the console and `npm run ask`: "**7
 * results** for “jaxa”" when all are shown, "**Results 5–7 of 7** for “jaxa”" for a page, and the
 * words no fact has under it. A fact picked in autocomplete (the query is its key) is titled by its
 * own text, shortened, never by the key. `plain` leaves out the markdown (for `ask`).
 *
 * @example
 * countLine(answerWith7Results, 4, 3, 'markdown') // '**Results 5–7 of 7** for “jaxa”'
 */
export function countLine(answer: Answer, first: number, shown: number, style: 'markdown' | 'plain', t: Catalog = EN): string {
  const bold = (text: string): string => (style === 'markdown' ? `**${text}**` : text);
  const echo = (text: string, max: number): string =>
    style === 'markdown' ? sanitizeUserText(text, max) : truncate(oneLine(stripControl(text)), max);
  const picked = pickedFact(answer);
  if (picked !== undefined) return bold(echo(picked.text, PICKED_TITLE));
  const query = t.t('quoted', { text: echo(answer.query, QUERY_ECHO) });
  const total = answer.results.length;
  const range = shown === 1 ? `${first + 1}` : `${first + 1}–${first + shown}`;
  const count = shown === total ? t.tn('answer.results', total, {}) : t.t('answer.range', { range, total });
  const counted = t.t(answer.overview === true ? 'answer.overview' : 'answer.header', { count: bold(count), query });
  const missing = unmatchedNote(answer.unmatched, t);
  if (missing === '') return counted;
  return style === 'markdown'
    ? `${counted}\n-# ${t.t('answer.rest', { missing })}`
    : `${counted}\n${t.t('answer.rest', { missing: markdownFree(missing) })}`;
}

/** How much of a picked fact's text titles its answer. */
const PICKED_TITLE = 90;

/**
 * The fact an answer is for when its query is a fact's key (`case/fact-id`, the value of a fact
 * picked in autocomplete), which finds exactly that fact.
 */
function pickedFact(answer: Answer): AnswerResult | undefined {
  const only = answer.results.length === 1 ? answer.results[0] : undefined;
  return only !== undefined && answer.query.trim() === `${only.case}/${only.id}` ? only : undefined;
}

/**
 * What a "no facts match" reply says of the words no fact has ("No fact mentions “solarwinds”"), or
 * '' — only when some words did match something: naming every word of an off-topic question helps no one.
 */
export function noMatchNote(answer: Answer, t: Catalog = EN): string {
  if (answer.offTopic === true || answer.unmatched.length >= answer.queryTerms) return '';
  return unmatchedNote(answer.unmatched, t);
}

/** Words of the question no fact has are named, so an answer to the rest is not mistaken for an answer to all. */
export function unmatchedNote(words: readonly string[], t: Catalog = EN): string {
  const shown = words.slice(0, MAX_UNMATCHED_SHOWN).map((w) => t.t('quoted', { text: sanitizeUserText(w, 40) }));
  if (shown.length === 0) return '';
  const listed = shown.join(t.t('list.separator'));
  const named = words.length > shown.length ? t.t('answer.unmatchedMore', { words: listed, count: words.length - shown.length }) : listed;
  return t.t('answer.unmatched', { words: named });
}

/**
 * The embed without its description, which is then sized to what is left of the budget. The case
 * title only when `caseTitles` is given (answers that mix cases), the ids only for moderators.
 */
function factEmbed(
  result: AnswerResult,
  show: { readonly caseTitles: ReadonlyMap<string, string> | undefined; readonly showIds: boolean },
  t: Catalog,
): APIEmbed {
  const embed: APIEmbed = { color: caseColour(result.case) };
  // Author names and footers render no markdown, but a mention-looking title is neutralised anyway.
  if (show.caseTitles !== undefined)
    embed.author = { name: truncate(neutralizeMentions(oneLine(stripControl(show.caseTitles.get(result.case) ?? result.case))), 100) };
  if (show.showIds)
    embed.footer = {
      text: truncate(
        neutralizeMentions(t.t('answer.ids', { case: oneLine(stripControl(result.case)), fact: oneLine(stripControl(result.id)) })),
        160,
      ),
    };
  return embed;
}

/** How much room the sources of a fact get, most generous first. */
interface CitationStyle {
  readonly quoteLength: number;
  readonly maxCitations: number;
  /** Title only, shortened, no link, publisher or date. */
  readonly compact: boolean;
}

const CITATION_STYLES: readonly CitationStyle[] = [
  ...QUOTE_LENGTHS.map((quoteLength) => ({ quoteLength, maxCitations: MAX_CITATIONS_SHOWN, compact: false })),
  ...QUOTE_LENGTHS.map((quoteLength) => ({ quoteLength, maxCitations: 1, compact: false })),
  { quoteLength: 80, maxCitations: 1, compact: true },
  { quoteLength: 40, maxCitations: 1, compact: true },
];

/**
 * Passage, blank line, sources — shrinking the sources first, and only when even the tersest
 * source does not fit, the passage (to half of what there is). Sentences in `quotedAbove` (keys of
 * {@link quoteKey}) get a line referring back instead of their quote; `quoted` are the keys this
 * description quotes in full.
 */
function describe(
  result: AnswerResult,
  findSpans: SpanFinder,
  budget: number,
  quotedAbove: ReadonlySet<string>,
  t: Catalog,
): { text: string; quoted: string[] } {
  const target = Math.min(LIMITS.description, budget);
  const build = (passage: string, style: CitationStyle): { text: string; quoted: string[] } => {
    const cited = citations(result, style, quotedAbove, t);
    return { text: [passage, '', ...cited.lines].join('\n'), quoted: cited.quoted };
  };
  const full = highlight(truncate(result.text, 1000), result.matched, findSpans);
  for (const style of CITATION_STYLES) {
    const description = build(full, style);
    if (description.text.length <= target) return description;
  }
  const tersest = CITATION_STYLES[CITATION_STYLES.length - 1] ?? { quoteLength: 40, maxCitations: 1, compact: true };
  return build(shortPassage(result, findSpans, Math.floor(target / 2)), tersest);
}

/** Identifies a source sentence across the facts of a page. */
function quoteKey(result: AnswerResult, source: AnswerSource): string {
  return `${result.case}\n${source.sourceId}\n${source.quote}`;
}

/** The highlighted passage of as much of the fact text as fits in `max` (cut before highlighting, so bold stays whole). */
function shortPassage(result: AnswerResult, findSpans: SpanFinder, max: number): string {
  let length = Math.min(result.text.length, 1000);
  let passage = highlight(truncate(result.text, length), result.matched, findSpans);
  while (passage.length > max && length > 20) {
    length = Math.floor(length * 0.8);
    passage = highlight(truncate(result.text, length), result.matched, findSpans);
  }
  return passage;
}

function citations(
  result: AnswerResult,
  style: CitationStyle,
  quotedAbove: ReadonlySet<string>,
  t: Catalog,
): { lines: string[]; quoted: string[] } {
  const sources = result.sources;
  const quoted: string[] = [];
  const lines = sources.slice(0, style.maxCitations).flatMap((source) => {
    const key = quoteKey(result, source);
    if (quotedAbove.has(key)) return [`-# ${t.t('answer.sameSentence', { source: sourceLabel(source, t, true, 80) })}`];
    quoted.push(key);
    return [...blockQuote(source.quote, style.quoteLength), smallPrint(source, style.compact, t)];
  });
  const more = sources.length - style.maxCitations;
  if (more > 0) lines.push(`-# ${t.tn('answer.moreSources', more, {})}`);
  return { lines, quoted };
}

/**
 * Where a sentence is in its source: "sentence 3 of 8", "sentences 3–4 of 8", or '' when unknown.
 *
 * @example
 * sentenceLabel({ first: 3, last: 3, of: 8 }) // 'sentence 3 of 8'
 */
export function sentenceLabel(sentence: AnswerSource['sentence'], t: Catalog = EN): string {
  if (sentence === null || sentence.first < 1) return '';
  return sentence.last > sentence.first ? t.t('source.sentences', sentence) : t.t('source.sentence', sentence);
}

/**
 * A verbatim sentence as a Discord block quote, every line prefixed so no line escapes the quote.
 *
 * @example
 * blockQuote('It *was* late.', 100) // ['> It \\*was\\* late.']
 */
export function blockQuote(text: string, max: number): string[] {
  const clean = truncate(collapseWhitespace(stripControl(text)), max);
  return clean.split('\n').map((line) => `> ${escapeMarkdown(neutralizeMentions(line))}`);
}

/** `-# — [Title](url) · Publisher, 2024-05-01 · sentence 3 of 8`: a masked link only when a safe URL is known. */
function smallPrint(source: AnswerSource, compact: boolean, t: Catalog): string {
  return `-# — ${sourceLabel(source, t, compact)}`;
}

/** Title (linked when a safe URL is known), "Publisher, date", sentence; `compact`: the title alone, shortened to `compactTitle`. */
function sourceLabel(source: AnswerSource, t: Catalog, compact: boolean, compactTitle = 40): string {
  const where = sentenceLabel(source.sentence, t);
  if (compact) return [sanitizeUserText(source.title, compactTitle), where].filter((part) => part !== '').join(' · ');
  const url = safeUrl(source.url);
  // Brackets inside a masked link's text confuse Discord's parser even when escaped.
  const shownTitle =
    url === null
      ? sanitizeUserText(source.title, 120)
      : `[${sanitizeUserText(source.title.replace(/\[/g, '(').replace(/\]/g, ')'), 120)}](${url})`;
  const published = [source.publisher, source.date]
    .filter((part): part is string => part !== null && part.trim().length > 0)
    .map((part) => sanitizeUserText(part, 80))
    .join(', ');
  return [shownTitle, published, where].filter((part) => part !== '').join(' · ');
}

/**
 * An http(s) URL fit for a masked link, or null. Parentheses and backslashes are percent-encoded
 * so they cannot end the link early.
 *
 * @example
 * safeUrl('https://example.org/a_(b)') // 'https://example.org/a_%28b%29'
 * safeUrl('javascript:alert(1)')       // null
 * safeUrl('https://x.example/@everyone') // 'https://x.example/%40everyone'
 */
export function safeUrl(url: string | null): string | null {
  if (url === null || url.length > 1000) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // Credentials have no place in a cited link; without them every '@' left is in the path, query
  // or fragment, where %40 means the same and cannot read as a mention.
  parsed.username = '';
  parsed.password = '';
  return parsed.href.replace(/@/g, '%40').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\\/g, '%5C').replace(/\s/g, '%20');
}

function pagingRow(ids: PageButtonIds, page: number, pages: number, t: Catalog): APIActionRowComponent<APIButtonComponent> {
  const last = pages - 1;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t.t('paging.back'),
        // Disabled buttons still need distinct ids: at the ends these point at the current page.
        custom_id: ids.page(Math.max(0, page - 1)),
        disabled: page === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t.t('paging.page', { page: page + 1, pages }),
        custom_id: ids.info,
        disabled: true,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: t.t('paging.more'),
        custom_id: ids.page(Math.min(last, page + 1)),
        disabled: page === last,
      },
    ],
  };
}

/**
 * A case's colour, the same every time.
 *
 * @example
 * caseColour('tick-jaxa') === caseColour('tick-jaxa') // true
 */
export function caseColour(caseId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i += 1) hash = Math.imul(hash ^ caseId.charCodeAt(i), 0x01000193) >>> 0;
  return CASE_COLOURS[hash % CASE_COLOURS.length] ?? CASE_COLOURS[0];
}

/** The no-match line of each kind of answer the facts lack (`Answer.wanted`). */
const GAP_LINES = {
  name: 'noMatch.noName',
  amount: 'noMatch.noAmount',
  date: 'noMatch.noDate',
  discovery: 'noMatch.noDiscovery',
  statement: 'noMatch.noStatement',
  indicator: 'noMatch.noIndicator',
  identity: 'noMatch.noIdentity',
} as const satisfies Readonly<Record<WantedAnswer, MessageKey>>;

/**
 * Ephemeral reply for a query nothing matched: says so, offers "Did you mean" suggestions when
 * the index has any, and hints what to try (naming the cases when their titles are given).
 *
 * @example
 * renderNoMatch({ query: 'jaxxa', results: [], suggestions: ['jaxa'] }).content
 * // 'No facts match “jaxxa”.\nDid you mean: **jaxa**?\n-# Try fewer words, a name or a date.'
 */
export function renderNoMatch(answer: Answer, caseTitles?: ReadonlyMap<string, string>, t: Catalog = EN): Reply {
  const echo = sanitizeUserText(answer.query, QUERY_ECHO);
  // "what happened", "who did it": only question words, which the search ignores. Saying "no facts
  // match" would suggest the case knows nothing; the useful answer is what to ask instead.
  const topicless = answer.queryTerms === 0;
  const query = t.t('quoted', { text: echo });
  const offTopic = answer.offTopic === true;
  const lines = [
    topicless
      ? t.t('noMatch.topicless', { query })
      : offTopic
        ? t.t('noMatch.offTopic', { query })
        : t.t(answer.wanted === undefined ? 'noMatch.none' : GAP_LINES[answer.wanted], { query }),
  ];
  const missing = noMatchNote(answer, t);
  if (missing !== '') lines.push(t.t('sentence', { text: missing }));
  const suggestions = answer.suggestions.slice(0, 5).map((s) => `**${sanitizeUserText(s, 80)}**`);
  if (suggestions.length > 0) lines.push(t.t('noMatch.didYouMean', { suggestions: suggestions.join(t.t('list.separator')) }));
  // A name, an amount or a statement the facts do not give: a gap in them, and no other wording would find it.
  const gap = !topicless && !offTopic && answer.wanted !== undefined;
  lines.push(`-# ${topicless || offTopic ? t.t('noMatch.tipTopicless') : gap ? t.t('noMatch.tipGap') : t.t('noMatch.tip')}`);
  if (caseTitles !== undefined && caseTitles.size > 0) {
    const titles = [...caseTitles.values()].slice(0, 10).map((title) => sanitizeUserText(title, 100));
    lines.push(
      `-# ${t.t('noMatch.cases', { titles: `${titles.join(t.t('list.separator'))}${caseTitles.size > 10 ? `${t.t('list.separator')}…` : ''}` })}`,
    );
  }
  return fitReply({ content: lines.join('\n'), ephemeral: true });
}

/** Undoes the markdown escapes of {@link sanitizeUserText} (for plain text output). */
export function markdownFree(text: string): string {
  return text.replace(/\\([^A-Za-z0-9\s])/g, '$1');
}
