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
   * The blind sets (`blind.yaml`, `blind2.yaml`, …): questions of the same kinds written blind by
   * other authors, each measured once before any change was chosen on it (figures in its header),
   * then used for development (their misses were read): more questions to choose a rule on, not
   * held-out sets. Which parts of each were read is in its header.
   */
  readonly blind: readonly NamedSets[];
}

export interface NamedSets extends QuestionSets {
  readonly name: BlindSet;
}

/** The blind sets, by file name without `.yaml`, in the order they were written (sessions 8, 9, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13). */
export const BLIND_SETS = [
  'blind',
  'blind2',
  'blind3',
  'blind4',
  'blind5',
  'blind6',
  'blind7',
  'blind8',
  'blind9',
  'blind10',
  'blind11',
  'blind12',
  'blind13',
  'blind14',
  'blind15',
  'blind16',
  'blind17',
  'blind18',
  'blind19',
  'blind20',
  'blind21',
  'blind22',
  'blind23',
  'blind24',
  'blind25',
  'blind26',
  'blind27',
  'blind28',
  'blind29',
  'blind30',
  'blind31',
  'blind32',
  'blind33',
  'blind34',
  'blind35',
  'blind36',
  'blind37',
  'blind38',
  'blind39',
  'blind40',
  'blind41',
  'blind42',
  'blind43',
  'blind44',
  'blind45',
  'blind46',
  'blind47',
  'blind48',
  'blind49',
  'blind50',
  'blind51',
  'blind52',
  'blind53',
  'blind54',
  'blind55',
  'blind56',
  'blind57',
  'blind58',
  'blind59',
  'blind60',
  'blind61',
  'blind62',
  'blind63',
  'blind64',
  'blind65',
  'blind66',
  'blind67',
  'blind68',
  'blind69',
  'blind70',
  'blind71',
  'blind72',
  'blind73',
  'blind74',
  'blind75',
  'blind76',
  'blind77',
  'blind78',
  'blind79',
  'blind80',
  'blind81',
  'blind82',
  'blind83',
  'blind84',
  'blind85',
  'blind86',
  'blind87',
  'blind88',
  'blind89',
  'blind90',
  'blind91',
  'blind92',
  'blind93',
  'blind94',
  'blind95',
  'blind96',
  'blind97',
  'blind98',
  'blind99',
  'blind100',
  'blind101',
  'blind102',
  'blind103',
  'blind104',
  'blind105',
  'blind106',
  'blind107',
  'blind108',
  'blind109',
  'blind110',
  'blind111',
  'blind112',
  'blind113',
  'blind114',
  'blind115',
  'blind116',
  'blind117',
  'blind118',
  'blind119',
  'blind120',
  'blind121',
  'blind122',
  'blind123',
  'blind124',
  'blind125',
  'blind126',
  'blind127',
  'blind128',
  'blind129',
  'blind130',
  'blind131',
  'blind132',
  'blind133',
  'blind134',
  'blind135',
  'blind136',
  'blind137',
  'blind138',
  'blind139',
  'blind140',
  'blind141',
  'blind142',
  'blind143',
  'blind144',
  'blind145',
  'blind146',
  'blind147',
  'blind148',
  'blind149',
  'blind150',
  'blind151',
  'blind152',
  'blind153',
  'blind154',
  'blind155',
  'blind156',
  'blind157',
  'blind158',
  'blind159',
  'blind160',
  'blind161',
  'blind162',
  'blind163',
  'blind164',
  'blind165',
  'blind166',
  'blind167',
  'blind168',
  'blind169',
  'blind170',
  'blind171',
  'blind172',
  'blind173',
  'blind174',
  'blind175',
  'blind176',
  'blind177',
  'blind178',
  'blind179',
  'blind180',
  'blind181',
] as const;
export type BlindSet = (typeof BLIND_SETS)[number];

/** Reads the judgment files of a folder (`test/relevance/`). Throws on a file that does not fit its schema. */
export async function loadRelevanceSets(dir: string): Promise<RelevanceSets> {
  const read = async (name: string): Promise<unknown> => parse(await readFile(`${dir}/${name}.yaml`, 'utf8'));
  const keyword = KeywordFile.parse(await read('queries'));
  const questions = QuestionFile.parse(await read('questions'));
  const holdout = QuestionFile.parse(await read('holdout'));
  const blind = await Promise.all(BLIND_SETS.map(async (name) => ({ name, ...QuestionFile.parse(await read(name)) })));
  return {
    keyword: keyword.queries,
    member: questions.member,
    japanese: questions.japanese,
    offtopic: [...keyword.offtopic, ...questions.offtopic],
    holdout,
    blind,
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
