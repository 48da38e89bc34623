import { describe, expect, it } from 'vitest';
import { answerTest, asksNameOf, namesThing } from '../../src/search/wanted-answer.js';

describe('asksNameOf', () => {
  it('reads the kind of thing whose name a question asks, in English and Japanese', () => {
    expect(asksNameOf('what was the shell company called?')).toContain('company');
    expect(asksNameOf("what's the name of the antivirus program he wanted")).toContain('software');
    expect(asksNameOf('the firms name?')).toContain('company');
    expect(asksNameOf('software name?')).toContain('software');
    expect(asksNameOf('whats the fake company name')).toContain('company');
    expect(asksNameOf('names of the companies involved')).toContain('company');
    expect(asksNameOf('使われたウイルスの名前って何？')).toContain('malware');
    expect(asksNameOf('なんていう会社だったの')).toContain('company');
  });

  it('is undefined for names of people or groups, and for "called" as a verb', () => {
    for (const q of [
      'whats the suspects name',
      'did they use a fake name',
      'is it true the vendor called it off',
      'which companies were hit',
      'did they use a fake company name to rent the server',
      '容疑者の名前は？',
    ])
      expect(asksNameOf(q), q).toBeUndefined();
  });
});

describe('namesThing', () => {
  const company = asksNameOf('what was the company called') ?? [];
  const software = asksNameOf('software name?') ?? [];

  it('finds a name given to a thing of the kind', () => {
    expect(namesThing('He used a shell company called Acme Trading.', company)).toBe(true);
    expect(namesThing('He tried to buy the Acme security software.', software)).toBe(true);
    expect(namesThing('“Acme” is a small Japanese company.', company)).toBe(true);
    expect(namesThing('The order went to vendor Acme in Osaka.', company)).toBe(true);
  });

  it('does not take a nationality, a sentence start or a person nearby for a name', () => {
    expect(namesThing('Wang tried to buy the software through a fake Japanese company.', company)).toBe(false);
    expect(namesThing('The report refers to the man trying to buy the security software as Wang.', software)).toBe(false);
    expect(namesThing('The seller who dealt with Wang canceled the transaction.', company)).toBe(false);
    expect(namesThing('Software like this is sold only to Japanese companies.', software)).toBe(false);
  });
});

describe('answerTest', () => {
  it('wants an amount for what something cost', () => {
    const test = answerTest('how much was the security software worth?');
    expect(test?.('The security software could only be sold to Japanese companies.')).toBe(false);
    // A year or a count is no price.
    expect(test?.('He tried to buy it in November 2016 for 200 companies.')).toBe(false);
    expect(test?.('The licence sold for 3 million yen.')).toBe(true);
    expect(answerTest('いくらで売られてたの？')?.('It cost $500.')).toBe(true);
  });

  it('wants a name given to a unit or a group', () => {
    const unit = answerTest('what is the name of the pla unit behind it');
    expect(unit?.('The group acted under the direction of a Chinese military unit.')).toBe(false);
    expect(answerTest('what is the hacking group called')?.('“Tick” is a Chinese hacking group.')).toBe(true);
  });

  it('wants nothing in particular of other questions', () => {
    for (const q of ['how much data was stolen', 'who is the suspect', 'how many companies were hit'])
      expect(answerTest(q), q).toBeUndefined();
  });
});
