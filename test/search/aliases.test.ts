import { describe, expect, it } from 'vitest';
import { AliasTable } from '../../src/search/aliases.js';
import { makeFactSet } from './make-fact-set.js';

const table = AliasTable.fromFactSet(
  makeFactSet(
    [{ id: 'f', text: 'Spokesperson Wang Wenbin responded.' }],
    [
      {
        id: 'case-a',
        aliases: [
          ['Wang Wenbin', 'ワン・ウェンビン', '汪文斌'],
          ['Katsunobu Kato', 'カトウ・カツノブ'],
        ],
      },
      { id: 'case-b', aliases: [['Wan Li', 'ワン・リー']] },
    ],
  ),
);

describe('AliasTable.latinNamePart', () => {
  it("spells a katakana name part as the case's aliases spell it in Latin letters, part by part", () => {
    expect(table.latinNamePart('ワン', 'case-a')).toBe('wang');
    expect(table.latinNamePart('ウェンビン', 'case-a')).toBe('wenbin');
    // Paired in order: カトウ・カツノブ (family name first) and Katsunobu Kato (family name last) pair
    // each part with the other part of the same person's name — which still finds him.
    expect(table.latinNamePart('カトウ', 'case-a')).toBe('katsunobu');
  });

  it('is undefined for a part no group spells, or one spelt two ways across the cases asked', () => {
    expect(table.latinNamePart('ジョン', 'case-a')).toBeUndefined();
    expect(table.latinNamePart('ワン', 'case-b')).toBe('wan');
    expect(table.latinNamePart('ワン')).toBeUndefined();
  });
});

describe('AliasTable.personNames', () => {
  it('gives the Latin names of groups that also write a name in katakana parts, word by word, per case', () => {
    expect(table.personNames('case-a')).toEqual([
      ['Wang', 'Wenbin'],
      ['Katsunobu', 'Kato'],
    ]);
    expect(table.personNames('case-b')).toEqual([['Wan', 'Li']]);
    expect(table.personNames()).toHaveLength(3);
    expect(table.personNames('no-such-case')).toEqual([]);
  });
});
