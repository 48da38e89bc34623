import { describe, expect, it } from 'vitest';
import { DIFF_KEYS_KEPT, diffFactSets, diffFactSetsInSlices } from '../../src/facts/diff.js';
import type { Fact, FactSet } from '../../src/facts/types.js';

function fact(id: string, over: Partial<Fact> = {}): Fact {
  return { id, caseId: 'c', text: 'T.', citations: [{ source: 's', quote: 'Q.', sourceText: 'Q.', position: { first: 1, last: 1, of: 1 } }], tags: [], questions: [], file: 'facts/c/facts.yaml', line: 1, ...over };
}
const set = (...facts: Fact[]): FactSet => ({ cases: new Map(), facts });

describe('diffFactSets', () => {
  it('reports added, removed and changed (text, citations, tags) but not moved facts', () => {
    const prev = set(fact('same'), fact('moved'), fact('gone'), fact('text'), fact('cite'), fact('tags'));
    const next = set(fact('same'), fact('moved', { line: 9, file: 'facts/c/facts-2.yaml' }), fact('text', { text: 'U.' }),
      fact('cite', { citations: [{ source: 's', quote: 'R.', sourceText: 'R.', position: { first: 1, last: 1, of: 1 } }] }), fact('tags', { tags: ['x'] }), fact('new'));
    expect(diffFactSets(prev, next)).toEqual({
      counts: { added: 1, removed: 1, changed: 3 },
      added: ['c/new'],
      removed: ['c/gone'],
      changed: ['c/text', 'c/cite', 'c/tags'],
    });
  });

  it('lists keys in file order: the new set for added and changed, the old set for removed', () => {
    const prev = set(fact('z-gone'), fact('b'), fact('a-gone'), fact('y'));
    const next = set(fact('y', { text: 'U.' }), fact('z-new'), fact('b', { text: 'V.' }), fact('a-new'));
    expect(diffFactSets(prev, next)).toEqual({
      counts: { added: 2, removed: 2, changed: 2 },
      added: ['c/z-new', 'c/a-new'],
      removed: ['c/z-gone', 'c/a-gone'],
      changed: ['c/y', 'c/b'],
    });
  });

  it('counts every change but keeps only the first keys of each kind', () => {
    const prev = set(...Array.from({ length: 300 }, (_, i) => fact(`old-${i}`)), ...Array.from({ length: 120 }, (_, i) => fact(`kept-${i}`)));
    const next = set(...Array.from({ length: 120 }, (_, i) => fact(`kept-${i}`, { text: 'U.' })), ...Array.from({ length: 200 }, (_, i) => fact(`new-${i}`)));
    const diff = diffFactSets(prev, next);
    expect(diff.counts).toEqual({ added: 200, removed: 300, changed: 120 });
    expect(diff.added).toEqual(Array.from({ length: DIFF_KEYS_KEPT }, (_, i) => `c/new-${i}`));
    expect(diff.removed).toEqual(Array.from({ length: DIFF_KEYS_KEPT }, (_, i) => `c/old-${i}`));
    expect(diff.changed).toHaveLength(DIFF_KEYS_KEPT);
  });
});

describe('diffFactSetsInSlices', () => {
  it('gives the same result as diffFactSets, yielding on the way', async () => {
    const fact = (id: string, text: string) => ({ id, caseId: 'c', text, citations: [{ source: 's', quote: 'q', sourceText: 'q', position: { first: 1, last: 1, of: 1 } }], tags: [], questions: [], file: 'f', line: 1 });
    const prev = { cases: new Map(), facts: Array.from({ length: 3000 }, (_, i) => fact(`f${i}`, `t${i}`)) };
    const next = { cases: new Map(), facts: [...prev.facts.slice(10, 2990).map((f, i) => (i % 100 === 0 ? { ...f, text: 'new' } : f)), fact('added', 'x')] };
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    const sliced = await diffFactSetsInSlices(prev, next, 1);
    clearInterval(timer);
    expect(sliced).toEqual(diffFactSets(prev, next));
    expect(sliced.added).toEqual(['c/added']);
    expect(sliced.removed).toHaveLength(20);
    expect(sliced.changed).toHaveLength(30);
    expect(turns).toBeGreaterThan(0);
  });
});
