/**
 * Alias groups of every case (JAXA / Japan Aerospace Exploration Agency / 宇宙航空研究開発機構),
 * matched against a query's terms so that any name of a group also searches the others.
 */
import type { FactSet } from '../facts/types.js';
import { termsOf } from './analyze.js';
import { NO_SPACE_SCRIPT } from './text.js';

/** One name of a group, as the query side sees it. */
export interface AliasName {
  readonly display: string;
  readonly terms: readonly string[];
}

export interface AliasGroup {
  readonly caseId: string;
  readonly names: readonly AliasName[];
}

/** Where a name of one or more groups occurs in a query's term list: terms `[start, end)`. */
export interface AliasMatch {
  readonly start: number;
  readonly end: number;
  /** The name as typed (its terms), then every other name of the matched groups. */
  readonly typed: AliasName;
  readonly others: readonly AliasName[];
}

/** A name found inside running text: the name, and every other name of its group. */
export type NameMatch = Pick<AliasMatch, 'typed' | 'others'>;

interface Entry {
  readonly name: AliasName;
  readonly group: AliasGroup;
}

export class AliasTable {
  /** Names by their first term, longest first, so matching is greedy and needs no scan. */
  private readonly byFirstTerm = new Map<string, Entry[]>();
  /** Per case: the katakana parts of its names, spelt in Latin letters (see {@link latinNamePart}). */
  private readonly nameParts = new Map<string, Map<string, string | null>>();
  /** Per case: its people's names in Latin letters, word by word (see {@link personNames}). */
  private readonly people = new Map<string, (readonly string[])[]>();
  readonly groups: readonly AliasGroup[];

  private constructor(groups: AliasGroup[]) {
    this.groups = groups;
    for (const group of groups) {
      const parts = this.nameParts.get(group.caseId) ?? new Map<string, string | null>();
      this.nameParts.set(group.caseId, parts);
      addNameParts(group, parts);
      const people = this.people.get(group.caseId) ?? [];
      this.people.set(group.caseId, people);
      people.push(...personNamesOf(group));
      for (const name of group.names) {
        const first = name.terms[0];
        if (first === undefined) continue;
        const entries = this.byFirstTerm.get(first) ?? [];
        entries.push({ name, group });
        entries.sort((a, b) => b.name.terms.length - a.name.terms.length);
        this.byFirstTerm.set(first, entries);
      }
    }
  }

  /**
   * The alias groups of every case of `factSet`; names that normalise to nothing are dropped.
   *
   * @example
   * AliasTable.fromFactSet(factSet).match(['jaxa', 'hack']) // => [{ start: 0, end: 1, typed: JAXA, others: [...] }]
   */
  static fromFactSet(factSet: FactSet): AliasTable {
    const groups: AliasGroup[] = [];
    for (const kase of factSet.cases.values()) {
      for (const names of kase.aliases) {
        const analysed = names
          .map((display) => ({ display, terms: termsOf(display, 'query').map((t) => t.term) }))
          .filter((n) => n.terms.length > 0);
        if (analysed.length > 1) groups.push({ caseId: kase.id, names: analysed });
      }
    }
    return new AliasTable(groups);
  }

  /**
   * Greedy, longest-first occurrences of alias names in `terms`; with `caseId`, only that case's
   * groups. A name shared by groups of several cases expands to all of them.
   */
  match(terms: readonly string[], caseId?: string): AliasMatch[] {
    const matches: AliasMatch[] = [];
    let i = 0;
    while (i < terms.length) {
      const entries = (this.byFirstTerm.get(terms[i] ?? '') ?? []).filter(
        (e) => (caseId === undefined || e.group.caseId === caseId) && startsAt(terms, i, e.name.terms),
      );
      const longest = entries[0];
      if (longest === undefined) {
        i += 1;
        continue;
      }
      const length = longest.name.terms.length;
      const sameLength = entries.filter((e) => e.name.terms.length === length);
      const seen = new Set<string>([key(longest.name)]);
      const others: AliasName[] = [];
      for (const entry of sameLength) {
        for (const name of entry.group.names) {
          if (seen.has(key(name))) continue;
          seen.add(key(name));
          others.push(name);
        }
      }
      matches.push({ start: i, end: i + length, typed: longest.name, others });
      i += length;
    }
    return matches;
  }

  /**
   * Names written in a script without spaces (`宇宙航空研究開発機構`, `人民解放軍`) that occur anywhere in
   * `text` (NFKC-folded), longest first and never overlapping: in Japanese a name sits inside a
   * longer run of text (`JAXAへのサイバー攻撃`, `人民解放軍は関与したの`), where term matching cannot find it.
   *
   * @example
   * table.findNamesIn('宇宙航空研究開発機構へのサイバー攻撃') // => [{ typed: 宇宙航空研究開発機構, others: [JAXA, …] }]
   */
  findNamesIn(text: string, caseId?: string): NameMatch[] {
    const names: { name: AliasName; folded: string; group: AliasGroup }[] = [];
    for (const group of this.groups) {
      if (caseId !== undefined && group.caseId !== caseId) continue;
      for (const name of group.names) {
        const folded = name.display.normalize('NFKC');
        if (NO_SPACE_SCRIPT.test(folded)) names.push({ name, folded, group });
      }
    }
    names.sort((a, b) => b.folded.length - a.folded.length);
    let rest = text;
    const matches: NameMatch[] = [];
    for (const { name, folded, group } of names) {
      const at = rest.indexOf(folded);
      if (at < 0) continue;
      rest = `${rest.slice(0, at)}${'\u0000'.repeat(folded.length)}${rest.slice(at + folded.length)}`;
      matches.push({ typed: name, others: group.names.filter((n) => n !== name) });
    }
    return matches;
  }

  /**
   * A katakana name part in Latin letters, as the case's own aliases spell it: a group naming
   * ワン・ウェンビン and Wang Wenbin spells ワン "wang" and ウェンビン "wenbin", so "ワンさん" reads as
   * the person called Wang (the glossary's ワン is "one"). Undefined when no group spells the part, or
   * groups spell it differently; with `caseId`, only that case's groups. The parts are paired in
   * order, as Chinese names are written in both scripts; a Japanese name written family name first
   * in katakana and last in Latin letters pairs each part with the other part of the same name, which
   * still finds that person.
   */
  latinNamePart(katakana: string, caseId?: string): string | undefined {
    const cases = caseId === undefined ? [...this.nameParts.values()] : [this.nameParts.get(caseId) ?? new Map<string, string | null>()];
    const spellings = new Set(cases.map((parts) => parts.get(katakana)).filter((latin) => latin !== undefined));
    const [only] = spellings;
    return spellings.size === 1 && only !== null ? only : undefined;
  }

  /**
   * The names of people in Latin letters, word by word, as a case's groups give them: a group that
   * also writes a name in katakana parts (ワン・ウェンビン) names a person, and its Latin names of as
   * many words are that person's (["Wang", "Wenbin"]). With `caseId`, only that case's.
   */
  personNames(caseId?: string): readonly (readonly string[])[] {
    return caseId === undefined ? [...this.people.values()].flat() : (this.people.get(caseId) ?? []);
  }

  /** Display names of `caseId`'s groups (all cases when undefined), for autocomplete. */
  names(caseId?: string): string[] {
    return this.groups.filter((g) => caseId === undefined || g.caseId === caseId).flatMap((g) => g.names.map((n) => n.display));
  }
}

/** A name written in katakana, its parts joined by a middle dot: ワン・ウェンビン. */
const KATAKANA_NAME = /^[\p{sc=Katakana}ー]+(?:[・･][\p{sc=Katakana}ー]+)+$/u;
/** A name in Latin letters, its parts separated by spaces: Wang Wenbin. */
const LATIN_NAME = /^[A-Za-z'’-]+(?:\s+[A-Za-z'’-]+)+$/;

/**
 * Records the parts of `group`'s katakana names with the Latin name of as many parts, in order; a
 * part spelt two ways is recorded as null (ambiguous).
 */
function addNameParts(group: AliasGroup, parts: Map<string, string | null>): void {
  const latin = group.names.filter((n) => LATIN_NAME.test(n.display)).map((n) => n.display.split(/\s+/));
  for (const name of group.names) {
    const folded = name.display.normalize('NFKC');
    if (!KATAKANA_NAME.test(folded)) continue;
    const kana = folded.split(/[・･]/);
    for (const spelt of latin.filter((l) => l.length === kana.length)) {
      kana.forEach((part, i) => {
        const word = spelt[i]?.toLowerCase();
        if (word === undefined) return;
        const known = parts.get(part);
        parts.set(part, known === undefined || known === word ? word : null);
      });
    }
  }
}

/** The Latin names of a group that pair, part by part, with one of its katakana names (see {@link AliasTable.personNames}). */
function personNamesOf(group: AliasGroup): (readonly string[])[] {
  const parts = group.names.flatMap((n) => {
    const folded = n.display.normalize('NFKC');
    return KATAKANA_NAME.test(folded) ? [folded.split(/[・･]/).length] : [];
  });
  return group.names
    .filter((n) => LATIN_NAME.test(n.display))
    .map((n) => n.display.split(/\s+/))
    .filter((words) => parts.includes(words.length));
}

function startsAt(terms: readonly string[], at: number, name: readonly string[]): boolean {
  if (at + name.length > terms.length) return false;
  return name.every((t, j) => terms[at + j] === t);
}

function key(name: AliasName): string {
  return name.terms.join(' ');
}
