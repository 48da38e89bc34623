import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/facts/types.js';
import { rerankForIntent } from '../../src/search/intent.js';
import type { Hit } from '../../src/search/types.js';

function hit(id: string, text: string, score: number): Hit {
  const fact: Fact = { id, caseId: 'c', text, citations: [{ source: 's', quote: text }], tags: [], file: 'f', line: 1 };
  return { fact, score, matched: [] };
}

const hits = [hit('year', 'The company was founded in 2016.', 5), hit('count', 'About 200 companies were hit.', 3), hit('none', 'Companies were warned.', 4)];

describe('rerankForIntent', () => {
  it('lifts a fact holding a count (not a year) for "how many"', () => {
    expect(rerankForIntent('how many companies', hits).map((h) => h.fact.id)).toEqual(['count', 'year', 'none']);
  });

  it('lifts a fact holding a year or month for "when"', () => {
    expect(rerankForIntent('when did it happen', [hits[2]!, hits[1]!, hits[0]!]).map((h) => h.fact.id)).toEqual(['year', 'none', 'count']);
  });

  it('keeps the order when the question asks for neither', () => {
    expect(rerankForIntent('companies', hits)).toBe(hits);
  });
});
