import { describe, expect, it } from 'vitest';
import { findIdioms, replaceIdioms } from '../../src/search/idioms.js';

describe('findIdioms', () => {
  it('finds idioms in their inflected forms, with a possessive or article inside, as typed', () => {
    expect(findIdioms("who's pulling tick's strings")).toEqual([
      { start: 6, end: 28, typed: "pulling tick's strings", plain: ['directing', 'controlling'] },
    ]);
    expect(findIdioms('did the engineer skip town').map((m) => m.plain)).toEqual([['fled', 'left']]);
    expect(findIdioms('Did The Deal Fall Through?').map((m) => m.typed)).toEqual(['Fall Through']);
    expect(findIdioms('how many orgs got pwned').map((m) => m.typed)).toEqual(['got pwned']);
  });

  it('matches whole words only, and never two idioms over the same words', () => {
    expect(findIdioms('screwdriver')).toEqual([]);
    expect(findIdioms('the crewmates')).toEqual([]);
    expect(findIdioms('which crew is behind bars').map((m) => m.typed)).toEqual(['crew', 'behind bars']);
    // "tick tock" is a clock, not the group: one idiom over both words.
    expect(findIdioms('tick-tock, when will they catch him').map((m) => m.plain)).toEqual([['time', 'waiting']]);
    expect(findIdioms('who is tick')).toEqual([]);
    expect(findIdioms('was he told to serve the motherland').map((m) => m.plain)).toEqual([['contribute', 'country']]);
    expect(findIdioms('how did he hide who he was').map((m) => m.plain)).toEqual([['false', 'identity']]);
    expect(findIdioms('he dipped outta japan').map((m) => m.plain)).toEqual([['left', 'fled']]);
    expect(findIdioms('did they lose any data').map((m) => m.plain)).toEqual([['data', 'leak']]);
    // Chat abbreviations, as whole words only.
    expect(findIdioms('what did the chief cab sec say??').map((m) => m.typed)).toEqual(['chief cab sec']);
    expect(findIdioms("the engineer they ID'd").map((m) => m.plain)).toEqual([['identified']]);
    expect(findIdioms('the security sw').map((m) => m.plain)).toEqual([['software']]);
    expect(findIdioms('swap the idea for a sweater')).toEqual([]);
    expect(findIdioms('who tasked him').map((m) => m.plain)).toEqual([['instructed', 'directed']]);
    expect(findIdioms('the task force')).toEqual([]);
    expect(findIdioms('what kind of soft he tried to get').map((m) => m.plain)).toEqual([['software']]);
    expect(findIdioms('china soft power')).toEqual([]);
    expect(findIdioms('PLA nexus to the buyer? vuln hunting').map((m) => m.plain)).toEqual([['linked', 'link'], ['vulnerabilities']]);
    expect(findIdioms('what are investigators focusing on now').map((m) => m.plain)).toEqual([['investigating', 'looking']]);
    expect(findIdioms('why search for weak spots in the program').map((m) => m.plain)).toEqual([['vulnerabilities', 'flaws']]);
    expect(findIdioms('how did the vendor figure out something was off').map((m) => m.typed)).toEqual(['figure out', 'something was off']);
    expect(findIdioms('which official went on record').map((m) => m.plain)).toEqual([['said', 'statement']]);
    expect(findIdioms('the usual whataboutism').map((m) => m.plain)).toEqual([['responded', 'argued']]);
    expect(findIdioms('beijing called it slander').map((m) => m.plain)).toEqual([['wrongly', 'accusing']]);
    expect(findIdioms('tear the program apart to find bugs').map((m) => m.plain)).toEqual([['analyze', 'vulnerabilities']]);
    expect(findIdioms('victimology of the campaign?').map((m) => m.typed)).toEqual(['victimology', 'the campaign']);
    // Police talk: a handler, the subject's name (not "the subject of the report").
    expect(findIdioms('who was running him, any handler?').map((m) => m.plain)).toEqual([
      ['instructed', 'directing'],
      ['instructed', 'directing'],
    ]);
    expect(findIdioms("what's the subject's name").map((m) => m.plain)).toEqual([['suspect']]);
    expect(findIdioms('what is the subject of the report')).toEqual([]);
    expect(findIdioms('what was the recruitment pitch').map((m) => m.typed)).toEqual(['recruitment pitch']);
    expect(findIdioms('a football pitch')).toEqual([]);
    expect(findIdioms('who killed the deal').map((m) => m.plain)).toEqual([['canceled', 'cancel']]);
    expect(findIdioms('the MFA spokesman, where was the SE based').map((m) => m.typed)).toEqual(['MFA', 'SE']);
    expect(findIdioms('Se Asia trip, a MOFA statement').map((m) => m.typed)).toEqual(['MOFA']);
  });

  it('finds nothing in a question without idioms', () => {
    expect(findIdioms('who attacked jaxa')).toEqual([]);
    expect(findIdioms('JAXAを攻撃したのは誰')).toEqual([]);
  });
});

describe('replaceIdioms', () => {
  it('replaces each idiom and keeps the rest', () => {
    const text = 'so who is pulling the strings, and did he skip town';
    expect(replaceIdioms(text, findIdioms(text), (m) => m.plain[0] ?? '')).toBe('so who is directing, and did he fled');
  });
});
