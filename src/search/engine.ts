/**
 * The long-lived inverted index behind every {@link FactIndex} snapshot.
 *
 * Why not MiniSearch's own index: at 100k facts its per-document `Map`s cost ~175 MB and its
 * search allocates a result object per matching document (hundreds of ms for a common word). Here
 * a posting is two 32-bit numbers in one typed array per term, and a search adds into reusable
 * typed-array accumulators. MiniSearch's radix tree ({@link SearchableMap}) still holds the term
 * dictionary, for prefix ranges and typo (fuzzy) lookups.
 *
 * Documents live in numbered *slots*, appended and never renumbered. A snapshot is a view: the
 * slots it serves (see `factBySlot` in fact-index.ts). A reload appends only new or changed facts;
 * the snapshot being served ignores them because they are not in its view, so a search never sees
 * a half-built state. Slots a newer snapshot no longer serves become dead: their postings stay
 * (older snapshots may still answer from them) until a reload decides to compact by building a
 * fresh engine.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { DocTerms } from './fact-doc.js';

/** One indexed term: its postings, in slot order, as `[slot << 1 | strong, weight × 1000]` pairs. */
export interface TermEntry {
  postings: Int32Array;
  /** Used length of `postings`, in numbers (two per posting). */
  used: number;
  /** Surface words that produced this stem (for display); empty for bigrams and sub-words. */
  readonly surfaces: string[];
}

/** A surface word and how many indexed documents (of any version) use it. */
export interface SurfaceEntry {
  count: number;
  readonly stem: string;
}

const WEIGHT_SCALE = 1000;

export class Engine {
  /** Exact lookups go through hash maps; the radix trees only serve prefix and typo lookups. */
  readonly byTerm = new Map<string, TermEntry>();
  readonly terms = new SearchableMap<TermEntry>();
  readonly bySurface = new Map<string, SurfaceEntry>();
  readonly surfaces = new SearchableMap<SurfaceEntry>();
  /** Number of slots handed out. */
  slotCount = 0;
  /** Postings in all slots, and in slots no snapshot built on this engine serves any more. */
  totalPostings = 0;
  deadPostings = 0;
  /** The latest snapshot built on this engine: only it may be extended by an incremental build. */
  head: object | null = null;
  /** Set while a build appends, so two builds never extend one engine at once. */
  busy = false;

  /** Appends a document and returns its slot. */
  add(doc: DocTerms): number {
    const slot = this.slotCount++;
    for (let i = 0; i < doc.terms.length; i++) {
      const term = doc.terms[i] ?? '';
      let entry = this.byTerm.get(term);
      if (entry === undefined) {
        entry = { postings: new Int32Array(4), used: 0, surfaces: [] };
        this.byTerm.set(term, entry);
        this.terms.set(term, entry);
      }
      if (entry.used + 2 > entry.postings.length) {
        const grown = new Int32Array(entry.postings.length * 2);
        grown.set(entry.postings);
        entry.postings = grown;
      }
      entry.postings[entry.used] = (slot << 1) | (doc.strong[i] === true ? 1 : 0);
      entry.postings[entry.used + 1] = Math.round((doc.weights[i] ?? 0) * WEIGHT_SCALE);
      entry.used += 2;
    }
    this.totalPostings += doc.terms.length;
    this.countSurfaces(doc, 1);
    return slot;
  }

  /** Marks a document no longer served by the newest snapshot: its surfaces stop counting. */
  retire(doc: DocTerms): void {
    this.deadPostings += doc.terms.length;
    this.countSurfaces(doc, -1);
  }

  /** Undoes a {@link retire}, for a build that failed after retiring. */
  unretire(doc: DocTerms): void {
    this.deadPostings -= doc.terms.length;
    this.countSurfaces(doc, 1);
  }

  /**
   * Undoes the {@link add}s of `docs`, which must be exactly the documents added from slot `from`
   * on, so a failed build leaves the engine as it was.
   */
  rollback(from: number, docs: readonly DocTerms[]): void {
    for (const doc of docs) {
      this.countSurfaces(doc, -1);
      this.totalPostings -= doc.terms.length;
      for (const term of doc.terms) {
        const entry = this.byTerm.get(term);
        if (entry === undefined) continue;
        // Postings are in slot order, so the rolled-back ones are all at the end.
        while (entry.used > 0 && (entry.postings[entry.used - 2] ?? 0) >>> 1 >= from) entry.used -= 2;
        if (entry.used === 0) {
          this.byTerm.delete(term);
          this.terms.delete(term);
        }
      }
    }
    this.slotCount = from;
  }

  /** Trims spare capacity after a large build (growth by doubling leaves up to half unused). */
  trim(): void {
    for (const entry of this.byTerm.values()) trimEntry(entry);
  }

  private countSurfaces(doc: DocTerms, delta: 1 | -1): void {
    for (const [stem, surface] of doc.surfaces) {
      let entry = this.bySurface.get(surface);
      if (entry === undefined) {
        if (delta < 0) continue;
        entry = { count: 0, stem };
        this.bySurface.set(surface, entry);
        this.surfaces.set(surface, entry);
        const term = this.byTerm.get(stem);
        if (term !== undefined && !term.surfaces.includes(surface)) term.surfaces.push(surface);
      }
      entry.count += delta;
    }
  }
}

/** Drops a term's spare posting capacity. */
export function trimEntry(entry: TermEntry): void {
  if (entry.postings.length > entry.used + 8) entry.postings = entry.postings.slice(0, entry.used);
}

/** The weight stored in a posting, back as a number. */
export function postingWeight(code: number): number {
  return code / WEIGHT_SCALE;
}
