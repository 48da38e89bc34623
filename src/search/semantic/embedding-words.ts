/**
 * The words a sentence vector is made of: lower-cased surface words (not stems — the word vectors
 * know "arrested" and "arrest" apart), in order, of a fact's text, tags, questions and cited sentences.
 */
import type { Fact } from '../../facts/types.js';
import { surfaceOf } from '../analyze.js';
import { CHUNK } from '../text.js';

const WORDS = new RegExp(CHUNK.source, 'gu');

/**
 * @example
 * wordsOf('The seller canceled the transaction') // => ['the', 'seller', 'canceled', 'the', 'transaction']
 */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORDS)) out.push(surfaceOf(match[0]));
  return out;
}

/** A fact's words for its vector: its text, then its tags, the questions it answers, then its cited sentences. */
export function embeddingWords(fact: Fact): string[] {
  const out = wordsOf(fact.text);
  for (const tag of fact.tags) out.push(...wordsOf(tag));
  for (const question of fact.questions) out.push(...wordsOf(question));
  for (const citation of fact.citations) out.push(...wordsOf(citation.quote));
  return out;
}
