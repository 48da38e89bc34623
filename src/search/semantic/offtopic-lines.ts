/**
 * Checks a case's own off-topic questions (`offtopic:` in case.yaml) for the two ways a line can
 * work against its moderators, so that `npm run check-facts` can warn before the bot serves it:
 * - it reads like a question the case's facts answer (cosine ≥ {@link NEAR_FACT_COSINE} to a fact's
 *   text or to one of its own questions): members asking that question would be told it is about
 *   something else ("who is tick" beside the fact answering it);
 * - the word vectors would read it as its form alone (`readsAsFormOnly`): it is left out, and stops
 *   nothing ("how do i cancel nitro", nitro unknown to them).
 * Plain data in, plain data out; the caller prints.
 */
import type { FactIndex } from '../fact-index.js';
import { readsAsFormOnly } from './everyday-vectors.js';
import type { WordVectors } from './word-vectors.js';

/**
 * Cosine from which an off-topic line counts as one of the facts' own questions: the bar the
 * relevance suite sets between its questions and the everyday lines (`relevance.test.ts`).
 */
export const NEAR_FACT_COSINE = 0.9;

export type OfftopicLineWarning =
  | { readonly kind: 'near-fact'; readonly caseId: string; readonly line: string; readonly factId: string; readonly cosine: number }
  | { readonly kind: 'form-only'; readonly caseId: string; readonly line: string };

/**
 * The warnings for every case's off-topic lines, in case and line order; empty when the index has
 * no semantic search (nothing to compare with).
 *
 * @example
 * checkOfftopicLines(index, words) // => [{ kind: 'near-fact', caseId: 'tick-jaxa', line: 'who is tick', factId: 'what-is-tick', cosine: 1 }]
 */
export function checkOfftopicLines(index: FactIndex, words: WordVectors): OfftopicLineWarning[] {
  const { vectors, questions } = index;
  if (vectors === undefined || questions === undefined) return [];
  const out: OfftopicLineWarning[] = [];
  const vector = new Float32Array(words.dims);
  for (const [caseId, c] of index.factSet.cases) {
    for (const line of c.offtopic ?? []) {
      const sentence = index.questionWords(line, caseId);
      if (readsAsFormOnly(sentence, words)) {
        out.push({ kind: 'form-only', caseId, line });
        continue;
      }
      if (!words.embedInto(sentence, vector)) continue;
      const near = [...vectors.search(vector, 1, NEAR_FACT_COSINE, caseId), ...questions.search(vector, 1, NEAR_FACT_COSINE, caseId)];
      const closest = near.sort((a, b) => b.cosine - a.cosine)[0];
      if (closest !== undefined) out.push({ kind: 'near-fact', caseId, line, factId: closest.fact.id, cosine: closest.cosine });
    }
  }
  return out;
}

/** A sentence a moderator understands, naming the case, the line and what to do. */
export function describeOfftopicLineWarning(warning: OfftopicLineWarning): string {
  const where = `case ${warning.caseId}, offtopic: "${warning.line}"`;
  return warning.kind === 'near-fact'
    ? `${where} reads like a question fact ${warning.factId} answers (cosine ${warning.cosine.toFixed(2)}): members asking it would be told it is about something else. Reword it, or remove it.`
    : `${where} is ignored: the word vectors know fewer than two of its words, so it would stand for its question form alone. Add words they know (say what the thing is: "discord nitro subscription").`;
}
