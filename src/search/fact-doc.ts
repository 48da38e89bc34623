/**
 * One fact analysed for indexing. Analysis (segmenting, normalising) is the expensive part of a
 * build and depends only on the fact's own text, tags and quotes, so a rebuild can reuse it for
 * every fact that did not change.
 */
import type { Fact } from '../facts/types.js';
import { termsOf, type Term } from './analyze.js';
import type { FactTerms } from './vocabulary.js';

/** The fields MiniSearch indexes: terms already normalised, joined by single spaces. */
export interface IndexedFields {
  readonly text: string;
  readonly tags: string;
  readonly quotes: string;
}

export interface AnalyzedFact extends FactTerms {
  /** The fact this was computed from: reuse is allowed while its content is the same. */
  readonly source: Fact;
  readonly fields: IndexedFields;
}

/**
 * @example
 * analyzeFact(fact).fields.text // => 'seller cancel transaction'
 */
export function analyzeFact(fact: Fact): AnalyzedFact {
  const text = termsOf(fact.text, 'index');
  const tags = fact.tags.flatMap((tag) => termsOf(tag, 'index'));
  const quotes = fact.citations.flatMap((c) => termsOf(c.quote, 'index'));
  const stems = new Set<string>();
  const surfaces = new Map<string, readonly [string, string]>();
  for (const term of [...text, ...tags, ...quotes]) {
    stems.add(term.term);
    // Bigrams are an indexing device, not words anyone would pick from a list.
    if (!term.bigram) surfaces.set(`${term.term}\u0000${term.surface}`, [term.term, term.surface]);
  }
  return {
    source: fact,
    fields: { text: join(text), tags: join(tags), quotes: join(quotes) },
    stems: [...stems],
    surfaces: [...surfaces.values()],
  };
}

/** Whether `previous` was analysed from content identical to `fact`'s (same text, tags, quotes). */
export function isReusable(previous: AnalyzedFact, fact: Fact): boolean {
  const old = previous.source;
  if (old === fact) return true;
  return (
    old.text === fact.text &&
    sameList(old.tags, fact.tags) &&
    sameList(
      old.citations.map((c) => c.quote),
      fact.citations.map((c) => c.quote),
    )
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function join(terms: readonly Term[]): string {
  return terms.map((t) => t.term).join(' ');
}
