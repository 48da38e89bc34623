/**
 * Which case a question is answered from, when the facts hold several: one answer never mixes
 * cases. The bot, the console and `npm run ask` all go through {@link answerInCase}.
 */
import { answer, ANSWER_LIMIT, type Searchable } from './answer.js';
import type { Answer } from './types.js';

/**
 * How the case was chosen: `asked` (the `case` option), `default` (the server's default case),
 * `best-match` (the case of the best-scoring fact; the reply names it), `only` (the facts hold one case).
 */
export type CaseChoiceHow = 'asked' | 'default' | 'best-match' | 'only';

/** Another case that also has results for the question, and how many. */
export interface OtherCase {
  readonly caseId: string;
  readonly title: string;
  readonly results: number;
}

export interface CaseChoice {
  readonly caseId: string;
  readonly title: string;
  readonly how: CaseChoiceHow;
  /** Other cases with results for the same question, most results first. Empty for `only`. */
  readonly others: readonly OtherCase[];
}

export interface AnswerInCaseOptions {
  /** The case asked for; must be one of the index's cases (see {@link AnswerInCaseResult}). */
  readonly caseId?: string | undefined;
  /** The server's default case, used when no case is asked for; ignored when it no longer exists. */
  readonly defaultCaseId?: string | undefined;
  /** Maximum number of results. Default {@link ANSWER_LIMIT}. */
  readonly limit?: number;
}

export type AnswerInCaseResult =
  | {
      readonly ok: true;
      readonly answer: Answer;
      /** Null when nothing matched in any case (nothing to name). */
      readonly choice: CaseChoice | null;
    }
  | { readonly ok: false; readonly unknownCase: string; readonly knownCases: readonly string[] };

/**
 * Answers `query` from one case only:
 * 1. the case asked for (`caseId`), else
 * 2. the server's default case (`defaultCaseId`, when it still exists), else
 * 3. the case of the best-scoring fact across all cases (`best-match`).
 * With one case loaded this is exactly {@link answer}. The choice lists the other cases that also
 * have results, so a reply can say "Also in: …" and how to see them.
 *
 * @example
 * const r = answerInCase(index, 'was data stolen', {});
 * if (r.ok) r.choice // { caseId: 'harbor-ransomware', how: 'best-match', others: [{ caseId: 'tick-jaxa', results: 1, … }] }
 */
export function answerInCase(index: Searchable, query: string, options: AnswerInCaseOptions = {}): AnswerInCaseResult {
  const limit = options.limit ?? ANSWER_LIMIT;
  const cases = index.factSet.cases;
  if (options.caseId !== undefined && !cases.has(options.caseId)) {
    return { ok: false, unknownCase: options.caseId, knownCases: [...cases.keys()] };
  }
  const titleOf = (caseId: string): string => cases.get(caseId)?.title ?? caseId;
  if (cases.size <= 1) {
    const only = answer(index, query, { limit, ...(options.caseId === undefined ? {} : { caseId: options.caseId }) });
    const first = only.results[0];
    return {
      ok: true,
      answer: only,
      choice: first === undefined ? null : { caseId: first.case, title: titleOf(first.case), how: 'only', others: [] },
    };
  }

  let caseId: string | undefined;
  let how: CaseChoiceHow;
  if (options.caseId !== undefined) {
    caseId = options.caseId;
    how = 'asked';
  } else if (options.defaultCaseId !== undefined && cases.has(options.defaultCaseId)) {
    caseId = options.defaultCaseId;
    how = 'default';
  } else {
    // The best fact decides: the case a member most likely means is the one with the closest fact.
    caseId = answer(index, query, { limit: 1 }).results[0]?.case;
    how = 'best-match';
  }
  if (caseId === undefined) return { ok: true, answer: answer(index, query, { limit }), choice: null };

  const chosen = answer(index, query, { caseId, limit });
  const others: OtherCase[] = [];
  for (const other of cases.keys()) {
    if (other === caseId) continue;
    const results = answer(index, query, { caseId: other, limit }).results.length;
    if (results > 0) others.push({ caseId: other, title: titleOf(other), results });
  }
  others.sort((a, b) => b.results - a.results || a.caseId.localeCompare(b.caseId));
  if (chosen.results.length === 0 && others.length === 0) return { ok: true, answer: chosen, choice: null };
  return { ok: true, answer: chosen, choice: { caseId, title: titleOf(caseId), how, others } };
}
