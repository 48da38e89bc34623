/**
 * Checks the `questions:` of a case's facts as a whole. A question written on two facts helps
 * neither: a member asking it gets both, ranked by chance. It is a warning, not an error — the facts
 * are still served — so check-facts shows it, and a reload goes through and lists it.
 */
import type { Fact, LoadProblem } from './types.js';
import { oneLine } from '../shared/whitespace.js';

/** A question on a second fact: where that fact is (its file and line), and what to do. */
export interface SharedQuestion {
  readonly file: string;
  readonly line: number;
  readonly message: string;
  readonly problem: Extract<LoadProblem, { kind: 'shared-question' }>;
}

/** One warning per question that more than one fact of `facts` carries (compared case- and space-insensitively). */
export function sharedQuestionWarnings(facts: readonly Fact[]): SharedQuestion[] {
  const first = new Map<string, Fact>();
  const out: SharedQuestion[] = [];
  for (const fact of facts) {
    for (const question of fact.questions) {
      const key = oneLine(question.normalize('NFKC').toLowerCase());
      const owner = first.get(key);
      if (owner === undefined) first.set(key, fact);
      else if (owner !== fact)
        out.push({
          file: fact.file,
          line: fact.line,
          message: `the question "${question}" is on fact '${owner.id}' and on fact '${fact.id}'; keep it only on the fact that answers it`,
          problem: { kind: 'shared-question', question, first: owner.id, second: fact.id },
        });
    }
  }
  return out;
}
