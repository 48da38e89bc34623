import { describe, expect, it } from 'vitest';
import { diffFactSets } from '../../src/facts/diff.js';
import type { Fact, FactSet } from '../../src/facts/types.js';

function fact(id: string, over: Partial<Fact> = {}): Fact {
  return { id, caseId: 'c', text: 'T.', citations: [{ source: 's', quote: 'Q.' }], tags: [], file: 'facts/c/facts.yaml', line: 1, ...over };
}
const set = (...facts: Fact[]): FactSet => ({ cases: new Map(), facts });

describe('diffFactSets', () => {
  it('reports added, removed and changed (text, citations, tags) but not moved facts', () => {
    const prev = set(fact('same'), fact('moved'), fact('gone'), fact('text'), fact('cite'), fact('tags'));
    const next = set(fact('same'), fact('moved', { line: 9, file: 'facts/c/facts-2.yaml' }), fact('text', { text: 'U.' }),
      fact('cite', { citations: [{ source: 's', quote: 'R.' }] }), fact('tags', { tags: ['x'] }), fact('new'));
    expect(diffFactSets(prev, next)).toEqual({ added: ['c/new'], removed: ['c/gone'], changed: ['c/cite', 'c/tags', 'c/text'] });
  });
});
