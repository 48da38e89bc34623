import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/facts/types.js';
import { FINGERPRINT_BYTES, fingerprintFacts, matchFingerprints } from '../../src/store/fingerprint.js';

const base: Fact = {
  id: 'jaxa-targeted',
  caseId: 'tick-jaxa',
  text: 'JAXA was among the targets.',
  citations: [
    {
      source: 'report',
      quote: 'JAXA was among about 200 targets.',
      sourceText: 'JAXA was among about 200 targets.',
      position: { first: 1, last: 1, of: 1 },
    },
  ],
  tags: ['jaxa'],
  questions: [],
  file: 'tick-jaxa/facts.yaml',
  line: 3,
};

describe('fingerprintFacts', () => {
  it('gives equal facts equal fingerprints, and differs when any field differs', () => {
    const variants: Fact[] = [
      { ...base, id: 'other' },
      { ...base, caseId: 'other-case' },
      { ...base, text: 'JAXA was a target.' },
      {
        ...base,
        citations: [
          {
            source: 'other',
            quote: base.citations[0]?.quote ?? '',
            sourceText: base.citations[0]?.quote ?? '',
            position: { first: 1, last: 1, of: 1 },
          },
        ],
      },
      {
        ...base,
        citations: [
          { source: 'report', quote: 'Another sentence.', sourceText: 'Another sentence.', position: { first: 1, last: 1, of: 1 } },
        ],
      },
      { ...base, tags: ['jaxa', 'space'] },
      { ...base, file: 'tick-jaxa/more.yaml' },
      { ...base, line: 4 },
    ];
    const prints = fingerprintFacts([base, { ...base }, ...variants]);
    expect(prints.length).toBe((2 + variants.length) * FINGERPRINT_BYTES);
    const hex = (i: number): string => Buffer.from(prints.subarray(i * FINGERPRINT_BYTES, (i + 1) * FINGERPRINT_BYTES)).toString('hex');
    expect(hex(1)).toBe(hex(0));
    const all = new Set(Array.from({ length: 2 + variants.length }, (_, i) => hex(i)));
    expect(all.size).toBe(1 + variants.length);
  });

  it('does not confuse field boundaries (tags ["a b"] vs ["a", "b"])', () => {
    const prints = fingerprintFacts([
      { ...base, tags: ['a b'] },
      { ...base, tags: ['a', 'b'] },
    ]);
    expect(Buffer.from(prints.subarray(0, FINGERPRINT_BYTES)).equals(Buffer.from(prints.subarray(FINGERPRINT_BYTES)))).toBe(false);
  });
});

describe('matchFingerprints', () => {
  it('maps each fact to the position of its equal among the known ones, or -1', () => {
    const a = base;
    const b = { ...base, id: 'b' };
    const c = { ...base, id: 'c' };
    const known = fingerprintFacts([a, b]);
    const next = fingerprintFacts([b, c, a]);
    expect([...matchFingerprints(next, known)]).toEqual([1, -1, 0]);
  });

  it('matches nothing when the known fingerprints are malformed', () => {
    const next = fingerprintFacts([base]);
    expect([...matchFingerprints(next, new Uint8Array(FINGERPRINT_BYTES + 3))]).toEqual([-1]);
  });
});
