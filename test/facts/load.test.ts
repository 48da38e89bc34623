import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFactsDir } from '../../src/facts/load.js';
import type { LoadError } from '../../src/facts/types.js';

const fixtures = path.join(import.meta.dirname, '../fixtures/facts');

async function errorsOf(name: string): Promise<readonly LoadError[]> {
  const result = await loadFactsDir(path.join(fixtures, name));
  if (result.ok) throw new Error(`${name} loaded without errors`);
  return result.errors;
}

/** Asserts exactly one error at file:line:column whose message contains every key word. */
async function expectOneError(name: string, file: string, line: number, column: number, ...words: string[]): Promise<void> {
  const errors = await errorsOf(name);
  expect(errors).toHaveLength(1);
  const [error] = errors;
  expect({ file: error?.file, line: error?.line, column: error?.column }).toEqual({ file: `${name}/demo/${file}`, line, column });
  for (const word of words) expect(error?.message).toContain(word);
}

describe('loadFactsDir: valid folders', () => {
  it('loads a valid case with its sources, aliases and facts in file order, ignoring README and dotfiles', async () => {
    const result = await loadFactsDir(path.join(fixtures, 'valid'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const demo = result.factSet.cases.get('demo');
    expect([...result.factSet.cases.keys()]).toEqual(['demo']);
    expect(demo?.aliases).toEqual([['JAXA', 'Japan Aerospace Exploration Agency']]);
    expect(demo?.sources.get('report')).toMatchObject({ title: 'Committee report', publisher: null, file: 'valid/demo/sources/report.txt' });
    expect(result.factSet.facts.map((f) => [f.id, f.file, f.line])).toEqual([
      ['met-in-tokyo', 'valid/demo/facts.yaml', 2],
      ['company-fake', 'valid/demo/facts.yaml', 8],
    ]);
    expect(result.factSet.facts[0]).toMatchObject({ caseId: 'demo', tags: ['meeting'], citations: [{ source: 'report', quote: 'The committee met on Monday in Tokyo.' }] });
  });

  it('loads a source file case.yaml does not list, with a warning naming the fix', async () => {
    const result = await loadFactsDir(path.join(fixtures, 'source-not-listed'));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ file: 'source-not-listed/demo/sources/followup.txt', line: 0, column: 0,
      message: expect.stringContaining('not listed in case.yaml, so no fact can cite it; list it under sources: in case.yaml'),
      problem: { kind: 'source-not-listed', file: 'sources/followup.txt' } }]);
    expect((await loadFactsDir(path.join(fixtures, 'valid'))).warnings).toEqual([]);
  });

  it('loads the shipped facts without errors or warnings (every quote a whole sentence of its source)', async () => {
    const result = await loadFactsDir(path.join(import.meta.dirname, '../../facts'));
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('accepts a UTF-8 BOM and CRLF line ends', async () => {
    const result = await loadFactsDir(path.join(fixtures, 'bom-and-crlf'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.factSet.facts.map((f) => f.id)).toEqual(['met-in-tokyo', 'company-fake']);
    expect(result.factSet.cases.get('demo')?.sources.get('report')?.text.includes('\r')).toBe(false);
  });

  it('reads facts-*.yaml after facts.yaml and matches a re-wrapped quote with ASCII for typographic quotes', async () => {
    const result = await loadFactsDir(path.join(fixtures, 'split-facts'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.factSet.facts.map((f) => [f.id, f.file])).toEqual([
      ['met-in-tokyo', 'split-facts/demo/facts.yaml'],
      ['company-fake', 'split-facts/demo/facts.yaml'],
      ['tick', 'split-facts/demo/facts-more.yaml'],
    ]);
  });
});

describe('loadFactsDir: one mistake per fixture, located for a moderator', () => {
  it('quote not in source: names the differing word and shows the closest sentence', () =>
    expectOneError('quote-not-in-source', 'facts.yaml', 6, 16, 'quote not found in source "report"',
      '"Tuesday" should be "Monday"', 'The sentence is "The committee met on Monday in Tokyo."'));
  it('invented quote: says it is not in the source, without an unrelated sentence', async () => {
    await expectOneError('quote-invented', 'facts.yaml', 6, 16, 'quote not found in source "report"', 'no sentence of it is close');
    const [error] = await errorsOf('quote-invented');
    for (const sentence of ['committee', 'company', 'Officials', 'Sato']) expect(error?.message).not.toContain(sentence);
  });
  it('a file path as source id: asks for the id from case.yaml, with a source-id example', () =>
    expectOneError('source-path-as-id', 'facts.yaml', 5, 17, "'source' should be the source's id from case.yaml", 'not a file path', 'like report'));
  it('citing a source file case.yaml does not list: says to list it there', async () => {
    await expectOneError('cites-unlisted-source', 'facts.yaml', 5, 17, "unknown source 'followup'", 'sources/followup.txt exists',
      'list it under sources: in case.yaml (id: followup, title:, file: sources/followup.txt)');
  });
  it('a quote that is only part of a sentence needs the whole sentence, or excerpt: true and 6 words', async () => {
    const errors = await errorsOf('quote-fragment');
    expect(errors.map((e) => [e.line, e.column])).toEqual([[6, 16], [11, 16], [16, 16]]);
    const [fragment, clause, shortExcerpt] = errors.map((e) => e.message);
    expect(fragment).toContain('quote is only part of a sentence of source "report" (4 words); quote the whole sentence: "Officials called the group “Tick” in their report."');
    expect(fragment).not.toContain('excerpt');
    expect(clause).toContain("to quote just this clause, add 'excerpt: true' to this cite");
    expect(shortExcerpt).toContain('excerpt has 4 words, and an excerpt needs at least 6');
    // The facts 'excerpt' (6 words, excerpt: true) and 'two-sentences' (two whole sentences) are accepted.
  });
  it('unknown field: suggests the known name', async () => {
    const errors = await errorsOf('unknown-field');
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [5, 9, "missing required field 'quote'; add it"],
      [6, 9, "unknown field 'qoute' — did you mean 'quote'?"],
    ]);
  });
  it('duplicate fact id: points to both places', () =>
    expectOneError('duplicate-fact-id', 'facts.yaml', 8, 9, "fact id 'met-in-tokyo' is already used at duplicate-fact-id/demo/facts.yaml:2:9"));
  it('YAML syntax error: says in plain words what to do, at the unclosed bracket', async () => {
    await expectOneError('yaml-syntax', 'facts.yaml', 7, 11, "a list opened with '[' is not closed; add the ']'");
    const [error] = await errorsOf('yaml-syntax');
    expect(error?.message).not.toMatch(/flow sequence|block collection|mapping/i);
  });
  it('duplicate key', () => expectOneError('duplicate-key', 'facts.yaml', 8, 5, "the field 'text' appears twice"));
  it('unknown source id: lists the known ones', () =>
    expectOneError('unknown-source-id', 'facts.yaml', 5, 17, "unknown source 'reprot'", "sources are 'report'", "did you mean 'report'"));
  it('text too long: says the limit and the length', () =>
    expectOneError('text-too-long', 'facts.yaml', 3, 11, "'text' is 349 characters long", 'limit of 300'));
  it('alias claimed by two groups', () =>
    expectOneError('alias-in-two-groups', 'case.yaml', 11, 6, "alias 'Japan Aerospace Exploration Agency' is already in alias group 1", 'case.yaml:10:5'));
  it('wrong type', () => expectOneError('wrong-type', 'facts.yaml', 7, 11, "'tags' should be a list", 'not text'));
  it('missing field: points at the fact', () => expectOneError('missing-field', 'facts.yaml', 8, 5, "missing required field 'text'"));
  it('case id not matching the folder', () =>
    expectOneError('case-id-mismatch', 'case.yaml', 1, 5, "case id 'demo-case' does not match its folder name 'demo'"));
  it('missing source file: points at the file field', () =>
    expectOneError('missing-source-file', 'case.yaml', 8, 11, "source file 'sources/missing.txt' not found"));
  it('source path escaping the case folder', () =>
    expectOneError('source-path-escapes', 'case.yaml', 8, 11, "source file '../../x' leads outside the case folder"));
  it('invalid UTF-8: locates the bad byte', () =>
    expectOneError('invalid-utf8', 'facts.yaml', 3, 15, 'not valid UTF-8'));
  it('deeply nested YAML is refused without blowing the stack', () =>
    expectOneError('deep-nesting', 'facts.yaml', 1, 39, 'nested more than 32 levels'));
  it('YAML alias bomb is refused', () => expectOneError('alias-bomb', 'facts.yaml', 1, 1, 'aliases'));
  it('a folder without case.yaml is reported (hidden ones are not)', async () => {
    const errors = await errorsOf('folder-without-case');
    expect(errors).toEqual([{ file: 'folder-without-case/stray', line: 0, column: 0, message: expect.stringContaining('folder has no case.yaml') }]);
  });

  it('after YAML syntax errors, still reports every other problem of the file and of the other files', async () => {
    const errors = await errorsOf('yaml-errors-and-more');
    expect(errors.map((e) => `${e.file.replace('yaml-errors-and-more/demo/', '')}:${e.line}:${e.column} ${e.message.split(/; |": /)[0]}`)).toEqual([
      'facts-more.yaml:6:16 quote not found in source "report"',
      "facts.yaml:3:11 this text contains ': ', which YAML reads as the start of a new field",
      'facts.yaml:11:16 quote not found in source "report"',
      "facts.yaml:12:5 unknown field 'tagz' — did you mean 'tags'?",
      "facts.yaml:15:11 a list opened with '[' is not closed",
    ]);
  });

  it('reports every mistake of a folder at once', async () => {
    const errors = await errorsOf('several-mistakes');
    expect(errors.map((e) => `${e.line}:${e.column} ${e.message.split(/[;:]/)[0]}`)).toEqual([
      '6:16 quote not found in source "report"',
      "7:5 unknown field 'tagz' — did you mean 'tags'?",
      "8:9 fact id 'met-in-tokyo' is already used at several-mistakes/demo/facts.yaml",
      "11:17 unknown source 'nowhere'",
    ]);
  });
});

describe('loadFactsDir: files and limits', () => {
  const temps: string[] = [];
  afterAll(async () => {
    await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
  });

  async function tempCase(source: string): Promise<{ root: string; caseDir: string }> {
    const base = await mkdtemp(path.join(tmpdir(), 'casebot-facts-'));
    temps.push(base);
    const root = path.join(base, 'facts');
    const caseDir = path.join(root, 'demo');
    await mkdir(path.join(caseDir, 'sources'), { recursive: true });
    await writeFile(path.join(caseDir, 'case.yaml'), 'id: demo\ntitle: Demo\nsummary: S.\nsources:\n  - id: report\n    title: R\n    file: sources/report.txt\n');
    await writeFile(path.join(caseDir, 'facts.yaml'), 'facts:\n  - id: a\n    text: A.\n    cite:\n      - source: report\n        quote: It rained.\n');
    await writeFile(path.join(base, 'outside.txt'), source);
    return { root, caseDir };
  }

  it("reads a fact's questions (trimmed, spaces collapsed), and warns about a question two facts carry", async () => {
    const { root, caseDir } = await tempCase('');
    await writeFile(path.join(caseDir, 'sources', 'report.txt'), 'It rained. It snowed.');
    await writeFile(
      path.join(caseDir, 'facts.yaml'),
      [
        'facts:',
        '  - id: rain',
        '    text: It rained.',
        '    cite: [{ source: report, quote: It rained. }]',
        '    questions: ["  was it   wet ", 雨は降ったの, what was the weather]',
        '  - id: snow',
        '    text: It snowed.',
        '    cite: [{ source: report, quote: It snowed. }]',
        '    questions: [What was the  weather]',
        '',
      ].join('\n'),
    );
    const result = await loadFactsDir(root);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(result.factSet.facts.map((f) => f.questions)).toEqual([['was it wet', '雨は降ったの', 'what was the weather'], ['What was the weather']]);
    expect(result.warnings).toEqual([
      // At the second fact (line 6), which is where it would be removed.
      {
        file: 'facts/demo/facts.yaml',
        line: 6,
        column: 0,
        message: `the question "What was the weather" is on fact 'rain' and on fact 'snow'; keep it only on the fact that answers it`,
        problem: { kind: 'shared-question', question: 'What was the weather', first: 'rain', second: 'snow' },
      },
    ]);
  });

  it('refuses questions that are not a list of short texts, saying which', async () => {
    const { root, caseDir } = await tempCase('');
    await writeFile(path.join(caseDir, 'sources', 'report.txt'), 'It rained.');
    await writeFile(
      path.join(caseDir, 'facts.yaml'),
      `facts:\n  - id: rain\n    text: It rained.\n    cite: [{ source: report, quote: It rained. }]\n    questions: [ok, "${'x'.repeat(201)}"]\n`,
    );
    const result = await loadFactsDir(root);
    expect(result.ok ? [] : result.errors.map((e) => `${e.line} ${e.message}`)).toEqual([expect.stringMatching(/^5 .*questions.*200/)]);
  });

  it("reads a case's off-topic questions (spaces collapsed, duplicates once), and refuses one that is not a short text", async () => {
    const { root, caseDir } = await tempCase('');
    await writeFile(path.join(caseDir, 'sources', 'report.txt'), 'It rained.');
    const caseYaml = 'id: demo\ntitle: Demo\nsummary: S.\nsources:\n  - id: report\n    title: R\n    file: sources/report.txt\n';
    await writeFile(path.join(caseDir, 'case.yaml'), `${caseYaml}offtopic:\n  - "when is the next   launch "\n  - ロケットはいつ\n  - when is the next launch\n`);
    const result = await loadFactsDir(root);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    expect(result.factSet.cases.get('demo')?.offtopic).toEqual(['when is the next launch', 'ロケットはいつ']);
    await writeFile(path.join(caseDir, 'case.yaml'), `${caseYaml}offtopic:\n  - ok\n  - "${'x'.repeat(201)}"\n`);
    const refused = await loadFactsDir(root);
    expect(refused.ok ? [] : refused.errors.map((e) => `${e.line} ${e.message}`)).toEqual([expect.stringMatching(/^10 .*offtopic.*200/)]);
  });

  it('refuses a source that is a symbolic link to outside the root', async () => {
    const { root, caseDir } = await tempCase('It rained.');
    await symlink(path.join(root, '..', 'outside.txt'), path.join(caseDir, 'sources', 'report.txt'));
    const result = await loadFactsDir(root);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([{ file: 'facts/demo/sources/report.txt', line: 0, column: 0, message: expect.stringContaining('symbolic link to a place outside the facts folder') }]);
    }
  });

  it('refuses a source over the size limit before reading it, and accepts it with a larger limit', async () => {
    const { root, caseDir } = await tempCase('');
    await writeFile(path.join(caseDir, 'sources', 'report.txt'), `It rained. ${'X'.repeat(2000)}`);
    const small = await loadFactsDir(root, { maxSourceBytes: 1000 });
    expect(small.ok ? [] : small.errors.map((e) => e.message)).toEqual([expect.stringMatching(/file is 2011 bytes, over the limit of 1000 bytes/)]);
    expect((await loadFactsDir(root, { maxSourceBytes: 10_000 })).ok).toBe(true);
  });

  it('returns an error, not a throw, for a missing root', async () => {
    const result = await loadFactsDir(path.join(tmpdir(), 'no-such-casebot-facts-dir'));
    expect(result).toEqual({ ok: false, errors: [{ file: 'no-such-casebot-facts-dir', line: 0, column: 0, message: expect.stringContaining('not found') }], warnings: [] });
  });
});
