/**
 * Builds what a snapshot searches: the lexical index, then (when word vectors are loaded) the fact
 * vectors, both in slices that yield to the event loop. The one way the store, the CLI and the
 * tests build a searchable index, so none of them can forget a part.
 */
import type { FactSet } from '../facts/types.js';
import { FactIndex } from './fact-index.js';
import type { Language } from './language.js';
import { FactVectors } from './semantic/fact-vectors.js';
import { QuestionVectors } from './semantic/question-vectors.js';
import { RelatedWords } from './semantic/related-words.js';
import { EverydayVectors } from './semantic/everyday-vectors.js';
import { buildCaseOfftopic } from './semantic/case-offtopic.js';

export interface BuildIndexOptions {
  /** The index being served: unchanged facts keep their postings and their vectors. */
  readonly previous?: FactIndex;
  readonly signal?: AbortSignal;
  /** Leave the vectors out, to add them later with {@link addVectors} (a cold start answers sooner). */
  readonly lexicalOnly?: boolean;
}

/**
 * @example
 * const index = await buildIndex(factSet, await loadLanguage());
 * index.search('was data stolen').hits[0]?.fact.id // => 'no-data-leak-or-damage'
 */
export async function buildIndex(factSet: FactSet, language: Language, options: BuildIndexOptions = {}): Promise<FactIndex> {
  const lexical = await FactIndex.buildAsync(factSet, {
    ...(options.previous !== undefined ? { previous: options.previous } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(language.words !== undefined ? { words: language.words } : {}),
    ...(language.glossary !== undefined ? { glossary: language.glossary } : {}),
  });
  if (options.lexicalOnly === true) return lexical;
  return addVectors(lexical, language, options);
}

/**
 * `index` with semantic search added; `index` itself when there are no word vectors. Vectors of
 * facts that `previous` already embedded are copied, not recomputed.
 */
export async function addVectors(
  index: FactIndex,
  language: Language,
  options: Pick<BuildIndexOptions, 'previous' | 'signal'> & { readonly onProgress?: (done: number, total: number) => void } = {},
): Promise<FactIndex> {
  const words = language.words;
  if (words === undefined) return index;
  // Read before the first await: the engine's word counts follow its newest snapshot.
  const served = index.servedWords();
  const related = await RelatedWords.build(served, words, options.signal);
  const vectors = await FactVectors.build(index.factSet, words, {
    ...(options.previous?.vectors !== undefined ? { previous: options.previous.vectors } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
  });
  const questions = await QuestionVectors.build(index.factSet, words, (question, fact) => index.questionWords(question, fact.caseId), {
    ...(options.previous?.questions !== undefined ? { previous: options.previous.questions } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  });
  const everyday = await EverydayVectors.build(words, (question) => index.questionWords(question), {
    ...(options.previous?.everyday !== undefined ? { previous: options.previous.everyday } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  });
  const caseOfftopic = await buildCaseOfftopic(index.factSet, words, (question, caseId) => index.questionWords(question, caseId), {
    ...(options.previous?.caseOfftopic !== undefined ? { previous: options.previous.caseOfftopic } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  });
  return index.withVectors({ words, vectors, related, questions, everyday, caseOfftopic });
}
