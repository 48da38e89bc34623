/**
 * Query → {@link Answer}: the one function the CLI, the console and the bot all call.
 */
import type { Case, Citation, FactSet } from '../facts/types.js';
import type { Hit, SearchOptions, SearchResponse } from '../search/types.js';
import type { Answer, AnswerResult, AnswerSource } from './types.js';

/** What {@link answer} needs of an index; `FactIndex` satisfies it. */
export interface Searchable {
  readonly factSet: FactSet;
  search(query: string, options?: SearchOptions): SearchResponse;
}

export interface AnswerOptions {
  /** Only facts of this case. Default: all cases. */
  readonly caseId?: string;
  /** Maximum number of results. Default: the index's default (5). */
  readonly limit?: number;
}

/**
 * Searches the index and returns the answer as plain data: each hit with its fact text, score
 * (rounded to 2 decimals) and the verbatim source sentences it rests on, with their sources'
 * title, publisher, date and URL. This is exactly what `ask --json` prints.
 *
 * @example
 * const a = answer(index, 'jaxa launch', { caseId: 'tick-jaxa', limit: 10 });
 * a.results[0]?.sources[0]?.quote // 'The launch was postponed …'
 */
export function answer(index: Searchable, query: string, options: AnswerOptions = {}): Answer {
  const searchOptions: { caseId?: string; limit?: number } = {};
  if (options.caseId !== undefined) searchOptions.caseId = options.caseId;
  if (options.limit !== undefined) searchOptions.limit = options.limit;
  const response = index.search(query, searchOptions);
  return {
    query,
    results: response.hits.map((hit) => toResult(hit, index.factSet.cases.get(hit.fact.caseId))),
    suggestions: [...response.suggestions],
    unmatched: [...response.unmatched],
  };
}

function toResult(hit: Hit, owner: Case | undefined): AnswerResult {
  return {
    id: hit.fact.id,
    case: hit.fact.caseId,
    text: hit.fact.text,
    score: roundScore(hit.score),
    sources: hit.fact.citations.map((citation) => toSource(citation, owner)),
    matched: [...hit.matched],
  };
}

function toSource(citation: Citation, owner: Case | undefined): AnswerSource {
  const source = owner?.sources.get(citation.source);
  // The loader guarantees the source exists; if it somehow doesn't, show its id rather than fail.
  return {
    sourceId: citation.source,
    quote: citation.quote,
    title: source?.title ?? citation.source,
    publisher: source?.publisher ?? null,
    date: source?.date ?? null,
    url: source?.url ?? null,
  };
}

function roundScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  const rounded = Math.round(score * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}
