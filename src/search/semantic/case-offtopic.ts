/**
 * Each case's own off-topic questions (`offtopic:` in case.yaml, `Case.offtopic`): what its
 * community asks about something else, above all in another sense of the case's names ("when is
 * jaxa's next launch"). They join the shipped everyday questions in the off-topic check, for the
 * facts of that case only.
 *
 * Read as a member's question of that case is read (its aliases add their names), so the two
 * compare on equal terms. A case whose lines and aliases did not change keeps its previous vectors.
 */
import type { FactSet } from '../../facts/types.js';
import { EverydayVectors } from './everyday-vectors.js';
import type { SentenceWord, WordVectors } from './word-vectors.js';

/** One case's off-topic vectors, and what they were read from (for reuse). */
export interface CaseOfftopic {
  /** The lines and the case's aliases, as read: equal keys give equal vectors (with the same word vectors). */
  readonly key: string;
  readonly vectors: EverydayVectors;
}

/** Reads a line as a member's question of `caseId`. */
export type CaseReader = (question: string, caseId: string) => readonly SentenceWord[];

/**
 * The vectors of every case that lists off-topic questions, by case id.
 *
 * @example
 * const byCase = await buildCaseOfftopic(factSet, words, (q, caseId) => index.questionWords(q, caseId));
 * byCase.get('tick-jaxa')?.vectors.reaches(queryVector, 0.7)
 */
export async function buildCaseOfftopic(
  factSet: FactSet,
  words: WordVectors,
  read: CaseReader,
  options: { readonly previous?: ReadonlyMap<string, CaseOfftopic>; readonly signal?: AbortSignal } = {},
): Promise<ReadonlyMap<string, CaseOfftopic>> {
  const out = new Map<string, CaseOfftopic>();
  for (const [id, c] of factSet.cases) {
    const questions = c.offtopic ?? [];
    if (questions.length === 0) continue;
    const key = JSON.stringify([questions, c.aliases]);
    const previous = options.previous?.get(id);
    if (previous !== undefined && previous.key === key && previous.vectors.model === words.version) {
      out.set(id, previous);
      continue;
    }
    const vectors = await EverydayVectors.build(words, (question) => read(question, id), {
      questions,
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    });
    out.set(id, { key, vectors });
  }
  return out;
}
