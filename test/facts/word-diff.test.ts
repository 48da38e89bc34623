import { describe, expect, it } from 'vitest';
import { compareWords, countWords } from '../../src/facts/word-diff.js';

describe('compareWords', () => {
  it('points at a one-word typo, in each text as written', () => {
    expect(compareWords('The seller reportedly cancelled the transaction.', 'The seller reportedly canceled the transaction.')).toEqual({
      inOrderShare: 5 / 6, differences: [{ quote: 'cancelled', source: 'canceled', after: 'reportedly' }],
    });
  });

  it('names missing, extra and case-changed words, ignoring apostrophe and spacing differences', () => {
    const { differences } = compareWords("the company didn't   exist in Tokyo", 'The company didn’t exist — “really”.');
    expect(differences).toEqual([
      { quote: 'the', source: 'The', after: '' },
      { quote: 'in Tokyo', source: '“really”', after: 'exist' },
    ]);
    expect(compareWords('Kato said that.', 'Kato said that police agreed.').differences).toEqual([{ quote: '', source: 'police agreed', after: 'that' }]);
    expect(compareWords('Kato, said that', 'Kato said that').differences).toEqual([]);
  });

  it('measures the share of the quote\'s words found in order', () => {
    expect(compareWords('a b c d', 'a x b y d').inOrderShare).toBe(0.75);
    expect(compareWords('d c b a', 'a b c d').inOrderShare).toBe(0.25);
    expect(compareWords('', 'a b').inOrderShare).toBe(0);
  });
});

describe('countWords', () => {
  it('counts words, and each CJK character as one', () => {
    expect(countWords("Kato said that the PLA's role")).toBe(6);
    expect(countWords('加藤は言った')).toBe(6);
  });
});
