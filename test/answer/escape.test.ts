import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, neutralizeMentions, sanitizeUserText, stripControl, truncate, truncateMarkdown } from '../../src/answer/escape.js';
import { liveMarkup } from './fixtures.js';

describe('escapeMarkdown', () => {
  it('escapes every markdown character so none keeps its meaning', () => {
    const nasty = '**b** __u__ ~~s~~ ||spoiler|| `code` ```block``` > quote # h [x](https://e.vil) \\ -# sub';
    const escaped = escapeMarkdown(nasty);
    expect(liveMarkup(escaped)).toBe('');
    // Unescaping gives the text back.
    expect(escaped.replace(/\\([^A-Za-z0-9\s])/g, '$1')).toBe(nasty);
  });

  it('escapes numbered and plus lists only at line start', () => {
    expect(escapeMarkdown('1. one\n  2. two\n+ three\nnot 3. here')).toBe('1\\. one\n  2\\. two\n\\+ three\nnot 3. here');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeMarkdown('JAXA said so, on 1 June.')).toBe('JAXA said so, on 1 June.');
  });
});

describe('neutralizeMentions', () => {
  it.each(['@everyone', '@here', '@EVERYONE', '<@123>', '<@!123>', '<@&1>', '<#42>', '</case:123>'])('makes %s inert', (mention) => {
    const out = neutralizeMentions(`hi ${mention} there`);
    expect(out).not.toContain(mention);
    expect(out.replace(/\u200b/g, '')).toBe(`hi ${mention} there`);
  });

  it('is idempotent', () => {
    const once = neutralizeMentions('@everyone <@1>');
    expect(neutralizeMentions(once)).toBe(once);
  });
});

describe('truncate', () => {
  it('keeps text that fits and marks cuts with an ellipsis', () => {
    expect(truncate('Hello', 5)).toBe('Hello');
    expect(truncate('Hello world', 8)).toBe('Hello w…');
    expect(truncate('Hello world', 7)).toBe('Hello…');
    expect(truncate('Hello', 0)).toBe('');
  });

  it('never splits a surrogate pair', () => {
    const out = truncate('😀😀😀', 4);
    expect(out).toBe('😀…');
    expect(out.length).toBeLessThanOrEqual(4);
    for (let max = 1; max <= 7; max += 1) {
      const cut = truncate('a😀b😀c😀', max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
    }
  });

  it('truncateMarkdown never leaves a dangling escape', () => {
    expect(truncateMarkdown('ab\\*cd', 4)).toBe('ab…');
    expect(truncateMarkdown('ab\\\\cd', 5)).toBe('ab\\\\…');
  });
});

describe('sanitizeUserText', () => {
  it('strips controls and bidi overrides, collapses whitespace, neutralises and escapes', () => {
    const out = sanitizeUserText('  **hi**\u202e\u0007\n\t@here <@1>  ', 100);
    expect(out).toBe('\\*\\*hi\\*\\* @\u200bhere <\u200b@1\\>');
  });

  it('breaks auto-links', () => {
    expect(sanitizeUserText('see https://evil.example', 100)).toBe('see https\\://evil.example');
  });

  it('truncates huge input without cutting an escape', () => {
    const out = sanitizeUserText('*'.repeat(6000), 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.endsWith('…')).toBe(true);
    expect(liveMarkup(out.slice(0, -1))).toBe('');
  });

  it('stripControl keeps the words', () => {
    expect(stripControl('a\u202eb\u2066c\u0000d\ne')).toBe('abcd\ne');
  });
});

describe('escapeMarkdown and neutralizeMentions skip work only when nothing would change', () => {
  // The plain three-pass definitions the fast paths must agree with.
  const slowEscape = (text: string): string =>
    text
      .replace(/[\\*_~`|>#\-[\]()]/g, '\\$&')
      .replace(/^(\s*)(\d+)\.(?=\s|$)/gm, '$1$2\\.')
      .replace(/^(\s*)\+(?=\s)/gm, '$1\\+');
  const slowNeutralize = (text: string): string => text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(?=[@#/:]|a:)/g, '<\u200b');
  const alphabet = fc.constantFrom(
    'a',
    'Z',
    '1',
    '9',
    '.',
    '+',
    ' ',
    '\n',
    '*',
    '_',
    '`',
    '@',
    '<',
    '#',
    ':',
    'a:',
    '-',
    'everyone',
    'HERE',
    'ネ',
    '😀',
  );

  it('gives the same result as the plain definitions on any mix of the characters that matter', () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')),
        (text) => {
          expect(escapeMarkdown(text)).toBe(slowEscape(text));
          expect(neutralizeMentions(text)).toBe(slowNeutralize(text));
        },
      ),
      { numRuns: 2000, seed: 20261127 },
    );
  });
});
