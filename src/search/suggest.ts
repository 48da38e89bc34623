/** "Did you mean": the query with each unknown word replaced by the closest indexed word. */
import type { QueryPlan } from './query-plan.js';
import type { Vocabulary } from './vocabulary.js';
import type { Dictionary } from './types.js';

const MAX_SUGGESTIONS = 3;

/**
 * Corrections for a query that found nothing. Each term the index does not know, and that is not an
 * English word of `dictionary`, is replaced by the
 * closest indexed term (1 edit for 3-letter words, 2 for longer ones), shown
 * as the word facts actually use (`cyberattacks`, not the stem). The whole corrected query is
 * offered when `finds` says it has hits; otherwise the corrected words alone.
 *
 * @example
 * suggestCorrections(planQuery('kataa', …), vocabulary, finds) // => ['kato']
 */
export function suggestCorrections(
  plan: QueryPlan,
  vocabulary: Vocabulary,
  finds: (query: string) => boolean,
  dictionary?: Dictionary,
): string[] {
  const parts: string[] = [];
  const corrections: string[] = [];
  for (const unit of plan.units) {
    if (unit.kind === 'alias') {
      parts.push(unit.typed);
      continue;
    }
    const { term, surface } = unit.leaf;
    // A real word is not a misspelling of another ("stolen" is not "sold", "quit" is not "quote").
    const real = dictionary?.has(surface) === true;
    const correction = unit.known || real || /^\d+$/.test(term) ? undefined : closestTerm(term, vocabulary);
    if (correction === undefined) {
      parts.push(surface);
      continue;
    }
    const word = vocabulary.surfaceOf(correction);
    parts.push(word);
    corrections.push(word);
  }
  if (corrections.length === 0) return [];
  const corrected = parts.join(' ');
  if (finds(corrected)) return [corrected];
  return [...new Set(corrections)].filter((word) => finds(word)).slice(0, MAX_SUGGESTIONS);
}

/**
 * The misspelt words of a query, each with the word the facts use that it most likely means: the
 * same corrections as {@link suggestCorrections}, for reading the question's meaning (a vector of
 * "investigaton" knows nothing; one of "investigation" does).
 *
 * @example
 * correctedWords(planQuery('is the investigaton still going', …), vocabulary, words) // => Map { 'investigaton' => 'investigation' }
 */
export function correctedWords(plan: QueryPlan, vocabulary: Vocabulary, dictionary: Dictionary): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const unit of plan.units) {
    if (unit.kind === 'alias' || unit.known || dictionary.has(unit.leaf.surface) || /^\d+$/.test(unit.leaf.term)) continue;
    const correction = closestTerm(unit.leaf.term, vocabulary);
    if (correction !== undefined) out.set(unit.leaf.surface, vocabulary.surfaceOf(correction));
  }
  return out;
}

function closestTerm(term: string, vocabulary: Vocabulary): string | undefined {
  const length = [...term].length;
  if (length < 3) return undefined;
  const candidates = vocabulary.nearTerms(term, length === 3 ? 1 : 2).filter((c) => c.distance > 0 && !/^\d+$/.test(c.term));
  // People rarely get the start of a word wrong: among equally close words, the one sharing the
  // longest beginning wins (`kataa` → `kato`, not `data`), then the most common.
  candidates.sort(
    (a, b) =>
      a.distance - b.distance ||
      sharedPrefix(b.term, term) - sharedPrefix(a.term, term) ||
      vocabulary.df(b.term) - vocabulary.df(a.term) ||
      (a.term < b.term ? -1 : 1),
  );
  return candidates[0]?.term;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
