/**
 * The inverted index of one {@link FactIndex} snapshot: built once, then only read. Two snapshots
 * never share an engine, so a search never sees another snapshot's build.
 *
 * Why not MiniSearch's own index: at 100k facts its per-document `Map`s cost ~175 MB and its
 * search allocates a result object per matching document (hundreds of ms for a common word). Here
 * a posting is two 32-bit numbers in one typed array per term, and a search adds into reusable
 * typed-array accumulators. MiniSearch's radix tree ({@link SearchableMap}) still holds the term
 * dictionary, for prefix ranges and typo (fuzzy) lookups.
 *
 * A reload does not analyse unchanged facts again: {@link Engine.copyKept} takes their postings
 * from the previous snapshot's engine (renumbered), and only new and changed facts are analysed and
 * {@link Engine.add}ed. Documents are numbered by *slot*; every slot of an engine is served.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { DocTerms } from './fact-doc.js';
import type { Slicer } from '../shared/slicer.js';

/** One indexed term: its postings, in slot order, as `[slot << 1 | strong, weight × 1000]` pairs. */
export interface TermEntry {
  postings: Int32Array;
  /** Used length of `postings`, in numbers (two per posting). */
  used: number;
  /** Surface words that produced this stem (for display); empty for bigrams and sub-words. */
  readonly surfaces: string[];
}

/** A surface word and how many facts of the snapshot use it. */
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
  /** Number of slots (documents). */
  slotCount = 0;

  /**
   * Copies the postings and word counts of the slots of `from` that `slotMap` keeps
   * (`slotMap[old] = new slot`, or −1), into this empty engine. Kept slots must be numbered in their
   * old order, so postings stay sorted. `dropped` are the documents of the slots not kept: their
   * words stop counting. `slotMap` has an entry for every slot of `from` (reads below are in bounds).
   */
  async copyKept(from: Engine, slotMap: Int32Array, kept: number, dropped: Iterable<DocTerms>, slicer: Slicer): Promise<void> {
    if (this.slotCount !== 0) throw new Error('copyKept needs an empty engine');
    this.slotCount = kept;
    for (const [term, entry] of from.byTerm) {
      if (slicer.due()) await slicer.pause();
      let count = 0;
      for (let i = 0; i < entry.used; i += 2) if ((slotMap[(entry.postings[i] as number) >>> 1] as number) >= 0) count++;
      if (count === 0) continue;
      const postings = new Int32Array(count * 2);
      let at = 0;
      for (let i = 0; i < entry.used; i += 2) {
        const code = entry.postings[i] as number;
        const slot = slotMap[code >>> 1] as number;
        if (slot < 0) continue;
        postings[at] = (slot << 1) | (code & 1);
        postings[at + 1] = entry.postings[i + 1] as number;
        at += 2;
      }
      const copy: TermEntry = { postings, used: at, surfaces: [...entry.surfaces] };
      this.byTerm.set(term, copy);
      this.terms.set(term, copy);
    }
    for (const [surface, entry] of from.bySurface) {
      if (slicer.due()) await slicer.pause();
      const copy = { count: entry.count, stem: entry.stem };
      this.bySurface.set(surface, copy);
      this.surfaces.set(surface, copy);
    }
    for (const doc of dropped) {
      if (slicer.due()) await slicer.pause();
      for (const [, surface] of doc.surfaces) {
        const entry = this.bySurface.get(surface);
        if (entry === undefined) continue;
        entry.count -= 1;
        if (entry.count <= 0) {
          this.bySurface.delete(surface);
          this.surfaces.delete(surface);
        }
      }
    }
  }

  /** Appends a document and returns its slot. */
  add(doc: DocTerms): number {
    const slot = this.slotCount++;
    for (let i = 0; i < doc.terms.length; i++) {
      const term = doc.terms[i] as string;
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
      entry.postings[entry.used + 1] = Math.round((doc.weights[i] as number) * WEIGHT_SCALE);
      entry.used += 2;
    }
    for (const [stem, surface] of doc.surfaces) {
      let entry = this.bySurface.get(surface);
      if (entry === undefined) {
        entry = { count: 0, stem };
        this.bySurface.set(surface, entry);
        this.surfaces.set(surface, entry);
        const term = this.byTerm.get(stem);
        if (term !== undefined && !term.surfaces.includes(surface)) term.surfaces.push(surface);
      }
      entry.count += 1;
    }
    return slot;
  }
}

/** Drops a term's spare posting capacity (growth by doubling leaves up to half unused). */
export function trimEntry(entry: TermEntry): void {
  if (entry.postings.length > entry.used + 8) entry.postings = entry.postings.slice(0, entry.used);
}

/** The weight stored in a posting, back as a number. */
export function postingWeight(code: number): number {
  return code / WEIGHT_SCALE;
}
