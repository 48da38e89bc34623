/**
 * What one snapshot's vocabulary looks like: which terms it knows, how often, how they are
 * written, what completes a prefix. The dictionaries are the snapshot's own {@link Engine}'s.
 */
import type { Engine, TermEntry } from './engine.js';

/** Short prefixes match huge ranges; their best completions are cached per snapshot. */
const CACHED_PREFIX_LENGTH = 2;
/** Completion candidates looked at for one prefix (the radix tree yields them in key order). */
const MAX_COMPLETION_SCAN = 3000;
const MAX_CACHED_PREFIXES = 5000;

export class Vocabulary {
  private readonly completions = new Map<string, string[]>();

  constructor(private readonly engine: Engine) {}

  /** Whether any fact has `term` (or, with `prefix`, a term starting with it). */
  known(term: string, prefix: boolean): boolean {
    if (this.engine.byTerm.has(term)) return true;
    if (!prefix) return false;
    for (const [key] of this.engine.terms.atPrefix(term)) if (key !== term) return true;
    return false;
  }

  /** Whether any fact writes the word itself (lower-case), not only another word of its stem ("unit" is no "united"). */
  writes(word: string): boolean {
    return this.engine.bySurface.has(word);
  }

  /** Number of facts with the stem. */
  df(stem: string): number {
    return (this.engine.byTerm.get(stem)?.used ?? 0) / 2;
  }

  /** The word most facts used for this stem (`purchas` → `purchase`); the stem when unknown. */
  surfaceOf(stem: string): string {
    let best: string | undefined;
    let bestCount = 0;
    for (const surface of this.engine.byTerm.get(stem)?.surfaces ?? []) {
      const count = this.engine.bySurface.get(surface)?.count ?? 0;
      if (count > bestCount || (count === bestCount && best !== undefined && surface < best)) {
        best = surface;
        bestCount = count;
      }
    }
    return best ?? stem;
  }

  /**
   * Served indexed terms within `maxDistance` edits of `term` that begin with the same character.
   *
   * People rarely mistype the first letter, and holding it fixed both drops far-fetched matches
   * (`lottery` → `battery`) and confines the trie walk to one branch, which is most of the cost of
   * typo tolerance on a large vocabulary.
   *
   * @example
   * vocabulary.nearTerms('jaxs', 1) // => [{ term: 'jaxa', distance: 1, … }]
   */
  nearTerms(term: string, maxDistance: number): { term: string; distance: number; entry: TermEntry }[] {
    const first = String.fromCodePoint(term.codePointAt(0) ?? 0);
    if (term.length === 0) return [];
    const out: { term: string; distance: number; entry: TermEntry }[] = [];
    let branch: ReturnType<Engine['terms']['atPrefix']>;
    try {
      branch = this.engine.terms.atPrefix(first);
    } catch {
      return out;
    }
    for (const [rest, [entry, distance]] of branch.fuzzyGet(term.slice(first.length), maxDistance))
      out.push({ term: first + rest, distance, entry });
    return out;
  }

  /**
   * Surface words starting with `prefix`, most frequent first.
   *
   * @example
   * vocabulary.complete('cyb', 3) // => ['cyberattacks', 'cyberattack']
   */
  complete(prefix: string, limit: number): string[] {
    if (prefix.length === 0 || limit <= 0) return [];
    const cached = this.completions.get(prefix);
    if (cached !== undefined) return cached.slice(0, limit);
    const found: { surface: string; count: number; stem: string }[] = [];
    for (const [surface, entry] of this.engine.surfaces.atPrefix(prefix)) {
      if (entry.count > 0) found.push({ surface, count: entry.count, stem: entry.stem });
      if (found.length >= MAX_COMPLETION_SCAN) break;
    }
    found.sort((a, b) => b.count - a.count || a.surface.length - b.surface.length || (a.surface < b.surface ? -1 : 1));
    const out: string[] = [];
    const want = Math.max(limit, 25);
    for (const { surface, stem } of found) {
      if (out.length >= want) break;
      if (this.engine.byTerm.has(stem)) out.push(surface);
    }
    if (prefix.length <= CACHED_PREFIX_LENGTH && this.completions.size < MAX_CACHED_PREFIXES) this.completions.set(prefix, out);
    return out.slice(0, limit);
  }
}
