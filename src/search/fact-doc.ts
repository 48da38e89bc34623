/**
 * One fact analysed for indexing: its distinct terms, each with a precomputed BM25+ weight over
 * the fields it occurs in, and the surface words it used (for completion and display).
 */
import type { Fact } from '../facts/types.js';
import { termsOf, type Term } from './analyze.js';

/** What the engine stores for a document. Arrays are parallel: one entry per distinct term. */
export interface DocTerms {
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  /** Whether the term occurs in the fact's text, tags or questions (not only in a quote). */
  readonly strong: readonly boolean[];
  /** `[stem, surface]` pairs, each once. */
  readonly surfaces: readonly (readonly [string, string])[];
}

/**
 * Field boosts: a fact's own sentence says what it is about; tags are the moderator's summary of
 * it; questions are how members ask for it (many, in many words, so each word counts less); quotes
 * are whole source sentences that often mention other things, so they count least.
 */
export const FIELD_BOOSTS = { text: 2, tags: 1.5, questions: 1, quotes: 0.5 } as const;
/**
 * Typical field lengths in terms, fixed rather than measured so that a document's weights never
 * depend on which other documents were indexed with it (a build copies the postings of unchanged facts from the previous index).
 */
const AVERAGE_LENGTH = { text: 14, tags: 3, questions: 30, quotes: 22 } as const;
/** BM25+ parameters, MiniSearch's defaults. */
const K = 1.2;
const B = 0.7;
const DELTA = 0.5;

type Field = keyof typeof FIELD_BOOSTS;

/**
 * Analyses facts into their index terms. One per build: its scratch maps are reused for every fact
 * (a build analyses 100k facts, and fresh maps per fact were a large share of its garbage), and
 * belong to that build alone, so two builds can interleave their slices safely.
 */
export class FactAnalyzer {
  private readonly weight = new Map<string, number>();
  private readonly strong = new Set<string>();
  /** Surface word → stem (a surface always normalises to the same stem). */
  private readonly surfaces = new Map<string, string>();
  private readonly tf = new Map<string, number>();

  /**
   * @example
   * new FactAnalyzer().analyze(fact).terms // => ['seller', 'cancel', 'transaction', …]
   */
  analyze(fact: Fact): DocTerms {
    this.weight.clear();
    this.strong.clear();
    this.surfaces.clear();
    this.addField('text', termsOf(fact.text, 'index'));
    this.addField(
      'tags',
      fact.tags.length === 1 ? termsOf(fact.tags[0] ?? '', 'index') : fact.tags.flatMap((tag) => termsOf(tag, 'index')),
    );
    this.addField(
      'questions',
      fact.questions.length === 1 ? termsOf(fact.questions[0] ?? '', 'index') : fact.questions.flatMap((q) => termsOf(q, 'index')),
    );
    this.addField(
      'quotes',
      fact.citations.length === 1
        ? termsOf(fact.citations[0]?.quote ?? '', 'index')
        : fact.citations.flatMap((c) => termsOf(c.quote, 'index')),
    );
    const terms: string[] = [];
    const weights: number[] = [];
    const strongs: boolean[] = [];
    for (const [term, w] of this.weight) {
      terms.push(term);
      weights.push(w);
      strongs.push(this.strong.has(term));
    }
    const pairs: (readonly [string, string])[] = [];
    for (const [surface, term] of this.surfaces) pairs.push([term, surface]);
    return { terms, weights, strong: strongs, surfaces: pairs };
  }

  private addField(field: Field, terms: readonly Term[]): void {
    const tf = this.tf;
    tf.clear();
    for (const t of terms) {
      tf.set(t.term, (tf.get(t.term) ?? 0) + 1);
      // Bigrams and sub-words are indexing devices, not words anyone would pick from a list.
      if (!t.bigram && !t.derived) this.surfaces.set(t.surface, t.term);
    }
    const norm = 1 - B + (B * terms.length) / AVERAGE_LENGTH[field];
    for (const [term, n] of tf) {
      this.weight.set(term, (this.weight.get(term) ?? 0) + FIELD_BOOSTS[field] * (DELTA + (n * (K + 1)) / (n + K * norm)));
      if (field !== 'quotes') this.strong.add(term);
    }
  }
}
