/**
 * The MiniSearch instance behind a {@link FactIndex}: documents arrive already analysed (terms
 * joined by spaces), so MiniSearch's own tokenizer and term processing are reduced to identity and
 * cannot disagree with ours.
 */
import MiniSearch from 'minisearch';
import type { IndexedFields } from './fact-doc.js';

/** What MiniSearch stores: the position of the fact in the fact set, and its analysed fields. */
export interface EngineDocument extends IndexedFields {
  readonly id: number;
}

/**
 * Field boosts: a fact's own sentence says what it is about; tags are the moderator's summary of
 * it; quotes are whole source sentences that often mention other things, so they count least.
 */
export const FIELD_BOOSTS = { text: 2, tags: 1.5, quotes: 0.5 } as const;
export const FIELDS = ['text', 'tags', 'quotes'] as const;

export class Engine extends MiniSearch<EngineDocument> {
  constructor() {
    super({
      fields: [...FIELDS],
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
      // Discarded documents are never used: every build starts from a fresh engine.
      autoVacuum: false,
      searchOptions: {
        tokenize: (text) => [text],
        processTerm: (term) => term,
        boost: { ...FIELD_BOOSTS },
        weights: { fuzzy: 0.45, prefix: 0.375 },
        maxFuzzy: 2,
      },
    });
  }

  /**
   * Indexed terms within `maxDistance` edits of `term`, with their distance. A trie walk, so it
   * stays cheap on a large vocabulary.
   *
   * @example
   * engine.nearTerms('kataa', 2) // => [{ term: 'kato', distance: 2 }]
   */
  nearTerms(term: string, maxDistance: number): { term: string; distance: number }[] {
    const out: { term: string; distance: number }[] = [];
    for (const [found, [, distance]] of this._index.fuzzyGet(term, maxDistance)) out.push({ term: found, distance });
    return out;
  }
}
