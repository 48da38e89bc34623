import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/facts/types.js';
import { FactInterner } from '../../src/store/intern.js';

function fact(id: string, over: Partial<Fact> = {}): Fact {
  // Fresh strings on every call, as a structured-clone copy has: built, not literals V8 would share.
  const fresh = (s: string): string => [...s].join('');
  return {
    id,
    caseId: fresh('tick-jaxa'),
    text: `Fact ${id}.`,
    citations: [{ source: fresh('report'), quote: `Quote ${id}.`, sourceText: `Quote ${id}.`, position: { first: 1, last: 1, of: 1 } }],
    tags: [fresh('jaxa'), fresh('police')],
    questions: [],
    file: fresh('tick-jaxa/facts.yaml'),
    line: 1,
    ...over,
  };
}

describe('FactInterner', () => {
  it('returns equal facts', () => {
    const interner = new FactInterner();
    const input = [
      fact('a'),
      fact('b', { tags: [] }),
      fact('c', {
        citations: [
          { source: 'x', quote: 'Q1.', sourceText: 'Q1.', position: { first: 1, last: 1, of: 1 } },
          { source: 'y', quote: 'Q2.', sourceText: 'Q2.', position: { first: 1, last: 1, of: 1 } },
        ],
      }),
    ];
    expect(input.map((f) => interner.intern(f))).toEqual(input);
  });

  it('shares equal tag lists, and never merges different ones', () => {
    const interner = new FactInterner();
    const a = interner.intern(fact('a'));
    const b = interner.intern(fact('b'));
    const c = interner.intern(fact('c', { tags: ['jaxa,police'] }));
    const d = interner.intern(fact('d', { tags: ['jaxa', 'police', ''] }));
    expect(b.tags).toBe(a.tags);
    expect(c.tags).toEqual(['jaxa,police']);
    expect(d.tags).toEqual(['jaxa', 'police', '']);
  });
});
