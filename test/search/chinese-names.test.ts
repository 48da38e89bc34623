import { describe, expect, it } from 'vitest';
import { PINYIN_SURNAMES, pinyinGivenName } from '../../src/search/chinese-names.js';

describe('pinyinGivenName', () => {
  it('is true for a given name of one or two pinyin syllables', () => {
    for (const name of ['yi', 'yibo', 'wenbin', 'chun', 'xiaoming', 'jianguo', 'zhuang']) expect(pinyinGivenName(name), name).toBe(true);
  });

  it('is false for words no pinyin spells, or of three syllables or more', () => {
    for (const word of ['leehom', 'megumi', 'junichi', 'arrested', 'said', 'the', 'kanbochokan', 'xiaomingwei'])
      expect(pinyinGivenName(word), word).toBe(false);
  });
});

describe('PINYIN_SURNAMES', () => {
  it('holds the pinyin of the kanji surnames', () => {
    expect(PINYIN_SURNAMES.has('wang')).toBe(true);
    expect(PINYIN_SURNAMES.has('li')).toBe(true);
    expect(PINYIN_SURNAMES.has('kato')).toBe(false);
  });
});
