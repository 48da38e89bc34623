/**
 * The data model of a case, as loaded from `facts/<case-id>/`.
 *
 * Everything here is plain, immutable data: no Discord, no search. A {@link FactSet} is only ever
 * produced whole by the loader (`loadFactsDir`), so holders can rely on every quote having been
 * verified against its source document.
 */

import type { SentencePosition } from './source-positions.js';

export type { SentencePosition } from './source-positions.js';

/** A source document of a case, kept verbatim under `facts/<case-id>/sources/`. */
export interface Source {
  /** Unique within its case; facts cite it by this id. */
  readonly id: string;
  readonly title: string;
  /** Only where known: never invented. */
  readonly publisher: string | null;
  readonly date: string | null;
  readonly url: string | null;
  /** Path of the document, relative to the facts root (for messages). */
  readonly file: string;
  /** The full verbatim text. */
  readonly text: string;
}

/** One verbatim source sentence a fact rests on. */
export interface Citation {
  /** Id of a {@link Source} of the same case. */
  readonly source: string;
  /** The sentence as the moderator typed it (verified to occur in the source after folding). */
  readonly quote: string;
  /** The same passage exactly as the source writes it (its own quotes and dashes): what members are shown. */
  readonly sourceText: string;
  /** Which sentences of the source the passage spans (`first` is 0 when that could not be told). */
  readonly position: SentencePosition;
}

export interface Fact {
  /** Stable id, unique within its case. */
  readonly id: string;
  readonly caseId: string;
  /** One or two plain sentences, at most 300 characters. */
  readonly text: string;
  /** At least one. */
  readonly citations: readonly Citation[];
  readonly tags: readonly string[];
  /** Questions this fact answers, in members' words (searched, never shown); often empty. */
  readonly questions: readonly string[];
  /** Where the fact is defined: path relative to the facts root, and 1-based line. */
  readonly file: string;
  readonly line: number;
}

export interface Case {
  readonly id: string;
  readonly title: string;
  /** One paragraph. */
  readonly summary: string;
  readonly sources: ReadonlyMap<string, Source>;
  /**
   * Groups of names that mean the same thing (e.g. JAXA / Japan Aerospace Exploration Agency /
   * 宇宙航空研究開発機構), applied at query time. A name belongs to at most one group.
   */
  readonly aliases: readonly (readonly string[])[];
  /**
   * Questions members of this case's community ask that are about something else, above all those
   * sharing a name or word with the case in another sense ("when is jaxa's next launch", "pla
   * filament temperature"). Beside the shipped everyday questions, they make a question that is
   * nearer to one of them than to the facts it would get off-topic. Absent: none.
   */
  readonly offtopic?: readonly string[];
}

/** A complete, validated set of cases and their facts. */
export interface FactSet {
  readonly cases: ReadonlyMap<string, Case>;
  /** All facts of all cases, in file order. */
  readonly facts: readonly Fact[];
}

/** A problem found while loading, located precisely enough for a moderator to fix it. */
export interface LoadError {
  /** Path relative to the facts root (or the root itself for folder-level problems). */
  readonly file: string;
  /** 1-based; 0 when the problem has no line (a missing file). */
  readonly line: number;
  /** 1-based; 0 when unknown. */
  readonly column: number;
  /** One sentence a moderator understands: what is wrong and what to do (English: logs, check-facts, English replies). */
  readonly message: string;
  /**
   * The same problem as a code with its values, for the common kinds, so a reply can say it in the
   * moderator's language (src/app/render-reasons.ts); absent for the others, whose `message` is shown.
   */
  readonly problem?: LoadProblem;
}

/** A field of a YAML file: its name ('' for the file itself), and its 1-based position when it is an item of a list. */
export interface FieldName {
  readonly name: string;
  readonly item?: number;
}

/** What a field should hold, as {@link LoadProblem} `wrong-type` names it. */
export type ExpectedValue = 'text' | 'list' | 'group' | 'number' | 'boolean' | 'other';

/**
 * The common kinds of fact-file problems, as codes with their values (see {@link LoadError.problem}).
 * Text in them (keys, ids, quotes, sentences) is the file's own, shown as written.
 */
export type LoadProblem =
  /** Any YAML syntax error without a kind of its own below. */
  | { readonly kind: 'yaml-syntax' }
  | { readonly kind: 'yaml-tab' }
  | { readonly kind: 'yaml-unclosed-quote'; readonly quote: string }
  | { readonly kind: 'yaml-duplicate-key'; readonly key: string }
  | { readonly kind: 'missing-field'; readonly field: FieldName }
  | { readonly kind: 'wrong-type'; readonly field: FieldName; readonly expected: ExpectedValue }
  | { readonly kind: 'unknown-field'; readonly field: string; readonly guess?: string }
  | { readonly kind: 'too-long'; readonly field: FieldName; readonly size: number; readonly max: number }
  | { readonly kind: 'too-many'; readonly field: FieldName; readonly size: number; readonly max: number }
  | { readonly kind: 'too-few'; readonly field: FieldName; readonly min: number }
  | { readonly kind: 'empty'; readonly field: FieldName }
  /** `closest`: the source's sentence nearest to the quote, when one is close enough to name. */
  | { readonly kind: 'quote-not-found'; readonly source: string; readonly closest?: string }
  /** `first`: `file:line:column` of the fact that has the id already. */
  | { readonly kind: 'duplicate-id'; readonly id: string; readonly first: string }
  | { readonly kind: 'unknown-source'; readonly source: string; readonly guess?: string }
  | { readonly kind: 'source-file-not-found'; readonly file: string }
  /** Warning: a file in `sources/` that case.yaml does not list (`file`: as case.yaml would name it, `sources/x.txt`). */
  | { readonly kind: 'source-not-listed'; readonly file: string }
  /** Warning: `question` is on fact `first` and again on fact `second` (ids). */
  | { readonly kind: 'shared-question'; readonly question: string; readonly first: string; readonly second: string };

/**
 * `warnings` are things worth fixing that do not stop a load (a source file that case.yaml does
 * not list, a question on two facts); they have the same shape as errors. Reload replies list them.
 */
export type LoadResult =
  | { readonly ok: true; readonly factSet: FactSet; readonly warnings: readonly LoadError[] }
  | { readonly ok: false; readonly errors: readonly LoadError[]; readonly warnings: readonly LoadError[] };

/** `facts/tick-jaxa/facts.yaml:42:5 quote not found …` — the form every tool prints. */
export function formatLoadError(error: LoadError): string {
  const where = error.line > 0 ? `${error.file}:${error.line}${error.column > 0 ? `:${error.column}` : ''}` : error.file;
  return `${where} ${error.message}`;
}

/** The key that identifies a fact across cases: `case-id/fact-id`. */
export function factKey(fact: Pick<Fact, 'caseId' | 'id'>): string {
  return `${fact.caseId}/${fact.id}`;
}
