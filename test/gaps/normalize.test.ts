import { describe, expect, it } from 'vitest';
import { MAX_STORED_QUERY, normalizeQuestion } from '../../src/gaps/normalize.js';

describe('normalizeQuestion', () => {
  it.each([
    ['  Was   DATA\nstolen?? ', 'was data stolen'],
    ['was data stolen.', 'was data stolen'],
    ['ＪＡＸＡ？', 'jaxa'],
    ['データは盗まれた？', 'データは盗まれた'],
    ['who\u202e is\u0007 wang!', 'who is wang'],
    ['?!', ''],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeQuestion(input)).toBe(expected);
  });

  it('keeps punctuation inside the question (only the end is trimmed)', () => {
    expect(normalizeQuestion('Is it 2016? Or 2017?')).toBe('is it 2016? or 2017');
  });

  it(`cuts at ${MAX_STORED_QUERY} code points without splitting a surrogate pair`, () => {
    const long = '😀'.repeat(MAX_STORED_QUERY + 50);
    const out = normalizeQuestion(long);
    expect([...out]).toHaveLength(MAX_STORED_QUERY);
    expect(out).toBe('😀'.repeat(MAX_STORED_QUERY));
  });
});
