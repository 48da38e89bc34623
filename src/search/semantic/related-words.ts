/**
 * Words the facts use that mean nearly the same as a word they do not use: `cops` → `police`,
 * `cancelled` → `canceled`, `beijing` → `china`. A question word no fact has is then searched by its
 * closest fact words (at a lower weight) instead of being dropped, so "was data stolen" can cover
 * both of its words with a fact about a data leak, while "minecraft server ip" still covers one.
 *
 * Built per snapshot from the words its facts use; immutable.
 */
import { BoundedCache } from '../../shared/bounded-cache.js';
import { Slicer } from '../../shared/slicer.js';
import type { WordVectors } from './word-vectors.js';
import { DOT_UNIT, keepBest, VectorRows } from './vector-rows.js';

/** A fact word close to a question word: its surface, its index term, and the cosine of the two. */
export interface RelatedWord {
  readonly surface: string;
  readonly term: string;
  readonly cosine: number;
}

/**
 * Words whose nearest fact words one snapshot remembers. A lookup scans every fact word; question
 * words repeat (Zipf), and the answer for a word never changes within a snapshot.
 */
const REMEMBERED_WORDS = 4096;

export class RelatedWords {
  private readonly remembered = new BoundedCache<string, readonly RelatedWord[]>(REMEMBERED_WORDS);

  private constructor(
    private readonly words: WordVectors,
    private readonly surfaces: readonly string[],
    private readonly terms: readonly string[],
    private readonly rows: VectorRows,
  ) {}

  /** Number of fact words the model knows. */
  get size(): number {
    return this.surfaces.length;
  }

  /**
   * Embeds each `[surface, term]` pair's surface word, in slices that yield to the event loop.
   * Words the model does not know are left out.
   */
  static async build(list: readonly (readonly [string, string])[], words: WordVectors, signal?: AbortSignal): Promise<RelatedWords> {
    const surfaces: string[] = [];
    const terms: string[] = [];
    const rows = new VectorRows(list.length, words.dims);
    const vector = new Float32Array(words.dims);
    const slicer = new Slicer(signal);
    for (const [surface, term] of list) {
      if (slicer.due()) await slicer.pause();
      if (!words.embedInto([surface], vector)) continue;
      rows.set(surfaces.length, vector);
      surfaces.push(surface);
      terms.push(term);
    }
    return new RelatedWords(words, surfaces, terms, rows);
  }

  /**
   * The fact words closest to `word` with a cosine of at least `floor`, best first, at most `limit`.
   * Empty when the model does not know `word`.
   *
   * @example
   * related.nearest('cops', 3, 0.6) // => [{ surface: 'police', term: 'polic', cosine: 0.79 }]
   */
  nearest(word: string, limit: number, floor: number): readonly RelatedWord[] {
    return this.remembered.through(`${limit} ${floor} ${word}`, () => this.scan(word, limit, floor));
  }

  private scan(word: string, limit: number, floor: number): readonly RelatedWord[] {
    const query = new Float32Array(this.words.dims);
    if (limit <= 0 || !this.words.embedInto([word], query)) return [];
    const best: RelatedWord[] = [];
    let threshold = floor * DOT_UNIT;
    const dots = this.rows.dots(query, this.surfaces.length);
    for (let r = 0; r < dots.length; r++) {
      const dot = dots[r] as number;
      if (dot < threshold) continue;
      const surface = this.surfaces[r] ?? '';
      if (surface === word) continue;
      const cut = keepBest(best, { surface, term: this.terms[r] ?? '', cosine: dot / DOT_UNIT }, limit);
      if (cut !== undefined) threshold = Math.max(threshold, cut * DOT_UNIT);
    }
    return best;
  }
}
