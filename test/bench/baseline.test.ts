import { describe, expect, it } from 'vitest';
import { buildBaseline } from '../../src/bench/baseline.js';
import type { Fact, FactSet } from '../../src/facts/types.js';

function fact(id: string, text: string, tags: readonly string[] = []): Fact {
  return {
    id,
    caseId: 'c',
    text,
    citations: [{ source: 's', quote: text, sourceText: text, position: { first: 1, last: 1, of: 1 } }],
    tags,
    questions: [],
    file: 'c/facts.yaml',
    line: 1,
  };
}

const facts: readonly Fact[] = [
  fact('a', 'Tanaka accessed the server in Osaka.'),
  fact('b', 'Tanaka was arrested in Tokyo.'),
  fact('c', 'The servers were breached by malware.'),
  fact('d', 'Police searched the office of Suzuki.'),
  fact('e', 'A ban on exports was announced.', ['sanctions']),
  fact('f', 'The bank transferred the funds.'),
];
const factSet: FactSet = { cases: new Map(), facts };

const ids = (positions: readonly number[]): string[] => positions.map((p) => facts[p]?.id ?? '?').sort();

describe('the fair MiniSearch baseline', () => {
  const fair = buildBaseline(factSet, 'fair');
  const fuzzy = buildBaseline(factSet, 'fuzzy');

  it('returns the same kind of results as the fuzzy one: a hit count that matches the positions, and the exact hits of a plain query', () => {
    for (const baseline of [fair, fuzzy]) {
      expect(baseline.search('arrested')).toBe(baseline.positions('arrested').length);
      expect(ids(baseline.positions('arrested'))).toEqual(['b']);
    }
    expect(fair.search('pizza recipe')).toBe(0);
  });

  it('requires every term (AND), where the fuzzy one takes any (OR)', () => {
    expect(ids(fair.positions('tanaka osaka'))).toEqual(['a']);
    expect(ids(fuzzy.positions('tanaka osaka'))).toEqual(['a', 'b']);
  });

  it('expands terms of 3+ characters as prefixes, shorter ones not', () => {
    expect(ids(fair.positions('serv'))).toEqual(['a', 'c']);
    expect(ids(fair.positions('osa'))).toEqual(['a']);
    expect(fair.search('os')).toBe(0);
    expect(ids(fuzzy.positions('os'))).toEqual(['a']);
  });

  it('corrects typos only of terms the index does not know', () => {
    // "tanka" is not in the index: one edit from "tanaka".
    expect(ids(fair.positions('tanka'))).toEqual(['a', 'b']);
    // "bank" is in the index: it stays exact, where the fuzzy baseline also takes "ban" (one edit away).
    expect(ids(fair.positions('bank'))).toEqual(['f']);
    expect(ids(fuzzy.positions('bank'))).toEqual(['e', 'f']);
  });
});
