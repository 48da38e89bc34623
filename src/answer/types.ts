import type { WantedAnswer } from '../search/types.js';

/** The answer to one query, as plain data: what `ask --json` prints and what every renderer consumes. */

export interface AnswerSource {
  readonly sourceId: string;
  /** The verbatim source sentence, exactly as the source writes it. */
  readonly quote: string;
  /** Which sentences of the source it is (1-based), or null when that could not be told. */
  readonly sentence: { readonly first: number; readonly last: number; readonly of: number } | null;
  readonly title: string;
  readonly publisher: string | null;
  readonly date: string | null;
  readonly url: string | null;
}

export interface AnswerResult {
  /** Fact id (unique within its case). */
  readonly id: string;
  readonly case: string;
  readonly text: string;
  /** Rounded to 2 decimals. */
  readonly score: number;
  readonly sources: readonly AnswerSource[];
  /** Words and names of the fact's text that matched, as written there: what replies bold (see matched-words.ts). */
  readonly matched: readonly string[];
}

export interface Answer {
  readonly query: string;
  /** Best first. */
  readonly results: readonly AnswerResult[];
  readonly suggestions: readonly string[];
  /** Words of the query no fact has (as typed); the results answer the rest of the question. */
  readonly unmatched: readonly string[];
  /** How many things the question asks about, as the search read it (see `SearchResponse.queryTerms`); 0: no topic. */
  readonly queryTerms: number;
  /**
   * No results because the question is about something else than the cases (see
   * `SearchResponse.offTopic`): not a gap in what the moderators wrote. Absent when false.
   */
  readonly offTopic?: true;
  /** The results are the case's overview (see `SearchResponse.overview`): the reply says so. Absent when false. */
  readonly overview?: true;
  /**
   * No results because no fact holds the name or amount the question asks for, though facts are
   * about it (see `SearchResponse.wanted`): a gap the reply names. Absent otherwise.
   */
  readonly wanted?: WantedAnswer;
}
