/**
 * The sentence vectors of the everyday questions (`everyday-questions.ts`): what a community asks
 * about anything but a case. A member's question whose nearest neighbour is among these, clearly
 * nearer than anything the case holds, is off-topic (`offTopicMargin` in hybrid.ts).
 *
 * One small immutable set per snapshot (a few hundred rows, embedded in about a millisecond),
 * read the way a member's question is read, so the two compare on equal terms.
 */
import type { WordVectors } from './word-vectors.js';
import { EVERYDAY_QUESTIONS } from './everyday-questions.js';
import { partialDot, quantiseInto, SCALE } from './vector-math.js';

/** The words a question's vector is made of, as a member's question is read. */
export type EverydayReader = (question: string) => readonly string[];

export class EverydayVectors {
  private constructor(
    /** The word vectors' version the rows were built with. */
    readonly model: string,
    readonly dims: number,
    private readonly rows: Int8Array,
    /** Number of rows: questions none of whose words the model knows have none. */
    readonly size: number,
  ) {}

  /**
   * @example
   * const everyday = EverydayVectors.build(words, (q) => index.questionWords(q));
   * everyday.closest(queryVector) // => 0.84 for "where do i find my windows product key"
   */
  static build(words: WordVectors, read: EverydayReader, questions: readonly string[] = EVERYDAY_QUESTIONS): EverydayVectors {
    const { dims } = words;
    const rows = new Int8Array(dims * questions.length);
    const scratch = new Float32Array(dims);
    let size = 0;
    for (const question of questions) {
      if (!words.embedInto(read(question), scratch)) continue;
      quantiseInto(scratch, rows, size * dims);
      size++;
    }
    return new EverydayVectors(words.version, dims, rows.slice(0, size * dims), size);
  }

  /**
   * The cosine of the everyday question closest to `query` (a unit vector of these dims); −1 when
   * there is none to compare with. A full scan: a few hundred rows cost a few microseconds.
   */
  closest(query: Float32Array): number {
    if (query.length !== this.dims) return -1;
    let best = -SCALE;
    for (let r = 0, at = 0; r < this.size; r++, at += this.dims) best = Math.max(best, partialDot(query, this.rows, at, 0, this.dims));
    return best / SCALE;
  }
}
