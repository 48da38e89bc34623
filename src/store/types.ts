import type { FactDiff } from '../facts/diff.js';
import type { FactSet, LoadError } from '../facts/types.js';
import type { FactIndex } from '../search/fact-index.js';
import type { LanguageProblem } from '../search/language.js';

export type { LanguageProblem };

/** What is being served right now: a fact set and the index built from it, swapped as one. */
export interface Snapshot {
  readonly factSet: FactSet;
  readonly index: FactIndex;
  /** Increases by one with every successful reload. */
  readonly version: number;
  readonly loadedAt: Date;
}

export type { FactDiff };

/** How many facts one case has. */
export interface CaseCount {
  readonly id: string;
  readonly facts: number;
}

/**
 * Facts per case, in the fact set's case order (cases without facts count 0).
 *
 * @example
 * factsByCase(factSet) // [{ id: 'harbor-ransomware', facts: 5 }, { id: 'tick-jaxa', facts: 27 }]
 */
export function factsByCase(factSet: FactSet): CaseCount[] {
  const counts = new Map<string, number>([...factSet.cases.keys()].map((id) => [id, 0]));
  for (const fact of factSet.facts) counts.set(fact.caseId, (counts.get(fact.caseId) ?? 0) + 1);
  return [...counts].map(([id, facts]) => ({ id, facts }));
}

/** The `replica` of the report standing for every other replica when they could not be asked to reload. */
export const OTHER_REPLICAS = 'the others';

export type ReloadReport =
  | {
      readonly ok: true;
      readonly at: Date;
      readonly by: string;
      readonly durationMs: number;
      readonly facts: number;
      readonly cases: number;
      /** Facts per case, in case order; absent in reports from shards of older versions. */
      readonly factsByCase?: readonly CaseCount[];
      readonly diff: FactDiff;
      /**
       * Problems worth fixing that did not stop the reload (a source file case.yaml does not list, a
       * question on two facts), in file order. Absent in reports from shards of older versions.
       */
      readonly warnings?: readonly LoadError[];
      /** Shard id when the report comes from one shard of several. */
      readonly shard?: number;
      /** Replica id when the report comes from one replica of several (HTTP mode with Redis). */
      readonly replica?: string;
    }
  | {
      readonly ok: false;
      readonly at: Date;
      readonly by: string;
      readonly durationMs: number;
      readonly errors: readonly LoadError[];
      /** Warnings found beside the errors; absent when the reload never ran, and from shards of older versions. */
      readonly warnings?: readonly LoadError[];
      /** Set when the reload never ran because its shard or replica did not answer; `errors` is then empty. */
      readonly noAnswer?: NoAnswer;
      /** The facts still being served (the previous snapshot); null when not known (replicas that could not be asked). */
      readonly servingFacts: number | null;
      readonly shard?: number;
      readonly replica?: string;
    };

/**
 * Why a shard or replica has no reload report, as a code with its values (rendered in the reader's
 * language by src/app/render-reasons.ts). `detail` is what the Redis client said (technical text).
 */
export type NoAnswer =
  /** The shard manager heard nothing from the shard within `seconds`. */
  | { readonly code: 'shard-silent'; readonly shard: number; readonly seconds: number }
  /** The shard manager could not reach the shard (not running). */
  | { readonly code: 'shard-down'; readonly shard: number }
  /** This shard heard nothing from the shard manager within `seconds`. */
  | { readonly code: 'manager-silent'; readonly seconds: number }
  | { readonly code: 'replica-silent'; readonly replica: string; readonly seconds: number }
  /** Redis was down, did not answer, or refused the reload message: the other replicas were not asked. */
  | { readonly code: 'redis-down' | 'redis-silent' | 'redis-refused'; readonly where: string; readonly detail: string }
  /** A sentence from a process of an older version, shown as it came. */
  | { readonly code: 'text'; readonly text: string };

/** Why answers by meaning are off. */
export type SemanticOffReason =
  /** The word vectors could not be loaded. */
  | { readonly code: 'language'; readonly problem: LanguageProblem }
  | { readonly code: 'no-vectors' }
  /** Computing the facts' vectors failed (a bug of ours); `error` is the error's name. */
  | { readonly code: 'vectors-failed'; readonly error: string };

/** Why reload on save stopped; `errno` is the file system's code (ENOENT, EMFILE, …). */
export interface WatchStoppedReason {
  /** `cannot-watch`: the folder could not be watched at all; `watch-error`: watching stopped later. */
  readonly code: 'cannot-watch' | 'watch-error';
  readonly errno: string;
}

/**
 * Whether questions are also answered by meaning: `ready` (every fact has its vector), `building`
 * (vectors being computed in the background; answers are lexical meanwhile, nothing is wrong), or
 * `off` with the reason (the word-vector file is missing or corrupt: answers are lexical).
 */
export type SemanticStatus =
  | { readonly state: 'ready'; readonly facts: number }
  | { readonly state: 'building'; readonly embedded: number; readonly facts: number }
  | { readonly state: 'off'; readonly reason: SemanticOffReason };

/**
 * Reload on save (`FACTS_WATCH`): `off`; `on` in the process that watches the folder (`mode`: one
 * recursive watch, or one per folder where the platform has no recursive watch); `elsewhere` when
 * another process (`by`: the shard manager) watches and reloads this one; `stopped` with the reason
 * when the folder could not be watched (edits then need `/case-admin reload`).
 */
export type WatchStatus =
  | { readonly state: 'off' }
  | { readonly state: 'on'; readonly debounceMs: number; readonly mode: 'recursive' | 'per-folder' }
  | { readonly state: 'elsewhere'; readonly by: 'shard-manager' }
  | { readonly state: 'stopped'; readonly reason: WatchStoppedReason };

export interface StoreStatus {
  readonly facts: number;
  readonly cases: number;
  readonly caseIds: readonly string[];
  /** Facts per case, in case order. */
  readonly factsByCase: readonly CaseCount[];
  readonly version: number;
  readonly loadedAt: Date;
  readonly lastReload: ReloadReport | null;
  readonly reloading: boolean;
  readonly semantic: SemanticStatus;
  /** Language data that could not be loaded; search works without it. */
  readonly languageProblems: readonly LanguageProblem[];
  /** Reload on save; absent means off. */
  readonly watch?: WatchStatus;
}
