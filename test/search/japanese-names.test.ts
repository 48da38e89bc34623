import { describe, expect, it } from 'vitest';
import { ROMAJI_SURNAMES, romajiGivenName } from '../../src/search/japanese-names.js';

describe('romajiGivenName', () => {
  it('is true for a given name of two to six romaji morae', () => {
    for (const name of ['kiyomasa', 'katsunobu', 'junichi', 'megumi', 'hattori', 'shigeru', 'ichiro', 'yuki'])
      expect(romajiGivenName(name), name).toBe(true);
  });

  it('is false for English words and typos, short words, and titles after a surname', () => {
    for (const word of ['statement', 'satement', 'speech', 'arrested', 'wenbin', 'ken', 'kanbochokan', 'san', 'sensei', 'daijin'])
      expect(romajiGivenName(word), word).toBe(false);
  });
});

describe('ROMAJI_SURNAMES', () => {
  it('holds common surnames in romaji, not pinyin ones', () => {
    expect(ROMAJI_SURNAMES.has('kato')).toBe(true);
    expect(ROMAJI_SURNAMES.has('suzuki')).toBe(true);
    expect(ROMAJI_SURNAMES.has('wang')).toBe(false);
  });
});
