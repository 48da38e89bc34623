import { describe, expect, it } from 'vitest';
import { EXCERPT_MIN_WORDS, NEAR_MISS_SHARE, missingQuoteMessage, partialQuoteMessage } from '../../src/facts/quote-problems.js';

const closest = (sentence: string): { sentence: string; differsOnlyInCase: boolean } => ({ sentence, differsOnlyInCase: false });

describe('missingQuoteMessage', () => {
  const sentence = 'The seller who dealt with Wang reportedly canceled the transaction after learning that the company didn’t exist.';

  it('names the differing word of a near miss and shows the sentence', () => {
    const message = missingQuoteMessage('report', sentence.replace('canceled', 'cancelled'), closest(sentence));
    expect(message).toBe(`quote not found in source "report"; it differs from the closest sentence: "cancelled" should be "canceled". The sentence is "${sentence}"`);
  });

  it(`calls a sentence close when at least ${NEAR_MISS_SHARE * 100}% of the quote's words are in it in order, and not otherwise`, () => {
    const source = closest('one two three four five six seven eight.');
    // 4 of 8 words in order: exactly at the threshold, a near miss with its differences.
    const atThreshold = missingQuoteMessage('report', 'one two three four alpha beta gamma delta.', source);
    expect(atThreshold).toContain('"alpha beta gamma delta" should be "five six seven eight"');
    // 3 of 8: under it, reported as not in the source, with no sentence shown.
    const under = missingQuoteMessage('report', 'one two three alpha beta gamma delta epsilon.', source);
    expect(under).toBe('quote not found in source "report", and no sentence of it is close (the nearest holds only 38% of the quote\'s words, in order); copy a sentence from the source, or cite the source it comes from');
  });

  it('says when only punctuation differs, and when the source is empty', () => {
    expect(missingQuoteMessage('report', 'Kato said that, police agreed.', closest('Kato said that police agreed.'))).toContain('its words match the closest sentence but its punctuation differs');
    expect(missingQuoteMessage('report', 'x', undefined)).toBe('quote not found in source "report": the source document is empty');
  });

  it('lists at most four differences and counts the rest', () => {
    const message = missingQuoteMessage('report', 'a1 b c2 d e3 f g4 h i5 j k6 l', closest('a b c d e f g h i j k l'));
    expect(message).toContain('"a1" should be "a"; "c2" should be "c"; "e3" should be "e"; "g4" should be "g"; and 2 more differences.');
  });
});

describe('partialQuoteMessage', () => {
  const sentence = 'Kato said that police are investigating the attackers.';
  const place = { kind: 'part', sentence } as const;

  it('refuses a fragment, offering the excerpt marking only from 6 words on', () => {
    expect(partialQuoteMessage('report', 'Kato said that', place, false)).toBe(`quote is only part of a sentence of source "report" (3 words); quote the whole sentence: "${sentence}"`);
    expect(partialQuoteMessage('report', 'Kato said that police are investigating', place, false)).toContain("add 'excerpt: true' to this cite");
  });

  it(`accepts an excerpt of ${EXCERPT_MIN_WORDS} words or more, and refuses a shorter one`, () => {
    expect(partialQuoteMessage('report', 'Kato said that police are investigating', place, true)).toBeUndefined();
    expect(partialQuoteMessage('report', 'Kato said that police are', place, true)).toContain('excerpt has 5 words, and an excerpt needs at least 6');
  });

  it('refuses a quote running across a sentence end, excerpt or not', () => {
    expect(partialQuoteMessage('report', 'investigating. He added that police', { kind: 'part', sentence: undefined }, true)).toContain('runs across a sentence end');
  });
});
