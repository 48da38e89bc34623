import type { FactDiff } from '../facts/diff.js';
import type { FactSet, LoadError } from '../facts/types.js';
import type { FactIndex } from '../search/fact-index.js';

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
      /**
       * Set when the reload never ran because its shard did not answer (the sentence says why);
       * `errors` is then empty.
       */
      readonly noAnswer?: string;
      /** The facts still being served (the previous snapshot); null when not known (replicas that could not be asked). */
      readonly servingFacts: number | null;
      readonly shard?: number;
      readonly replica?: string;
    };

/**
 * Whether questions are also answered by meaning: `ready` (every fact has its vector), `building`
 * (vectors being computed in the background; answers are lexical meanwhile, nothing is wrong), or
 * `off` with the reason (the word-vector file is missing or corrupt: answers are lexical).
 */
export type SemanticStatus =
  | { readonly state: 'ready'; readonly facts: number }
  | { readonly state: 'building'; readonly embedded: number; readonly facts: number }
  | { readonly state: 'off'; readonly reason: string };

/**
 * Reload on save (`FACTS_WATCH`): `off`; `on` in the process that watches the folder (`mode`: one
 * recursive watch, or one per folder where the platform has no recursive watch); `elsewhere` when
 * another process (`by`, the shard manager) watches and reloads this one; `stopped` with the reason
 * when the folder could not be watched (edits then need `/case-admin reload`).
 */
export type WatchStatus =
  | { readonly state: 'off' }
  | { readonly state: 'on'; readonly debounceMs: number; readonly mode: 'recursive' | 'per-folder' }
  | { readonly state: 'elsewhere'; readonly by: string }
  | { readonly state: 'stopped'; readonly reason: string };

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
  /** Language data that could not be loaded (one sentence each); search works without it. */
  readonly languageProblems: readonly string[];
  /** Reload on save; absent means off. */
  readonly watch?: WatchStatus;
}
