/**
 * The sentence vectors of the questions moderators wrote for facts (`questions:` in a facts file):
 * one int8 row per question, each owned by its fact. A member's question is compared with these
 * question by question — two questions compare far better than a question and a statement, since
 * they share their form and their words ("did he get away" ~ "did he flee or escape").
 *
 * Immutable once built; a build copies the rows of facts an earlier build already embedded (the
 * store keeps the very objects of unchanged facts), so a reload embeds only new and changed facts —
 * and the facts of a case whose alias names changed, since a question is read with them.
 */
import type { Fact, FactSet } from '../../facts/types.js';
import { FactKeyMap } from '../../facts/fact-key-map.js';
import { Slicer } from '../../shared/slicer.js';
import type { SemanticHit } from './fact-vectors.js';
import type { SentenceWord, WordVectors } from './word-vectors.js';
import { DOT_UNIT, keepBest, VectorRows } from './vector-rows.js';

/** The words a question's vector is made of: the same reading a member's question gets. */
export type QuestionReader = (question: string, fact: Fact) => readonly SentenceWord[];

export interface BuildQuestionVectorsOptions {
  /** Rows of an earlier build with the same word vectors: the rows of identical facts are copied. */
  readonly previous?: QuestionVectors;
  readonly signal?: AbortSignal;
}

/** Where a fact's rows start and how many it has. */
interface Span {
  readonly fact: Fact;
  readonly from: number;
  readonly count: number;
}

export class QuestionVectors {
  private constructor(
    /** The word vectors' version: rows from another version are never reused. */
    readonly model: string,
    readonly dims: number,
    /** The fact of each row. */
    private readonly owners: readonly Fact[],
    private readonly rows: VectorRows,
    private readonly spans: FactKeyMap<Span>,
    /** Each case's alias names, as the questions were read with them. */
    private readonly aliasesByCase: ReadonlyMap<string, string>,
    /** Facts whose questions this build embedded (the rest were copied or had none). */
    readonly embedded: number,
  ) {}

  /** Number of question rows. */
  get size(): number {
    return this.owners.length;
  }

  /**
   * Embeds every question of every fact, in slices that yield to the event loop. `read` turns a
   * question into words the way a member's question is read (alias names, Japanese glosses), so
   * the two compare on equal terms. A question none of whose words the model knows gets no row.
   *
   * @example
   * const questions = await QuestionVectors.build(factSet, words, (q) => wordsOf(q));
   * questions.search(queryVector, 5, 0.8) // => [{ fact, cosine: 0.86 }]
   */
  static async build(
    factSet: FactSet,
    words: WordVectors,
    read: QuestionReader,
    options: BuildQuestionVectorsOptions = {},
  ): Promise<QuestionVectors> {
    const { dims } = words;
    const previous = options.previous?.model === words.version && options.previous.dims === dims ? options.previous : undefined;
    const owners: Fact[] = [];
    // One buffer for all questions, not one per question: at 100k facts a reload holds tens of
    // thousands of questions, and as many small buffers made the garbage collector's pauses the
    // longest block of a reload. Sized for every question; those without a known word leave
    // unused rows at the end.
    // Counted in slices too: one pass over 100k facts blocked for ~15 ms (each fact a cache miss).
    const slicer = new Slicer(options.signal);
    let capacity = 0;
    for (const fact of factSet.facts) {
      if (slicer.due()) await slicer.pause();
      capacity += fact.questions.length;
    }
    const rows = new VectorRows(capacity, dims);
    const spans = new FactKeyMap<Span>();
    const scratch = new Float32Array(dims);
    const aliasesByCase = new Map([...factSet.cases].map(([id, c]) => [id, JSON.stringify(c.aliases)]));
    let embedded = 0;
    for (const fact of factSet.facts) {
      if (fact.questions.length === 0) continue;
      if (slicer.due()) await slicer.pause();
      const from = owners.length;
      const copied = previous?.aliasesByCase.get(fact.caseId) === aliasesByCase.get(fact.caseId) ? previous?.spans.get(fact) : undefined;
      if (copied?.fact === fact && previous !== undefined) {
        rows.copy(from, previous.rows, copied.from, copied.count);
        for (let i = 0; i < copied.count; i++) owners.push(fact);
      } else {
        embedded++;
        for (const question of fact.questions) {
          if (!words.embedInto(read(question, fact), scratch)) continue;
          rows.set(owners.length, scratch);
          owners.push(fact);
        }
      }
      if (owners.length > from) spans.set(fact, { fact, from, count: owners.length - from });
    }
    return new QuestionVectors(words.version, dims, owners, rows, spans, aliasesByCase, embedded);
  }

  /**
   * The facts whose closest question is at least `floor` from `query` (a unit vector), each with
   * that cosine, best first, at most `limit`; only facts of `caseId` when given.
   */
  search(query: Float32Array, limit: number, floor: number, caseId?: string): SemanticHit[] {
    const { dims, owners } = this;
    if (query.length !== dims || limit <= 0) return [];
    const dots = this.rows.dots(query, owners.length);
    const best: SemanticHit[] = [];
    let threshold = floor * DOT_UNIT;
    for (let r = 0; r < dots.length; r++) {
      const dot = dots[r] as number;
      if (dot < threshold) continue;
      const fact = owners[r];
      if (fact === undefined || (caseId !== undefined && fact.caseId !== caseId)) continue;
      const cosine = dot / DOT_UNIT;
      // A fact's rows are consecutive: an earlier row of the same fact is the last entry, if any.
      const known = best.findIndex((hit) => hit.fact === fact);
      if (known >= 0) {
        if ((best[known]?.cosine ?? Infinity) >= cosine) continue;
        best.splice(known, 1);
      }
      const cut = keepBest(best, { fact, cosine }, limit);
      if (cut !== undefined) threshold = Math.max(threshold, cut * DOT_UNIT);
    }
    return best;
  }

  /** The cosine of `fact`'s closest question to `query`; undefined when this set holds no row of that very fact. */
  cosineOf(fact: Fact, query: Float32Array): number | undefined {
    const span = this.spans.get(fact);
    if (span?.fact !== fact || query.length !== this.dims) return undefined;
    return this.rows.bestCosine(span.from, span.count, query);
  }
}
