/**
 * Query → {@link Answer}: the one function the CLI, the console and the bot all call.
 */
import type { Case, Citation, FactSet } from '../facts/types.js';
import type { Hit, SearchOptions, SearchResponse } from '../search/types.js';
import { boldRuleFor, matchedWords, type BoldRule } from './matched-words.js';
import type { Answer, AnswerResult, AnswerSource } from './types.js';

/**
 * Results kept per answer, everywhere: the pages of `/case`, the console and `npm run ask` all
 * count the same facts for the same question.
 */
export const ANSWER_LIMIT = 15;

/** What {@link answer} needs of an index; `FactIndex` satisfies it. */
export interface Searchable {
  readonly factSet: FactSet;
  search(query: string, options?: SearchOptions): SearchResponse;
}

export interface AnswerOptions {
  /** Only facts of this case. Default: all cases. */
  readonly caseId?: string;
  /** Maximum number of results. Default {@link ANSWER_LIMIT}. */
  readonly limit?: number;
}

/**
 * Searches the index and returns the answer as plain data: each hit with its fact text, score
 * (rounded to 2 decimals), the words of its text that matched (as written there), and the verbatim
 * source sentences it rests on — the source's own text, which sentence of the source it is, and the
 * source's title, publisher, date and URL. This is exactly what `ask --json` prints.
 *
 * @example
 * const a = answer(index, 'jaxa launch', { caseId: 'tick-jaxa', limit: 10 });
 * a.results[0]?.sources[0]?.quote // 'The launch was postponed …'
 */
export function answer(index: Searchable, query: string, options: AnswerOptions = {}): Answer {
  const searchOptions: { caseId?: string; limit: number } = { limit: options.limit ?? ANSWER_LIMIT };
  if (options.caseId !== undefined) searchOptions.caseId = options.caseId;
  const response = index.search(query, searchOptions);
  const rules = new Map<string, BoldRule>();
  const ruleFor = (caseId: string): BoldRule => {
    let rule = rules.get(caseId);
    if (rule === undefined) {
      rule = boldRuleFor(query, index.factSet, caseId);
      rules.set(caseId, rule);
    }
    return rule;
  };
  return {
    query,
    results: response.hits.map((hit) => toResult(hit, index.factSet.cases.get(hit.fact.caseId), ruleFor(hit.fact.caseId))),
    suggestions: [...response.suggestions],
    unmatched: [...response.unmatched],
    queryTerms: response.queryTerms,
    ...(response.offTopic === true ? { offTopic: true as const } : {}),
    ...(response.overview === true ? { overview: true as const } : {}),
    ...(response.wanted !== undefined ? { wanted: response.wanted } : {}),
  };
}

function toResult(hit: Hit, owner: Case | undefined, rule: BoldRule): AnswerResult {
  return {
    id: hit.fact.id,
    case: hit.fact.caseId,
    text: hit.fact.text,
    score: roundScore(hit.score),
    sources: hit.fact.citations.map((citation) => toSource(citation, owner)),
    matched: matchedWords(hit.fact.text, hit.matched, rule),
  };
}

function toSource(citation: Citation, owner: Case | undefined): AnswerSource {
  const source = owner?.sources.get(citation.source);
  // The loader guarantees the source exists; if it somehow doesn't, show its id rather than fail.
  return {
    sourceId: citation.source,
    quote: citation.sourceText,
    sentence: citation.position.first > 0 ? { ...citation.position } : null,
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
