import { describe, expect, it } from 'vitest';
import { foldForQuoteMatch, splitSentences } from '../../src/facts/quotes.js';
import { SourceMatcher } from '../../src/facts/source-matcher.js';

describe('foldForQuoteMatch', () => {
  it('folds typographic quotes, dashes and whitespace runs, keeping case', () => {
    expect(foldForQuoteMatch('  “Tick,”—a group’s\n\t ‘hack’ – «x» ')).toBe(`"Tick,"-a group's 'hack' - "x"`);
    expect(foldForQuoteMatch('ＪＡＸＡ')).toBe('JAXA');
    expect(foldForQuoteMatch('Wang')).not.toBe(foldForQuoteMatch('wang'));
  });
});

describe('splitSentences', () => {
  it('splits on terminators and line breaks but not abbreviations or initials', () => {
    expect(splitSentences('Mr. Kato spoke in the U.S. today. J. Smith agreed! Why?\nA headline\n中国です。次の文。')).toEqual([
      'Mr. Kato spoke in the U.S. today.', 'J. Smith agreed!', 'Why?', 'A headline', '中国です。', '次の文。',
    ]);
  });
});

describe('SourceMatcher', () => {
  const matcher = new SourceMatcher('The seller canceled the deal after learning that the company didn’t exist. It was “Tick,”—a group.');
  it('matches ASCII quotes against typographic ones and re-wrapped whitespace', () => {
    expect(matcher.contains(foldForQuoteMatch("the company\n   didn't exist."))).toBe(true);
    expect(matcher.contains(foldForQuoteMatch('It was "Tick,"-a group.'))).toBe(true);
    expect(matcher.contains(foldForQuoteMatch('the company did not exist.'))).toBe(false);
  });
  it('finds the closest sentence and notices case-only differences', () => {
    expect(matcher.closest('The seller cancelled the deal after the company did not exist.')).toEqual({
      sentence: 'The seller canceled the deal after learning that the company didn’t exist.', differsOnlyInCase: false,
    });
    expect(matcher.closest('it was "tick,"-a group.')?.differsOnlyInCase).toBe(true);
  });
  it('locates a quote as whole sentences, part of a sentence, or absent (a cut word counts as absent)', () => {
    const m = new SourceMatcher('Kato said that police are investigating. He added more.\nA third line');
    expect(m.locate(foldForQuoteMatch('He added more.'))).toEqual({ kind: 'sentences' });
    expect(m.locate(foldForQuoteMatch('Kato said that police are investigating. He added more.'))).toEqual({ kind: 'sentences' });
    expect(m.locate(foldForQuoteMatch('He added more. A third line'))).toEqual({ kind: 'sentences' });
    expect(m.locate(foldForQuoteMatch('Kato said that'))).toEqual({ kind: 'part', sentence: 'Kato said that police are investigating.' });
    expect(m.locate(foldForQuoteMatch('investigating. He added'))).toEqual({ kind: 'part', sentence: undefined });
    expect(m.locate(foldForQuoteMatch('Kato sai'))).toEqual({ kind: 'absent' });
    expect(m.locate(foldForQuoteMatch('Kato said nothing.'))).toEqual({ kind: 'absent' });
  });
});
