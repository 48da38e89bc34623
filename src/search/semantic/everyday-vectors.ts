/**
 * The sentence vectors of the everyday questions (`everyday-questions.ts`): what a community asks
 * about anything but a case. A member's question whose nearest neighbour is among these, clearly
 * nearer than anything the case holds, is off-topic (`offTopicMargin` in hybrid.ts).
 *
 * One small immutable set, read the way a member's question is read, so the two compare on equal
 * terms. Reading a few hundred questions (Japanese ones through the glossary) takes 50–120 ms, so a
 * build runs in slices, and a snapshot reuses its predecessor's set.
 */
import { Slicer } from '../../shared/slicer.js';
import type { SentenceWord, WordVectors } from './word-vectors.js';
import { EVERYDAY_QUESTIONS } from './everyday-questions.js';
import { DOT_UNIT, VectorRows } from './vector-rows.js';
import { STOP_WORDS } from '../stop-words.js';

/** The words a question's vector is made of, as a member's question is read. */
export type EverydayReader = (question: string) => readonly SentenceWord[];

export interface BuildEverydayOptions {
  /** The questions (default: the shipped ones). */
  readonly questions?: readonly string[];
  /** An earlier set: returned as it is when built from the same questions with the same word vectors. */
  readonly previous?: EverydayVectors;
  readonly signal?: AbortSignal;
}

export class EverydayVectors {
  private constructor(
    /** The word vectors' version the rows were built with. */
    readonly model: string,
    private readonly questions: readonly string[],
    readonly dims: number,
    private readonly rows: VectorRows,
    /** Number of rows: questions none of whose words the model knows, or read as their form alone ({@link readsAsFormOnly}), have none. */
    readonly size: number,
  ) {}

  /**
   * Embeds the questions in slices that yield to the event loop; with `previous` built from the same
   * questions and word vectors, returns it instead — also when the cases' aliases changed: the
   * reader adds alias words only to a question naming an alias, and everyday questions are about
   * no case.
   *
   * @example
   * const everyday = await EverydayVectors.build(words, (q) => index.questionWords(q));
   * everyday.closest(queryVector) // => 0.84 for "where do i find my windows product key"
   */
  static async build(words: WordVectors, read: EverydayReader, options: BuildEverydayOptions = {}): Promise<EverydayVectors> {
    const questions = options.questions ?? EVERYDAY_QUESTIONS;
    const { previous } = options;
    if (previous !== undefined && previous.model === words.version && previous.questions === questions) return previous;
    const { dims } = words;
    const rows = new VectorRows(questions.length, dims);
    const scratch = new Float32Array(dims);
    const slicer = new Slicer(options.signal);
    let size = 0;
    for (const question of questions) {
      if (slicer.due()) await slicer.pause();
      const sentence = read(question);
      if (readsAsFormOnly(sentence, words)) continue;
      if (!words.embedInto(sentence, scratch)) continue;
      rows.set(size, scratch);
      size++;
    }
    return new EverydayVectors(words.version, questions, dims, rows, size);
  }

  /**
   * Whether some everyday question is at least `floor` from `query` (a unit vector of these dims).
   * What `/case` asks.
   */
  reaches(query: Float32Array, floor: number): boolean {
    if (query.length !== this.dims) return false;
    const threshold = floor * DOT_UNIT;
    const dots = this.rows.dots(query, this.size);
    for (let r = 0; r < dots.length; r++) if ((dots[r] as number) >= threshold) return true;
    return false;
  }

  /**
   * The cosine of the everyday question closest to `query` (a unit vector of these dims); −1 when
   * there is none to compare with. For diagnostics and tests; `/case` asks {@link reaches}.
   */
  closest(query: Float32Array): number {
    if (query.length !== this.dims || this.size === 0) return -1;
    return this.rows.bestCosine(0, this.size, query);
  }
}

/**
 * Whether an everyday question's vector would stand for its form alone: the word vectors know
 * fewer than two of its content words, and do not know another ("how do i cancel nitro" reads as
 * "how do i cancel": nearer to "why did the seller cancel" than the fact saying why). Such a line
 * is left out; the question forms (`question-forms.ts`) tell the asker's own errands.
 */
export function readsAsFormOnly(sentence: readonly SentenceWord[], words: WordVectors): boolean {
  const content = sentence.map((w) => (typeof w === 'string' ? w : w.word)).filter((w) => !STOP_WORDS.has(w));
  const known = content.filter((w) => words.knows(w)).length;
  return known < 2 && known < content.length;
}
