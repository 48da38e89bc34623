import { describe, expect, it } from 'vitest';
import { LineCounter, parseYaml } from '../../src/facts/yaml-doc.js';

const LIMITS = { maxAliasCount: 100, maxDepth: 32 };

/** Each reported problem as `line:column message`. */
function problemsOf(text: string): string[] {
  const lineCounter = new LineCounter();
  const result = parseYaml(text, lineCounter, LIMITS);
  if (result.ok) throw new Error('parsed without problems');
  return result.problems.map((p) => {
    const { line, col } = lineCounter.linePos(p.offset);
    return `${line}:${col} ${p.message}`;
  });
}

const JARGON = /mapping|implicit|flow sequence|block|scalar|indicator/i;

describe('parseYaml: common mistakes in plain words, at their line and column', () => {
  it.each([
    ['an unquoted ": " in text', 'facts:\n  - id: a\n    text: Kato said: the PLA is likely.\n', "3:11 this text contains ': ', which YAML reads as the start of a new field; put the whole text in double quotes"],
    ['an unclosed [', 'facts:\n  - id: a\n    tags: [meeting\n  - id: b\n    text: B.\n', "3:11 a list opened with '[' is not closed; add the ']'"],
    ['an unclosed {', 'facts:\n  - id: a\n    tags: {x\n  - id: b\n', "3:11 a group opened with '{' is not closed; add the '}'"],
    ['an unclosed double quote', 'facts:\n  - id: a\n    text: "A.\n  - id: b\n', '3:11 text opened with " is never closed; add the closing "'],
    ['an unclosed single quote', "facts:\n  - id: a\n    text: 'A.\n  - id: b\n", "3:11 text opened with ' is never closed; add the closing '"],
    ['a field indented too far', 'facts:\n  - id: a\n    text: A.\n     tags: [x]\n', '3:11 the line below is indented further than this one'],
    ['a field indented too little', 'facts:\n  - id: a\n    text: A.\n   tags: [x]\n', "4:1 this line is indented as if it were a list item, but has no '- '"],
    ['a list item out of line', 'facts:\n  - id: a\n    cite:\n    - source: r\n   - id: b\n', "5:4 this '- ' is not lined up with the other items of its list"],
    ['a field out of line', 'facts:\n- id: a\n  text: x\n tags: [x]\n', '4:1 this line is indented as if it were a list item'],
    ['a tab for indentation', 'facts:\n  - id: a\n\ttext: A.\n', '3:1 a tab is used for indentation; YAML needs spaces'],
    ['text after a closing quote', 'facts:\n  - id: a\n    text: "A" said B.\n', '3:15 text goes on after a closing quote or bracket'],
    ['text starting with @', 'facts:\n  - id: a\n    text: @kato said\n', '3:11 text cannot start with "@" as it stands'],
  ])('%s', (_, text, expected) => {
    const [first, ...rest] = problemsOf(text);
    expect(first?.startsWith(expected)).toBe(true);
    expect(first).not.toMatch(JARGON);
    expect(rest).toEqual([]);
  });

  it('reports each broken fact once, recovering the others', () => {
    const text = 'facts:\n  - id: a\n    text: Kato said: x\n  - id: b\n    text: Fine.\n  - id: c\n    text: Wang said: y\n    tags: [x\n  - id: d\n    text: ok\n  - id: e\n    text: ok\n';
    const lineCounter = new LineCounter();
    const result = parseYaml(text, lineCounter, LIMITS);
    if (result.ok) throw new Error('parsed without problems');
    expect(result.problems.map((p) => lineCounter.linePos(p.offset).line)).toEqual([3, 7]);
    expect(result.recovered?.parsed.data).toMatchObject({ facts: [{}, { id: 'b', text: 'Fine.' }, {}, {}, { id: 'e', text: 'ok' }] });
    // a, c and d (swallowed by c's unclosed bracket) are not to be trusted; b and e are.
    const brokenLines = result.recovered?.broken.map(([start]) => lineCounter.linePos(start).line);
    expect(brokenLines).toEqual([2, 6, 9]);
  });

  it('reads nothing more when the file itself, not one item, is broken', () => {
    const lineCounter = new LineCounter();
    const result = parseYaml('facts:\n  - id: a\n    text: A.\n  tags: [x]\n  - id: b\n', lineCounter, LIMITS);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.recovered).toBeUndefined();
    }
  });
});
