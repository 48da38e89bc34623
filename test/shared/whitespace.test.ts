import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, oneLine } from '../../src/shared/whitespace.js';

describe('oneLine', () => {
  it('folds every kind of whitespace run into one space and trims the ends', () => {
    expect(oneLine('  two\n lines ')).toBe('two lines');
    expect(oneLine('a\t\tb\r\nc\u00a0d\u3000e')).toBe('a b c d e');
    expect(oneLine('')).toBe('');
    expect(oneLine(' \n ')).toBe('');
  });

  it('returns tidy text as it is, and agrees with the plain replace on any text', () => {
    const tidy = 'Already tidy text.';
    expect(oneLine(tidy)).toBe(tidy);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\t', '\u00a0', 'b', '\u3000') }), (text) => {
        expect(oneLine(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
    );
  });
});

describe('collapseWhitespace', () => {
  it('keeps paragraph breaks and folds the rest', () => {
    expect(collapseWhitespace(' a \n b\n\n c ')).toBe('a b\nc');
    expect(collapseWhitespace('a\n \t\n\n\nb')).toBe('a\nb');
  });
});
