/** What changed between two fact sets, by fact key — for reload reports. */
import type { FactDiff } from '../store/types.js';
import { factKey } from './types.js';
import type { Fact, FactSet } from './types.js';

function sameContent(a: Fact, b: Fact): boolean {
  return (
    a.text === b.text &&
    a.citations.length === b.citations.length &&
    a.citations.every((c, i) => c.source === b.citations[i]?.source && c.quote === b.citations[i]?.quote) &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

/**
 * Compares two fact sets by fact key (`case/id`). A fact is "changed" when its text, citations or
 * tags differ; moving it to another line or file is not a change. Keys are sorted.
 *
 * @example
 * diffFactSets(before, after) // => { added: ['tick-jaxa/new-fact'], removed: [], changed: ['tick-jaxa/wang-fake-company'] }
 */
export function diffFactSets(prev: FactSet, next: FactSet): FactDiff {
  const before = new Map(prev.facts.map((f) => [factKey(f), f] as const));
  const after = new Map(next.facts.map((f) => [factKey(f), f] as const));
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const [key, fact] of after) {
    const old = before.get(key);
    if (old === undefined) added.push(key);
    else if (!sameContent(old, fact)) changed.push(key);
  }
  for (const key of before.keys()) if (!after.has(key)) removed.push(key);
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}
