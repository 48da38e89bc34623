import { describe, expect, it } from 'vitest';
import { findMatchSpans, normalizeTerm, tokenize } from '../../src/search/text.js';

describe('normalizeTerm', () => {
  it.each([
    ['cancelled', 'canceled'],
    ['leaked', 'leak'],
    ['attacks', 'attack'],
    ['People’s', "People's"],
    ['ｊａｘａ', 'jaxa'],
    ['café', 'cafe'],
    ['purchasing', 'purchased'],
    ['companies', 'company'],
    ['bought', 'buy'],
  ])('%s and %s meet', (a, b) => {
    expect(normalizeTerm(a)).not.toBeNull();
    expect(normalizeTerm(a)).toBe(normalizeTerm(b));
  });

  it('drops stop words and empty tokens', () => {
    for (const word of ['the', 'A', 'of', 'who', 'What', 'is', 'did', 'didn’t', "'"]) expect(normalizeTerm(word)).toBeNull();
  });

  it('reads a stop word stretched for its tone as the stop word, and keeps other words', () => {
    for (const word of ['lmaooo', 'sooo', 'whyyy', 'LOLLL']) expect(normalizeTerm(word), word).toBeNull();
    expect(normalizeTerm('freee')).not.toBeNull();
  });

  it('keeps distinct words distinct', () => {
    expect(normalizeTerm('jaxa')).not.toBe(normalizeTerm('japan'));
    expect(normalizeTerm('2016')).toBe('2016');
  });
});

describe('tokenize', () => {
  it('keeps apostrophes inside words and splits on punctuation', () => {
    expect(tokenize('People’s Liberation Army (PLA), "JAXA".')).toEqual(['People’s', 'Liberation', 'Army', 'PLA', 'JAXA']);
  });

  it('segments Japanese and adds CJK bigrams', () => {
    const tokens = tokenize('人民解放軍');
    expect(tokens).toContain('解放軍');
    expect(tokens).toEqual(expect.arrayContaining(['人民', '民解', '解放', '放軍']));
  });

  it('never throws and finds nothing in punctuation and controls', () => {
    expect(tokenize('\u0000\u202E!!?\uD800')).toEqual([]);
  });
});

describe('findMatchSpans', () => {
  const text = 'The seller canceled the deal; cyberattacks hit JAXA.';
  const at = (spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

  it('marks words whose normalised form equals, extends or is a close typo of a matched term', () => {
    expect(at(findMatchSpans(text, ['cancel']))).toEqual(['canceled']);
    expect(at(findMatchSpans(text, ['cyber']))).toEqual(['cyberattacks']);
    expect(at(findMatchSpans(text, ['cyberatack', 'jaxs']))).toEqual(['cyberattacks', 'JAXA']);
  });

  it('merges overlapping CJK bigram spans', () => {
    expect(findMatchSpans('宇宙航空研究', ['宇宙', '宙航'])).toEqual([{ start: 0, end: 3 }]);
  });

  it('returns nothing for no matched terms', () => {
    expect(findMatchSpans(text, [])).toEqual([]);
  });
});

describe('findMatchSpans with its cache of analysed passages', () => {
  it('answers the same the second time, and after many other passages pushed it out', () => {
    const text = 'The seller canceled the cyberattacks report.';
    const first = findMatchSpans(text, ['cancel', 'attack']);
    expect(findMatchSpans(text, ['cancel', 'attack'])).toEqual(first);
    for (let i = 0; i < 3000; i++) findMatchSpans(`Passage number ${i} about canceled deals.`, ['cancel']);
    expect(findMatchSpans(text, ['cancel', 'attack'])).toEqual(first);
    expect(first.map((s) => text.slice(s.start, s.end))).toEqual(['canceled', 'cyberattacks']);
  });
});
