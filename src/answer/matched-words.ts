/**
 * Which words of a fact's text matched a query — what `ask --json` lists as `matched` and what
 * replies bold. The search reports stems (`aerospac`, `peopl`) and, for a name, every word of every
 * name in its alias group; bolding each of those wherever it occurs marks common words
 * ("**Japanese**" in a `jaxa` search, through "Japan" of "Japan Aerospace Exploration Agency").
 *
 * The rule:
 * 1. **Names.** When the query names an alias group (`jaxa`, `加藤`), every name of that group is
 *    matched where it occurs whole in the text: "Japan Aerospace Exploration Agency" and "JAXA",
 *    never "Japan" or "Agency" alone.
 * 2. **Words.** Every other matched term (a word of the query, the indexed word a typo or a
 *    Japanese gloss reached) is matched where a word of the text has that same term; only when no
 *    word has it (the search matched a prefix or a typo: `canc`, `cancled`) the words it reached.
 *
 * Terms that only come from the names of rule 1 are left to rule 1.
 */
import { AliasTable, type AliasName } from '../search/aliases.js';
import { termsOf } from '../search/analyze.js';
import { findTermSpans, NO_SPACE_SCRIPT, passageWords } from '../search/text.js';
import type { FactSet } from '../facts/types.js';
import type { Span } from './highlight.js';
import { itemAt } from '../shared/must.js';

/** What the rule needs to know of a query, worked out once per query and case. */
export interface BoldRule {
  /** Names of the alias groups the query names (rule 1). */
  readonly names: readonly AliasName[];
  /** Terms of the query's own words, outside any name it contains. */
  readonly queryTerms: ReadonlySet<string>;
  /** Terms of the names: left to rule 1 unless also a word of the query. */
  readonly nameTerms: ReadonlySet<string>;
}

/** Alias tables per fact set: a fact set never changes, and answers are asked of few of them. */
const tables = new WeakMap<FactSet, AliasTable>();

/**
 * The {@link BoldRule} of `query` for facts of `caseId`.
 *
 * @example
 * boldRuleFor('jaxa hack', factSet, 'tick-jaxa').names.map((n) => n.display)
 * // => ['JAXA', 'Japan Aerospace Exploration Agency', '宇宙航空研究開発機構']
 */
export function boldRuleFor(query: string, factSet: FactSet, caseId: string): BoldRule {
  let table = tables.get(factSet);
  if (table === undefined) {
    table = AliasTable.fromFactSet(factSet);
    tables.set(factSet, table);
  }
  const terms = termsOf(query, 'query').map((t) => t.term);
  const matches = table.match(terms, caseId);
  const inNames = new Set<number>();
  const names: AliasName[] = [];
  for (const match of matches) {
    for (let i = match.start; i < match.end; i++) inNames.add(i);
    names.push(match.typed, ...match.others);
  }
  for (const match of table.findNamesIn(query.normalize('NFKC'), caseId)) names.push(match.typed, ...match.others);
  return {
    names,
    queryTerms: new Set(terms.filter((_, i) => !inNames.has(i))),
    nameTerms: new Set(names.flatMap((n) => n.terms)),
  };
}

/**
 * The words and names of `text` that matched, as written there, in order of first appearance and
 * without repeats (see the rule above). `matchedTerms` are the search's normalised terms for it.
 *
 * @example
 * matchedWords('The Japan Aerospace Exploration Agency (JAXA) and Japanese firms were hit.', ['jaxa', 'japan', 'aerospac', 'explor', 'agenc'], jaxaRule)
 * // => ['Japan Aerospace Exploration Agency', 'JAXA']
 */
export function matchedWords(text: string, matchedTerms: readonly string[], rule: BoldRule): string[] {
  const spans: Span[] = [];
  for (const name of rule.names) spans.push(...nameSpans(text, name));
  for (const term of matchedTerms) {
    if (rule.nameTerms.has(term) && !rule.queryTerms.has(term)) continue;
    spans.push(...findTermSpans(text, term));
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const words: string[] = [];
  let covered = 0;
  for (const span of spans) {
    if (span.start < covered) continue;
    const word = text.slice(span.start, span.end);
    if (!words.includes(word)) words.push(word);
    covered = span.end;
  }
  return words;
}

/** Where a name occurs whole: its terms in a row (Latin script), or its characters (Japanese, Chinese). */
function nameSpans(text: string, name: AliasName): Span[] {
  if (NO_SPACE_SCRIPT.test(name.display)) {
    const needle = name.display.normalize('NFKC');
    const spans: Span[] = [];
    for (let at = text.indexOf(needle); at >= 0 && needle.length > 0; at = text.indexOf(needle, at + needle.length)) {
      spans.push({ start: at, end: at + needle.length });
    }
    return spans;
  }
  const n = name.terms.length;
  if (n === 0) return [];
  const words = passageWords(text);
  const spans: Span[] = [];
  for (let i = 0; i + n <= words.length; i++) {
    if (name.terms.every((term, k) => words[i + k]?.term === term)) {
      spans.push({ start: itemAt(words, i).start, end: itemAt(words, i + n - 1).end });
    }
  }
  return spans;
}
