/**
 * Autocomplete choices for the `/case` query option: completions of the word being typed, alias
 * names, and facts (whose value is a query that finds exactly that fact). Every step is a binary
 * search or a bounded search, so it stays cheap on any input.
 */
import type { Fact } from '../facts/types.js';
import { factKey } from '../facts/types.js';
import type { AutocompleteChoice, AutocompleteOptions } from './types.js';
import { surfaceOf } from './analyze.js';
import type { AliasTable } from './aliases.js';
import { choiceText } from './choice-text.js';
import { analyzeText } from './text.js';
import type { Vocabulary } from './vocabulary.js';

export const MAX_CHOICES = 25;
/** Input beyond this is not looked at: Discord caps option values at 100 characters anyway. */
const MAX_INPUT = 200;
const MAX_TERM_CHOICES = 5;
const MAX_ALIAS_CHOICES = 3;

/** What autocomplete needs from the index. */
export interface AutocompleteSource {
  readonly vocabulary: Vocabulary;
  /** The facts to offer for empty input (see {@link defaultFacts}); the index caches them. */
  defaultFacts(limit: number, caseId?: string): readonly Fact[];
  readonly aliases: AliasTable;
  /** Best facts for a partial query, cheaply (no typo tolerance). */
  searchFacts(input: string, limit: number, caseId?: string): readonly Fact[];
}

/**
 * Choices for `input`: at most `limit` (≤ 25), names and values 1–100 characters, no two with the
 * same value. Empty input gives the facts most worth starting from.
 *
 * @example
 * autocompleteChoices('who canc', source) // => [{ name: 'who canceled', value: 'who canceled', kind: 'term' }, …facts]
 */
export function autocompleteChoices(input: string, source: AutocompleteSource, options: AutocompleteOptions = {}): AutocompleteChoice[] {
  // NaN would slip through min/max and compare false against every count: treat it as unset.
  const asked = options.limit !== undefined && Number.isFinite(options.limit) ? options.limit : MAX_CHOICES;
  const limit = Math.max(0, Math.min(MAX_CHOICES, Math.floor(asked)));
  if (limit === 0) return [];
  const text = input.slice(0, MAX_INPUT);
  const choices = new ChoiceList(limit);
  if (text.trim().length === 0) {
    for (const fact of source.defaultFacts(limit, options.caseId)) choices.add(factChoice(fact));
    return choices.list();
  }
  const terms = termChoices(text, source.vocabulary);
  for (const choice of terms.slice(0, MAX_TERM_CHOICES)) choices.add(choice);
  for (const choice of aliasChoices(text, source.aliases, options.caseId)) choices.add(choice);
  for (const fact of source.searchFacts(text, limit, options.caseId)) choices.add(factChoice(fact));
  for (const choice of terms.slice(MAX_TERM_CHOICES)) choices.add(choice);
  return choices.list();
}

class ChoiceList {
  private readonly values = new Set<string>();
  private readonly choices: AutocompleteChoice[] = [];
  constructor(private readonly limit: number) {}

  add(choice: AutocompleteChoice | null): void {
    if (choice === null || this.choices.length >= this.limit || this.values.has(choice.value)) return;
    this.values.add(choice.value);
    this.choices.push(choice);
  }

  list(): AutocompleteChoice[] {
    return this.choices;
  }
}

/**
 * The first fact of each case (its lead), then the most-tagged facts: the broadest entry points.
 * One pass keeping the best few, not a sort of every fact.
 */
export function defaultFacts(facts: readonly Fact[], limit: number, caseId?: string): Fact[] {
  const leads = new Map<string, Fact>();
  const best: Fact[] = [];
  let want = limit;
  for (const fact of facts) {
    if (caseId !== undefined && fact.caseId !== caseId) continue;
    if (!leads.has(fact.caseId)) {
      leads.set(fact.caseId, fact);
      want += 1;
    }
    // Stable: a fact displaces only facts with strictly fewer tags, so earlier ones win ties.
    if (best.length >= want && (best[best.length - 1]?.tags.length ?? 0) >= fact.tags.length) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]?.tags.length ?? 0) < fact.tags.length) at--;
    best.splice(at, 0, fact);
    if (best.length > want) best.pop();
  }
  return [...leads.values(), ...best];
}

function factChoice(fact: Fact): AutocompleteChoice | null {
  const name = choiceText(fact.text);
  const key = factKey(fact);
  // The key finds exactly this fact (FactIndex.search looks keys up first); a key too long for a
  // choice value falls back to the fact's own words, which find it too.
  const value = key.length <= 100 ? choiceText(key) : choiceText(fact.text.split(/\s+/).slice(0, 12).join(' '));
  return name === null || value === null ? null : { name, value, kind: 'fact' };
}

/** Completions of the last, unfinished word, keeping what comes before it. */
function termChoices(text: string, vocabulary: Vocabulary): AutocompleteChoice[] {
  const last = analyzeText(text, 'index')
    .filter((t) => t.kind !== 'bigram')
    .at(-1);
  if (last === undefined || last.end !== text.length) return [];
  const head = text.slice(0, last.start);
  const out: AutocompleteChoice[] = [];
  for (const word of vocabulary.complete(surfaceOf(last.raw), MAX_CHOICES)) {
    const value = choiceText(head + word);
    if (value !== null) out.push({ name: value, value, kind: 'term' });
  }
  return out;
}

function aliasChoices(text: string, aliases: AliasTable, caseId?: string): AutocompleteChoice[] {
  const typed = surfaceOf(text.trim());
  const out: AutocompleteChoice[] = [];
  for (const name of aliases.names(caseId)) {
    if (out.length >= MAX_ALIAS_CHOICES) break;
    if (!surfaceOf(name).startsWith(typed)) continue;
    const value = choiceText(name);
    if (value !== null) out.push({ name: value, value, kind: 'term' });
  }
  return out;
}
