/**
 * The words a sentence vector is made of: lower-cased surface words (not stems — the word vectors
 * know "arrested" and "arrest" apart), in order, of a fact's text, tags, questions and cited sentences.
 */
import type { Fact } from '../../facts/types.js';
import { surfaceOf } from '../analyze.js';
import { CHUNK } from '../text.js';
import type { SentenceWord } from './word-vectors.js';

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

/**
 * A fact's words for its vector: its text and tags, the questions it answers, then its cited
 * sentences. The questions together weigh at most as much as the text and tags: a fact with many
 * questions (moderators add them as members find new ways to ask) still has a vector that says what
 * the fact says — each question speaks for itself through the question vectors. With every question
 * word at full weight, eight slang questions more per fact pulled "vulnerabilities" below the
 * vulnerabilities fact's floor and let partial matches of off-topic questions through (README,
 * *Answer quality*, session 12).
 */
export function embeddingWords(fact: Fact): SentenceWord[] {
  const out: SentenceWord[] = wordsOf(fact.text);
  for (const tag of fact.tags) out.push(...wordsOf(tag));
  const asked = fact.questions.flatMap((q) => wordsOf(q));
  const weight = Math.min(1, out.length / Math.max(1, asked.length));
  for (const word of asked) out.push(weight === 1 ? word : { word, weight });
  for (const citation of fact.citations) out.push(...wordsOf(citation.quote));
  return out;
}
