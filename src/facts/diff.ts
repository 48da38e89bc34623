/** What changed between two fact sets, by fact key — for reload reports. */
import { Slicer } from '../shared/slicer.js';
import { FactKeyMap } from './fact-key-map.js';
import { factKey } from './types.js';
import type { Citation, Fact, FactSet } from './types.js';

/**
 * What a reload changed, by fact key (`case/id`): how many facts, and the first keys of each kind
 * in file order. Only the first 50 keys are kept (`DIFF_KEYS_KEPT`): a full reload of 100k facts
 * would otherwise carry 200k keys into every report, log line and shard message, where nobody
 * reads past the first ten.
 */
export interface FactDiff {
  readonly counts: { readonly added: number; readonly removed: number; readonly changed: number };
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

/** Whether two versions of a fact say the same: text, citations, tags and questions (not where they stand). */
export function sameFactContent(a: Fact, b: Fact): boolean {
  // Reloads keep the objects of unchanged facts, so identity settles most comparisons.
  if (a === b) return true;
  return (
    a.text === b.text &&
    a.citations.length === b.citations.length &&
    a.citations.every((c, i) => sameCitation(c, b.citations[i])) &&
    sameList(a.tags, b.tags) &&
    sameList(a.questions, b.questions)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Same source, quote, and what members are shown of it (the source's text and its place, which a source edit can change). */
function sameCitation(a: Citation, b: Citation | undefined): boolean {
  return b !== undefined && a.source === b.source && a.quote === b.quote && a.sourceText === b.sourceText &&
    a.position.first === b.position.first && a.position.last === b.position.last && a.position.of === b.position.of;
}

/** Keys kept per kind in a {@link FactDiff} (its counts are always complete). */
export const DIFF_KEYS_KEPT = 50;

/** Facts between the points where {@link diffSteps} offers to pause. */
const STEP = 256;

/** The diff as a generator that yields every {@link STEP} facts, so one loop serves both versions below. */
function* diffSteps(prev: FactSet, next: FactSet): Generator<void, FactDiff> {
  const before = new FactKeyMap<Fact>();
  for (let i = 0; i < prev.facts.length; i++) {
    if (i % STEP === 0) yield;
    const fact = prev.facts[i];
    if (fact !== undefined) before.set(fact, fact);
  }
  const added = new KeyList();
  const changed = new KeyList();
  for (let i = 0; i < next.facts.length; i++) {
    if (i % STEP === 0) yield;
    const fact = next.facts[i];
    if (fact === undefined) continue;
    const old = before.take(fact);
    if (old === undefined) added.note(fact);
    else if (!sameFactContent(old, fact)) changed.note(fact);
  }
  // What is left in `before` was not in `next`.
  const removed = new KeyList();
  for (const fact of before.values()) {
    if (removed.count % STEP === 0) yield;
    removed.note(fact);
  }
  // File order, not sorted: sorting 100k keys of a full reload blocked the event loop for ~70 ms
  // in one piece, and file order is the order a moderator finds the facts in.
  return {
    counts: { added: added.count, removed: removed.count, changed: changed.count },
    added: added.keys,
    removed: removed.keys,
    changed: changed.keys,
  };
}

/** Counts facts and keeps the first {@link DIFF_KEYS_KEPT} keys. */
class KeyList {
  count = 0;
  readonly keys: string[] = [];

  note(fact: Fact): void {
    this.count++;
    if (this.keys.length < DIFF_KEYS_KEPT) this.keys.push(factKey(fact));
  }
}

/**
 * Compares two fact sets by fact key (`case/id`). A fact is "changed" when its text, citations or
 * tags differ; moving it to another line or file is not a change. Counts are complete; keys are the
 * first {@link DIFF_KEYS_KEPT} of each kind in file order: the new set's for added and changed
 * facts, the old set's for removed ones.
 *
 * @example
 * diffFactSets(before, after)
 * // => { counts: { added: 1, removed: 0, changed: 1 }, added: ['tick-jaxa/new-fact'], removed: [], changed: ['tick-jaxa/wang-fake-company'] }
 */
export function diffFactSets(prev: FactSet, next: FactSet): FactDiff {
  const steps = diffSteps(prev, next);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * {@link diffFactSets} for large sets on a thread that must stay responsive: the same result, but
 * it yields to the event loop between slices (see shared/slicer.ts; at 100k facts the plain version
 * blocks for tens of milliseconds). `chunkSize` caps the steps of {@link STEP} facts per slice
 * (tests use 1 to force a pause at every step).
 */
export async function diffFactSetsInSlices(prev: FactSet, next: FactSet, chunkSize?: number): Promise<FactDiff> {
  const steps = diffSteps(prev, next);
  const slicer = new Slicer(undefined, chunkSize);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (slicer.due()) await slicer.pause();
  }
}
