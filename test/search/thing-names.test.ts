import { describe, expect, it } from 'vitest';
import { asksNameOf, namesThing } from '../../src/search/thing-names.js';

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
      'what is the hacking group called',
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
