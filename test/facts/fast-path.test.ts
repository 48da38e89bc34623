import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlFast } from '../../src/facts/fast-yaml.js';
import { factSchema, quickFact } from '../../src/facts/schema.js';

// When a fast path answers, the answer must be what the yaml package / zod give; it may say "not
// sure" (undefined) only for what it leaves to them by design.
const SNIPPETS = [
  'facts:\n  - id: a\n    text: hello  world # c\n    tags: [a, b, "c d", \'e\'\'f\', x#y]\n',
  'facts:\n- id: a\n  cite:\n  - source: r\n    quote: "x \\"y\\" \\u00e9 \\\\ \\x41"\n  tags: []\n# end\n',
  'a:\n  b:\n    c: d\n  e: f\n', 'a: [ ]\n', "a: ['x' , \"y\" ]\n", 'a: 12:30\n', 'a: x#y\n', 'a: text with [brackets], commas\n',
  'a: x\u00a0\n', 'a:\n', 'a: "x"  # c\n', 'a: C# and F#\n', 'a:\n  - b: x\n    c:\n    - d\n    e: f\n',
  'a: 1\n', 'a: true\n', 'a: null\n', 'a: ~\n', 'a: 1.5\n', 'a: .5e3\n', 'a: 0x1f\n', 'a: .inf\n', 'true: x\n', 'a: 1e\n',
  'a: "x"y\n', 'a: b: c\n', 'a: b:\n', 'a:b\n', 'a: |\n  x\n', 'a: >-\n  x\n', 'a: x\n  y\n', 'a: x\n\n  y\n',
  'a: &x 1\n', 'a: *x\n', 'a: !t x\n', '---\na: x\n', 'a: x\n---\nb: y\n', 'a: x\na: y\n', 'a: [x, y,]\n', 'a: [x,,y]\n',
  'a: [x: y]\n', 'a: [x]y\n', 'a: {x: y}\n', 'a: -x\n', 'a: - x\n', '- a\n', '  a: x\n', 'a:\n  -\n    b: x\n',
  'a:\n  - - x\n', 'a:\n  - b: x\n     c: y\n', 'a:\n  - b: x\n   c: y\n', 'a:\n  - b: x\n  c: y\n', '', '# only\n',
  "a: 'x\n", 'a: "\\q"\n', 'a:\tx\n', 'a: [x, [y]]\n', 'a: x\n...\n', '__proto__: x\n', 'a: "multi\n  line"\n',
];

/**
 * What the fast parser leaves to the yaml package by design: YAML errors (the full parser words
 * them for moderators), anchors, aliases and tags, several documents or none.
 */
function leftToYamlPackage(text: string): boolean {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  if (docs.length !== 1 || docs.some((doc) => doc.errors.length > 0)) return true;
  return /(^|[\s:[,])[&*!][^\s,\]]/m.test(text);
}

describe('parseYamlFast', () => {
  it.each(SNIPPETS)('answers like the yaml package, or declines only what it leaves to it: %j', (text) => {
    const fast = parseYamlFast(text, 32);
    if (fast) expect(fast.data).toEqual(parse(text, { uniqueKeys: true }));
    else expect(leftToYamlPackage(text)).toBe(true);
  });

  it('reads the usual fact file and records each fact line', () => {
    const fast = parseYamlFast('# facts\nfacts:\n  - id: a\n    text: x\n\n  - id: b\n    text: y\n', 32);
    expect(fast?.data).toEqual({ facts: [{ id: 'a', text: 'x' }, { id: 'b', text: 'y' }] });
    expect(fast?.itemLines.get('facts')).toEqual([3, 6]);
  });

  it('leaves nesting over the limit to the full parser', () => {
    expect(parseYamlFast('a:\n  b:\n    c: [x]\n', 4)).toBeDefined();
    expect(parseYamlFast('a:\n  b:\n    c: [x]\n', 3)).toBeUndefined();
  });
});

const cite = [{ source: 'report', quote: ' A quote. ' }];
const FACTS: unknown[] = [
  { id: 'a', text: ' Text ', cite }, { id: 'a', text: 'T', cite, tags: [' x ', 'y'] }, { id: 'a', text: 'T', cite, tags: [] },
  { id: 'A', text: 'T', cite }, { id: '', text: 'T', cite }, { id: 'a'.repeat(65), text: 'T', cite }, { id: 'a', text: '   ', cite },
  { id: 'a', text: 'x'.repeat(301), cite }, { id: 'a', text: `${'x'.repeat(300)}   `, cite }, { id: 'a', text: 'T', cite: [] },
  { id: 'a', text: 'T', cite: [{ source: 'report' }] }, { id: 'a', text: 'T', cite: [{ source: 'report', quote: 'q', page: 1 }] },
  { id: 'a', text: 'T', cite, tags: null }, { id: 'a', text: 'T', cite, tags: Array.from({ length: 11 }, () => 't') },
  { id: 'a', text: 'T', cite, tags: ['x'.repeat(41)] }, { id: 'a', text: 'T', cite, tag: ['x'] }, { id: 'a', text: 5, cite },
  null, [], 'fact', { id: 'a', text: 'T', cite: 'report' },
  { id: 'a', text: 'T', cite: [{ source: 'report', quote: 'q', excerpt: true }] }, { id: 'a', text: 'T', cite: [{ source: 'report', quote: 'q', excerpt: false }] },
  { id: 'a', text: 'T', cite: [{ source: 'report', quote: 'q', excerpt: 'yes' }] }, { id: 'a', text: 'T', cite: [{ source: 'report', quote: 'q', excerpt: null }] },
  { id: 'a', text: 'T', cite, questions: [' was it? ', '雨は？'] }, { id: 'a', text: 'T', cite, tags: ['x'], questions: [] },
  { id: 'a', text: 'T', cite, questions: ['  '] }, { id: 'a', text: 'T', cite, questions: ['x'.repeat(201)] }, { id: 'a', text: 'T', cite, questions: 'why' },
  { id: 'a', text: 'T', cite, questions: Array.from({ length: 31 }, () => 'q') }, { id: 'a', text: 'T', cite, questions: [1] },
];

describe('quickFact', () => {
  it.each(FACTS.map((f) => [JSON.stringify(f), f]))('accepts only what factSchema accepts, with the same result: %s', (_, fact) => {
    const quick = quickFact(fact);
    const zod = factSchema.safeParse(fact);
    if (quick) expect(zod.success && zod.data).toEqual(quick);
    else expect(zod.success).toBe(false);
  });
});
