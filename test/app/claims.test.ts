import { describe, expect, it } from 'vitest';
import { cleanMessageText, MAX_CHECKED_CHARS, MAX_CLAIM_CHARS, MAX_CLAIMS, readClaims } from '../../src/app/claims.js';

describe('cleanMessageText', () => {
  it('drops links, mentions, custom emoji, emoji and decorating markdown; keeps a masked link’s words and line breaks', () => {
    expect(cleanMessageText('**JAXA** was hacked <@123> <@&45> <#67> <:pog:89> 😱🇯🇵 https://x.example/a')).toBe('JAXA was hacked');
    expect(cleanMessageText('hi <@1>, JAXA <:pog:89>!')).toBe('hi, JAXA!');
    expect(cleanMessageText('> quoted [the report](https://e.org/r) says ||so||\n- Wang @everyone')).toBe(
      'quoted the report says so\nWang',
    );
  });
});

describe('readClaims', () => {
  it('splits a message into its sentences and lines, in order', () => {
    expect(readClaims('JAXA was hacked in 2016. Police want Wang!\nThe tick group did it')).toEqual({
      kind: 'claims',
      claims: ['JAXA was hacked in 2016.', 'Police want Wang!', 'The tick group did it'],
      truncated: false,
    });
  });

  it('leaves out chatter between claims, but a one-word message is still its own claim', () => {
    expect(readClaims('lol. JAXA was hacked in 2016. Agreed!')).toMatchObject({ claims: ['JAXA was hacked in 2016.'] });
    expect(readClaims('JAXA?')).toMatchObject({ kind: 'claims', claims: ['JAXA?'] });
  });

  it('caps the number of claims and says the message was truncated', () => {
    const text = Array.from({ length: MAX_CLAIMS + 3 }, (_, i) => `Claim number ${i + 1} about JAXA.`).join(' ');
    const read = readClaims(text);
    expect(read).toMatchObject({ kind: 'claims', truncated: true });
    if (read.kind === 'claims') expect(read.claims).toHaveLength(MAX_CLAIMS);
  });

  it('caps the length read and of each claim, cutting at a word', () => {
    const long = readClaims(`JAXA ${'hacked systems '.repeat(100)}`);
    expect(long).toMatchObject({ kind: 'claims', truncated: true });
    if (long.kind === 'claims') {
      expect(long.claims[0]?.length).toBeLessThanOrEqual(MAX_CLAIM_CHARS);
      expect(long.claims[0]).toMatch(/(hacked|systems)$/);
    }
    const past = readClaims(`${'word '.repeat(MAX_CHECKED_CHARS / 5)}\nJAXA was hacked.`);
    expect(past).toMatchObject({ truncated: true });
    if (past.kind === 'claims') expect(past.claims.join(' ')).not.toContain('JAXA');
  });

  it('tells messages without text, with only links, or with only mentions and emoji apart', () => {
    expect(readClaims('')).toEqual({ kind: 'no-text' });
    expect(readClaims('  \n ')).toEqual({ kind: 'no-text' });
    expect(readClaims('https://example.org/story')).toEqual({ kind: 'link-only' });
    expect(readClaims('<https://example.org/a> 👀 https://example.org/b')).toEqual({ kind: 'link-only' });
    expect(readClaims('<@123> 🔥🔥 <:pog:89>')).toEqual({ kind: 'no-words' });
    expect(readClaims('what is this?')).toEqual({ kind: 'no-words' });
  });
});
