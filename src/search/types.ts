import type { Fact } from '../facts/types.js';

/** Options of {@link FactIndex.search}. */
export interface SearchOptions {
  /** Only facts of this case. Default: all cases. */
  readonly caseId?: string;
  /** Maximum number of hits. Default 5. */
  readonly limit?: number;
}

export interface Hit {
  readonly fact: Fact;
  /** Relevance; larger is better. Only comparable within one response. */
  readonly score: number;
  /**
   * The query terms (normalised, as the index sees them) that matched this fact. The renderer
   * bolds passage words whose normalised form starts with one of these (see `normalizeTerm`).
   */
  readonly matched: readonly string[];
}

/** The kind of answer a question asks for that the facts may lack (see `wanted-answer.ts`). */
export type WantedAnswer = 'name' | 'amount' | 'date' | 'discovery' | 'statement' | 'indicator' | 'identity';

export interface SearchResponse {
  /** Best first. Empty when nothing clears the relevance floor. */
  readonly hits: readonly Hit[];
  /** "Did you mean" terms or phrases; only when there are no hits and a close term exists. */
  readonly suggestions: readonly string[];
  /**
   * Words of the query that no fact has (as typed), e.g. `speech` in "kato speech": the hits
   * then answer the rest of the question, and the reply says which words found nothing.
   */
  readonly unmatched: readonly string[];
  /**
   * How many things the query asks about: the units the search looked for (a word, or an alias name
   * standing for its group; stop words and question words do not count; a fact key is one). 0 means
   * the query names no topic ("who did it"), which is why it found nothing; `unmatched` shorter
   * than this means some of its words did match a fact.
   */
  readonly queryTerms: number;
  /**
   * Facts matched some words, but the question is plainly about something else ("how many members
   * does this server have"): it is closer in meaning to everyday chatter than to any of them, so
   * none is shown. Absent when false.
   */
  readonly offTopic?: true;
  /**
   * Facts are about the question, but none holds the kind of answer it asks for: a name ("what was
   * the fake company called"), an amount ("how much was it worth"), a date ("when did the engineer
   * leave"), how something came to light ("how did police find out") or what one of the case's
   * entities said ("did JAXA say anything about it"). No hits; a gap in the facts,
   * which the reply names. Absent otherwise.
   */
  readonly wanted?: WantedAnswer;
  /**
   * The question asked for the whole story ("what happened", "what is this case about"): the hits
   * are the case's overview, its facts closest to the case's summary. Absent when false.
   */
  readonly overview?: true;
}

/** English words: a word in the dictionary is never treated as a typo of some other indexed word. */
export interface Dictionary {
  has(word: string): boolean;
}

export interface AutocompleteOptions {
  readonly caseId?: string;
  /** At most 25 (Discord's limit). Default 25. */
  readonly limit?: number;
}

/** One autocomplete choice; both strings are 1–100 characters. */
export interface AutocompleteChoice {
  readonly name: string;
  readonly value: string;
  /** What the choice is: a completed term/alias, or a fact (value is then a query that finds it). */
  readonly kind: 'term' | 'fact';
}
