/**
 * The index's vocabulary as sorted arrays, so that "does any term start with x", "complete this
 * word" and "how should this stem be shown" are binary searches instead of scans.
 */

/** Every stem and surface word of a fact, each once. */
export interface FactTerms {
  readonly stems: readonly string[];
  /** `[stem, surface]` pairs: which surface words a fact used for each stem. */
  readonly surfaces: readonly (readonly [string, string])[];
}

/** Short prefixes match huge ranges; their best completions are computed once at build time. */
const PRECOMPUTED_PREFIX_LENGTH = 2;
const PRECOMPUTED_COMPLETIONS = 25;
/** Longer prefixes scan at most this many surface words (sorted, so these are the closest). */
const MAX_COMPLETION_SCAN = 2000;

export class Vocabulary {
  private readonly stems: readonly string[];
  private readonly stemDf: ReadonlyMap<string, number>;
  private readonly surfaces: readonly string[];
  private readonly surfaceDf: ReadonlyMap<string, number>;
  private readonly bestSurface: ReadonlyMap<string, string>;
  private readonly topByShortPrefix: ReadonlyMap<string, readonly string[]>;

  private constructor(stemDf: Map<string, number>, surfaceDf: Map<string, number>, bestSurface: Map<string, string>) {
    this.stemDf = stemDf;
    this.surfaceDf = surfaceDf;
    this.bestSurface = bestSurface;
    this.stems = [...stemDf.keys()].sort(compare);
    this.surfaces = [...surfaceDf.keys()].sort(compare);
    const top = new Map<string, string[]>();
    for (const surface of this.surfaces) {
      for (let n = 1; n <= PRECOMPUTED_PREFIX_LENGTH && n <= surface.length; n++) {
        const list = top.get(surface.slice(0, n)) ?? [];
        list.push(surface);
        top.set(surface.slice(0, n), list);
      }
    }
    for (const [prefix, list] of top) top.set(prefix, this.rank(list).slice(0, PRECOMPUTED_COMPLETIONS));
    this.topByShortPrefix = top;
  }

  /**
   * Document frequencies over all facts' terms.
   *
   * @example
   * const vocabulary = Vocabulary.fromFacts([{ stems: ['cancel'], surfaces: [['cancel', 'canceled']] }]);
   * vocabulary.surfaceOf('cancel') // => 'canceled'
   */
  static fromFacts(facts: Iterable<FactTerms>): Vocabulary {
    const builder = new VocabularyBuilder();
    for (const fact of facts) builder.add(fact);
    return builder.finish();
  }

  /** @internal Used by {@link VocabularyBuilder}. */
  static fromCounts(stemDf: Map<string, number>, surfaceDf: Map<string, number>, bestSurface: Map<string, string>): Vocabulary {
    return new Vocabulary(stemDf, surfaceDf, bestSurface);
  }

  /** Number of distinct stems. */
  get size(): number {
    return this.stems.length;
  }

  /** In how many facts the stem occurs (0 when unknown). */
  df(stem: string): number {
    return this.stemDf.get(stem) ?? 0;
  }

  /**
   * How many indexed stems start with `prefix` (the stem itself included), counting no further than
   * `cap`: the caller only needs to know "none", "some" or "too many".
   */
  countWithPrefix(prefix: string, cap: number): number {
    const from = lowerBound(this.stems, prefix);
    let n = 0;
    while (n < cap && (this.stems[from + n] ?? '').startsWith(prefix) && from + n < this.stems.length) n++;
    return n;
  }

  /** The word most facts used for this stem (`purchas` → `purchase`); the stem when unknown. */
  surfaceOf(stem: string): string {
    return this.bestSurface.get(stem) ?? stem;
  }

  /**
   * Surface words starting with `prefix`, most frequent first.
   *
   * @example
   * vocabulary.complete('cyb', 3) // => ['cyberattacks', 'cyberattack']
   */
  complete(prefix: string, limit: number): string[] {
    if (prefix.length === 0 || limit <= 0) return [];
    const precomputed = this.topByShortPrefix.get(prefix);
    if (prefix.length <= PRECOMPUTED_PREFIX_LENGTH) return (precomputed ?? []).slice(0, limit);
    const from = lowerBound(this.surfaces, prefix);
    const found: string[] = [];
    for (let i = from; i < this.surfaces.length && found.length < MAX_COMPLETION_SCAN; i++) {
      const surface = this.surfaces[i];
      if (surface === undefined || !surface.startsWith(prefix)) break;
      found.push(surface);
    }
    return this.rank(found).slice(0, limit);
  }

  private rank(list: readonly string[]): string[] {
    return [...list].sort((a, b) => (this.surfaceDf.get(b) ?? 0) - (this.surfaceDf.get(a) ?? 0) || a.length - b.length || compare(a, b));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First index whose element is ≥ `key` (code-unit order, like `compare`). */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Counts terms fact by fact, so an asynchronous build can interleave counting with yielding to the
 * event loop; {@link VocabularyBuilder.finish} then sorts once.
 *
 * @example
 * const builder = new VocabularyBuilder();
 * builder.add(analyzeFact(fact));
 * const vocabulary = builder.finish();
 */
export class VocabularyBuilder {
  private readonly stemDf = new Map<string, number>();
  private readonly surfaceDf = new Map<string, number>();
  private readonly surfaceByStem = new Map<string, Map<string, number>>();

  add(fact: FactTerms): void {
    for (const stem of fact.stems) this.stemDf.set(stem, (this.stemDf.get(stem) ?? 0) + 1);
    for (const [stem, surface] of fact.surfaces) {
      this.surfaceDf.set(surface, (this.surfaceDf.get(surface) ?? 0) + 1);
      const counts = this.surfaceByStem.get(stem) ?? new Map<string, number>();
      counts.set(surface, (counts.get(surface) ?? 0) + 1);
      this.surfaceByStem.set(stem, counts);
    }
  }

  finish(): Vocabulary {
    const bestSurface = new Map<string, string>();
    for (const [stem, counts] of this.surfaceByStem) {
      let best: [string, number] | undefined;
      for (const entry of counts) {
        if (best === undefined || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
      }
      if (best !== undefined) bestSurface.set(stem, best[0]);
    }
    return Vocabulary.fromCounts(this.stemDf, this.surfaceDf, bestSurface);
  }
}
