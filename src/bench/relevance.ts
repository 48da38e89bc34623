/**
 * Relevance judgments (test/relevance/*.yaml) and the measures CI holds floors on: hit@3 and MRR
 * per group of questions, and how many off-topic questions got an answer at all.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

const Judged = z.object({ query: z.string().min(1), relevant: z.array(z.string().min(1)).min(1) });

/** `queries.yaml`: keyword-style queries, and off-topic ones. */
const KeywordFile = z.object({ queries: z.array(Judged), offtopic: z.array(z.string()) });
/** `questions.yaml`: member-style questions in English and Japanese, and off-topic ones. */
const QuestionFile = z.object({ member: z.array(Judged), japanese: z.array(Judged), offtopic: z.array(z.string()) });

export type JudgedQuery = z.infer<typeof Judged>;

/** The groups of one question file: member-style English, Japanese, off-topic. */
export interface QuestionSets {
  readonly member: readonly JudgedQuery[];
  readonly japanese: readonly JudgedQuery[];
  readonly offtopic: readonly string[];
}

export interface RelevanceSets extends QuestionSets {
  readonly keyword: readonly JudgedQuery[];
  /**
   * `holdout.yaml`: questions of the same kinds written by another author from the source and the
   * facts alone, before the search was tuned against them; reported apart, never tuned on.
   */
  readonly holdout: QuestionSets;
  /**
   * `blind.yaml`: questions of the same kinds written blind by other authors in session 8, and used
   * for development since (its misses were read): more questions to choose a rule on, not a held-out set.
   */
  readonly blind: QuestionSets;
  /**
   * `blind2.yaml`: a second blind set (session 9), rich in requests, first-person questions and
   * near misses about other incidents; development data since its first measurement.
   */
  readonly blind2: QuestionSets;
}

/** Reads the judgment files of a folder (`test/relevance/`). Throws on a file that does not fit its schema. */
export async function loadRelevanceSets(dir: string): Promise<RelevanceSets> {
  const keyword = KeywordFile.parse(parse(await readFile(`${dir}/queries.yaml`, 'utf8')));
  const questions = QuestionFile.parse(parse(await readFile(`${dir}/questions.yaml`, 'utf8')));
  const holdout = QuestionFile.parse(parse(await readFile(`${dir}/holdout.yaml`, 'utf8')));
  const blind = QuestionFile.parse(parse(await readFile(`${dir}/blind.yaml`, 'utf8')));
  const blind2 = QuestionFile.parse(parse(await readFile(`${dir}/blind2.yaml`, 'utf8')));
  return {
    keyword: keyword.queries,
    member: questions.member,
    japanese: questions.japanese,
    offtopic: [...keyword.offtopic, ...questions.offtopic],
    holdout,
    blind,
    blind2,
  };
}

export interface GroupScore {
  readonly count: number;
  readonly hitAt3: number;
  readonly mrr: number;
  /** `query → [top 3 ids]` for each query without a relevant fact in its top 3. */
  readonly misses: readonly string[];
}

/**
 * hit@3 and MRR (over the top 10) of `search`, which returns fact ids best first.
 *
 * @example
 * scoreGroup(sets.member, (q) => index.search(q, { limit: 10 }).hits.map((h) => h.fact.id))
 */
export function scoreGroup(queries: readonly JudgedQuery[], search: (query: string) => readonly string[]): GroupScore {
  let hits = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  for (const { query, relevant } of queries) {
    const ids = search(query).slice(0, 10);
    const rank = ids.findIndex((id) => relevant.includes(id));
    if (rank >= 0 && rank < 3) hits++;
    else misses.push(`${query} → [${ids.slice(0, 3).join(', ')}]`);
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  const n = Math.max(1, queries.length);
  return { count: queries.length, hitAt3: hits / n, mrr: reciprocal / n, misses };
}

/** The off-topic queries that got any answer. */
export function answeredOfftopic(queries: readonly string[], search: (query: string) => readonly string[]): string[] {
  return queries.filter((query) => search(query).length > 0).map((query) => `${query} → [${search(query).slice(0, 3).join(', ')}]`);
}
